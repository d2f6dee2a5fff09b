"""A solved private case becomes an anonymised FAQ: the customer's words under no name,
staff answers under their author, everything personal removed, and a staff member's
review and confirmation before it is public."""

import re

import pytest
from sqlalchemy import func, select

from forum import outbox
from forum.access import NotAllowed
from forum.customers import faq
from forum.extensions import db
from forum.models import AuditEntry, Post, PostRevision, Thread, ThreadStatus
from forum.posts import services as posts
from forum.support import services as support

from ..factories import make_user
from .faq_case import SECRETS, first_post, published_faq, solved_case

ANONYMISED = "Kundin/Kunde (anonymisiert)"


@pytest.fixture
def solved(forum):
    return solved_case(forum)


def _thread_of(location: str) -> Thread:
    return db.session.get(Thread, int(re.search(r"/t/(\d+)", location)[1]))


def _article(page: str, post_id: int) -> str:
    return page.split(f'id="p{post_id}"', 1)[1].split("</article>", 1)[0]


def test_staff_make_a_draft_and_land_on_its_review(client, auth, forum, solved):
    auth.login(forum.staff)
    response = client.post(f"/t/{solved.case.id}/faq-draft")
    assert response.status_code == 302 and response.headers["Location"].endswith("/faq-review")
    draft = _thread_of(response.headers["Location"])
    assert draft.is_faq and draft.is_faq_draft and draft.is_private
    assert draft.faq_case_id == solved.case.id and draft.status == ThreadStatus.SOLVED
    question, answer = first_post(draft), draft.solution
    assert question.anonymised_customer and question.author_id == forum.staff.id
    assert answer.author_id == solved.answerer.id and not answer.anonymised_customer
    for secret in SECRETS:
        for text in (draft.title, question.body_source, answer.body_source):
            assert secret not in text, secret
    assert question.body_source.startswith("Hallo Frau [Name],")
    assert "Hallo Frau [Name]," in answer.body_source
    auth.logout()
    assert client.get(f"/t/{draft.id}").status_code == 404  # nobody else sees a draft
    db.session.refresh(solved.case)
    assert solved.case.is_private  # the case itself stays private


def test_the_question_is_shown_as_an_anonymised_customers_and_the_answer_as_staffs(
    client, forum, solved
):
    published = published_faq(forum, solved)
    page = client.get(f"/t/{published.id}", follow_redirects=True).text
    question = _article(page, published.first_post_id)
    assert ANONYMISED in question
    assert "staff-badge" not in question and "/u/" not in question
    answer = _article(page, published.solution_post_id)
    assert "Jana Becker" in answer and "staff-badge" in answer
    head = page.split('class="thread-head"', 1)[1].split("</div>", 1)[0]
    assert "Erstellt von <span" in head and ANONYMISED in head
    assert forum.staff.username not in page and "Mitarbeiter" not in head
    for secret in SECRETS[:-1]:  # the answer names its staff author
        assert secret not in page.replace("Jana Becker", ""), secret
    board = client.get(f"/b/{forum.board.slug}").text
    assert published.title in board and ANONYMISED in board


def test_an_answer_the_customer_wrote_is_theirs_anonymised_too(client, auth, forum, solved):
    case = solved.case
    own = posts.reply(solved.customer, case, "Ich habe den Splitter getauscht, jetzt geht es.")
    support.mark_solution(solved.customer, case, own)
    draft = faq.draft_faq(forum.staff, case)
    assert draft.solution.anonymised_customer
    assert draft.first_staff_reply_at is None  # no staff answer in this FAQ
    faq.publish_draft(forum.staff, draft, faq.fingerprint(draft))
    page = client.get(f"/t/{draft.id}", follow_redirects=True).text
    solution = page.split('class="solution-box"', 1)[1]
    assert ANONYMISED in solution.split("</h2>", 1)[0]
    assert "staff-badge" not in solution.split("</h2>", 1)[0]


def test_the_staff_members_profile_and_count_do_not_take_the_customers_words(client, forum, solved):
    before = forum.staff.post_count
    published = published_faq(forum, solved)
    db.session.refresh(forum.staff)
    assert forum.staff.post_count == before
    profile = client.get(f"/u/{forum.staff.username}").text
    assert published.title not in profile
    assert published.title in client.get("/u/jana.becker").text  # her answer is hers


def test_search_finds_the_customers_words_under_no_name(client, forum, solved):
    from ..search.conftest import find

    published = published_faq(forum, solved)
    assert find(None, f"von:{forum.staff.username}").total == 0  # wrote down, did not write
    assert find(None, "von:petra.m").total == 0  # nor under the customer
    hits = find(None, "von:jana.becker").page.items
    assert [(hit.thread.id, hit.post.id) for hit in hits] == [
        (published.id, published.solution_post_id)
    ]
    hits = find(None, "Vermittlungsstelle Protokoll").page.items
    assert [hit.thread.id for hit in hits] == [published.id]
    results = client.get("/search", query_string={"q": "Protokoll Fehler"}).text
    assert ANONYMISED in results and forum.staff.username not in results


def test_feeds_and_quotes_name_no_one_for_the_question(client, auth, forum, solved):
    published = published_faq(forum, solved)
    site = client.get("/feeds/threads.atom").text
    entry = site.split("<entry>", 1)[1]
    assert f"<name>{ANONYMISED}</name>" in entry
    thread_feed = client.get(f"/t/{published.id}/feed.atom").text
    assert f"Beitrag von {ANONYMISED}" in thread_feed
    assert forum.staff.username not in site + thread_feed
    auth.login(forum.member)
    quote = client.get(f"/p/{published.first_post_id}/quote").json["markdown"]
    assert quote.startswith(f"> **{ANONYMISED}:**")


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("guest", 302),  # to the log-in
        ("member", 404),
        ("customer", 404),  # the case's own customer: a draft is the staff's
        ("moderator", 403),
        ("staff", 200),
        ("admin", 200),
    ],
)
def test_only_staff_and_admins_review_a_draft(client, auth, forum, solved, role, status):
    draft = faq.draft_faq(forum.staff, solved.case)
    user = solved.customer if role == "customer" else getattr(forum, role)
    if user is not None:
        auth.login(user)
    response = client.get(f"/t/{draft.id}/faq-review")
    assert response.status_code == status
    posted = client.post(
        f"/t/{draft.id}/faq-review",
        data={"reviewed": faq.fingerprint(draft), "confirmed": "y", "publish": "1", "title": "x"},
    )
    assert posted.status_code == (200 if status == 200 else status)
    db.session.refresh(draft)
    assert draft.is_faq_draft


@pytest.mark.parametrize("role", ["customer", "member", "moderator"])
def test_only_staff_make_drafts(client, auth, forum, solved, role):
    auth.login(solved.customer if role == "customer" else getattr(forum, role))
    expected = 404 if role == "member" else 403
    assert client.post(f"/t/{solved.case.id}/faq-draft").status_code == expected
    assert db.session.query(Thread).count() == 2


def test_unsolved_or_public_threads_are_not_made_into_faqs(client, auth, forum):
    auth.login(forum.staff)
    assert client.post(f"/t/{forum.thread.id}/faq-draft").status_code == 403
    open_case = posts.create_thread(
        forum.customer, forum.board, "Offener Fall", "Text", private=True
    )
    assert client.post(f"/t/{open_case.id}/faq-draft").status_code == 403


def test_the_review_shows_every_removal_with_its_reason_and_every_hint(client, auth, forum, solved):
    draft = faq.draft_faq(forum.staff, solved.case)
    auth.login(forum.staff)
    page = client.get(f"/t/{draft.id}/faq-review").text
    removed = re.findall(r'review-list__item--removed">\s*<strong>Entfernt:</strong> ([^<]*)', page)
    removed = [" ".join(item.split()) for item in removed]
    for expected in (
        "Name in einer Anrede, Ansprache oder Grußformel – »Petra«",
        "Kundennummer – »123456789«",
        "Vertragsnummer – »V-2025-778812«",
        "Bestellnummer – »4711-0815«",
        "Seriennummer eines Geräts – »2234A1B2C3D4«",
        "MAC-Adresse – »3C:A6:2F:12:34:56«",
        "IBAN – »DE89 3704 0044 0532 0130 00«",
        "Teil einer Kontonummer – »4711«",
        "Geburtsdatum – »12.03.1978«",
        "Telefonnummer – »0171 2345678«",
        "Telefonnummer – »+49 30 1234567«",
        "E-Mail-Adresse – »petra.mueller@example.de«",
        "Anschrift – »Musterstraße 12, 10115 Berlin«",
        "Name in einer Anrede, Ansprache oder Grußformel – »Petra Müller«",
        "Name in einer Anrede, Ansprache oder Grußformel – »Jana Becker«",
    ):
        assert expected in removed, expected
    assert "Name einer am Fall beteiligten Person – »Petra Müller«" in removed  # the title
    hints = re.findall(r'review-list__item--hint">\s*<strong>Bitte prüfen:</strong> ([^<]*)', page)
    assert "Servicenummer (Hotline) – »0800 3301000«" in [" ".join(h.split()) for h in hints]
    assert page.count('class="review-mark review-mark--removed" id=') == len(removed)
    assert 'name="confirmed"' in page and "Ich habe den Text geprüft" in page


def test_publishing_needs_the_confirmation(client, auth, forum, solved):
    draft = faq.draft_faq(forum.staff, solved.case)
    auth.login(forum.staff)
    # As a browser sends them: line breaks as CR LF, which change nothing.
    texts = {f: t.replace("\n", "\r\n") for f, (_p, t) in faq.draft_texts(draft).items()}
    form = {**texts, "reviewed": faq.fingerprint(draft), "publish": "1"}
    refused = client.post(f"/t/{draft.id}/faq-review", data=form)
    assert refused.status_code == 200
    assert "Bitte bestätigen Sie, dass Sie den Text geprüft haben." in refused.text
    db.session.refresh(draft)
    assert draft.is_faq_draft and draft.is_private
    published = client.post(f"/t/{draft.id}/faq-review", data={**form, "confirmed": "y"})
    assert published.status_code == 302
    db.session.refresh(draft)
    assert not draft.is_faq_draft and not draft.is_private
    assert first_post(draft).edited_at is None
    db.session.refresh(forum.board)
    assert forum.board.thread_count == 2 and forum.board.post_count == 3
    assert client.post(f"/t/{draft.id}/make-public").status_code == 404  # no way around it


def test_a_draft_changed_since_the_review_is_not_published(client, auth, forum, solved):
    draft = faq.draft_faq(forum.staff, solved.case)
    reviewed = faq.fingerprint(draft)
    posts.edit_post(solved.answerer, draft.solution, "Neuer Text mit Tel. 0171 7654321")
    auth.login(forum.staff)
    texts = {field: text for field, (_p, text) in faq.draft_texts(draft).items()}
    typed = {**texts, "question": texts["question"] + "\nNachtrag"}
    response = client.post(
        f"/t/{draft.id}/faq-review",
        data={**typed, "reviewed": reviewed, "confirmed": "y", "publish": "1"},
    )
    assert response.status_code == 200 and "inzwischen geändert" in response.text
    assert "Nachtrag</textarea>" in response.text  # what was typed stays
    assert "Neuer Text mit Tel." in response.text.split("review-edit", 1)[0]  # as it is now
    db.session.refresh(draft)
    assert draft.is_faq_draft
    assert draft.solution.body_source == "Neuer Text mit Tel. 0171 7654321"  # kept
    assert "Nachtrag" not in first_post(draft).body_source


def test_corrections_on_the_review_page_are_saved_and_reviewed_again(client, auth, forum, solved):
    draft = faq.draft_faq(forum.staff, solved.case)
    auth.login(forum.staff)
    texts = {field: text for field, (_p, text) in faq.draft_texts(draft).items()}
    corrected = texts["question"].replace("Fehler 651", "Fehler 651 (Ruf mich an: 0171 7654321)")
    response = client.post(
        f"/t/{draft.id}/faq-review",
        data={
            **texts,
            "question": corrected,
            "reviewed": faq.fingerprint(draft),
            "confirmed": "y",
            "publish": "1",
        },
    )
    assert response.status_code == 302 and response.headers["Location"].endswith("/faq-review")
    db.session.refresh(draft)
    assert draft.is_faq_draft  # changed text is reviewed before it is published
    assert first_post(draft).body_source == corrected
    page = client.get(response.headers["Location"]).text
    assert "Bitte prüfen:</strong> Telefonnummer – »0171 7654321«" in " ".join(page.split())


def test_staff_and_moderators_edit_the_customers_words_nobody_else(client, auth, forum, solved):
    published = published_faq(forum, solved)
    question = first_post(published)
    auth.login(forum.member)
    assert client.get(f"/p/{question.id}/edit").status_code == 403
    for editor in (solved.answerer, forum.moderator):
        auth.logout()
        auth.login(editor)
        assert client.get(f"/p/{question.id}/edit").status_code == 200
    outsider = make_user("ehemals.staff")
    question.author_id = outsider.id  # written down by someone who is no longer staff
    db.session.commit()
    auth.logout()
    auth.login(outsider)
    assert client.get(f"/p/{question.id}/edit").status_code == 403


def test_a_report_on_the_customers_words_warns_nobody(client, auth, forum, solved):
    published = published_faq(forum, solved)
    auth.login(forum.member)
    client.post(f"/p/{published.first_post_id}/report", data={"reason": "spam"})
    auth.logout()
    auth.login(forum.moderator)
    queue = client.get("/moderation/reports").text
    assert ANONYMISED in queue and "Person verwarnen" not in queue
    response = client.post(
        f"/moderation/reports/{published.first_post_id}",
        data={"decision": "warn", "message": "Bitte nicht", "note": ""},
    )
    assert response.status_code == 403
    outbox.drain()
    db.session.refresh(forum.staff)
    assert forum.staff.unseen_warnings == 0


def test_figures_do_not_count_faqs_as_questions(client, auth, forum, solved):
    from forum.staff.dashboard import response_figures

    before = response_figures(forum.staff, 7)[0].questions
    published_faq(forum, solved)
    assert response_figures(forum.staff, 7)[0].questions == before


def test_split_off_customers_words_start_a_thread_without_a_name(client, forum, solved):
    from forum.moderation import restructure

    own = posts.reply(solved.customer, solved.case, "Splitter getauscht, jetzt geht es.")
    support.mark_solution(solved.customer, solved.case, own)
    draft = faq.draft_faq(forum.staff, solved.case)
    faq.publish_draft(forum.staff, draft, faq.fingerprint(draft))
    new = restructure.split(forum.moderator, draft, [draft.solution_post_id], "Tipp", forum.board)
    assert new.is_faq and new.author_id == forum.staff.id
    head = client.get(f"/t/{new.id}", follow_redirects=True).text.split('class="thread-head"', 1)[1]
    assert ANONYMISED in head.split("</div>", 1)[0]


def test_a_draft_takes_no_replies_that_would_be_published_unreviewed(client, auth, forum, solved):
    draft = faq.draft_faq(forum.staff, solved.case)
    auth.login(forum.staff)
    response = client.post(
        f"/t/{draft.id}/reply", data={"body": "Die Kundin heißt Petra Müller.", "submit": "1"}
    )
    assert response.status_code == 403
    assert db.session.scalar(select(func.count(Post.id)).where(Post.thread_id == draft.id)) == 2


def test_a_draft_with_posts_beyond_question_and_answer_is_not_published(forum, solved):
    draft = faq.draft_faq(forum.staff, solved.case)
    db.session.add(Post(thread=draft, author=forum.moderator, body_source="x", body_html="x"))
    db.session.commit()
    with pytest.raises(NotAllowed):
        faq.publish_draft(forum.staff, draft, faq.fingerprint(draft))
    db.session.rollback()
    assert db.session.get(Thread, draft.id).is_faq_draft


def test_corrections_keep_no_earlier_text_in_history_or_audit(client, auth, forum, solved):
    draft = faq.draft_faq(forum.staff, solved.case)
    question = first_post(draft)
    before = question.body_source
    colleague = solved.answerer  # not the draft's writer: the edit is audited
    faq.revise_draft(colleague, draft, {"question": before + "\nNoch ein Satz."}, "geprüft")
    revisions = select(PostRevision).where(PostRevision.post_id == question.id)
    assert db.session.scalar(revisions) is None
    edits = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "post.edit")).all()
    assert len(edits) == 1 and edits[0].before is None and edits[0].after is None


def test_an_answer_cannot_be_corrected_into_the_title_when_it_is_gone(forum, solved):
    draft = faq.draft_faq(forum.staff, solved.case)
    title = draft.title
    draft.solution_post_id = None
    db.session.commit()
    with pytest.raises(NotAllowed):
        faq.revise_draft(forum.staff, draft, {"answer": "Ein neuer Text"}, "geprüft")
    db.session.rollback()
    assert db.session.get(Thread, draft.id).title == title
