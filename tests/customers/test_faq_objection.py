"""After an FAQ is published, the customer whose case it was is told and can object;
an objection takes the FAQ out of public view at once and tells staff why."""

import pytest

from forum import outbox
from forum.customers import faq
from forum.extensions import db
from forum.models import AuditEntry, Event, Notification
from forum.notifications import mail

from ..factories import make_user
from ..mailbox import link_in, sent_mails
from .faq_case import published_faq, solved_case


@pytest.fixture
def solved(forum):
    return solved_case(forum)


def _faq_mails(app):
    return [m for m in sent_mails(app) if "anonymisierte Fassung Ihres Falls" in m["Subject"]]


def _lines(user, event):
    return db.session.query(Notification).filter_by(user_id=user.id, event=event.value).all()


def test_the_customer_is_told_with_a_link_and_a_way_to_object(app, client, auth, forum, solved):
    published = published_faq(forum, solved)
    [line] = _lines(solved.customer, Event.FAQ_PUBLISHED)
    assert line.thread_id == published.id
    auth.login(solved.customer)
    page = client.get("/notifications").text
    assert "Eine anonymisierte Fassung Ihres Falls »Petra Müller: Router blinkt rot" in page
    assert f'href="/t/{published.id}/objection"' in page
    assert "Einspruch erheben" in client.get(f"/t/{published.id}", follow_redirects=True).text
    [message] = _faq_mails(app)
    assert message["To"] == "petra.mueller@example.de"
    assert link_in(message, "/t/") == f"/t/{published.id}/objection"
    # Nobody else is told, and nobody else is offered the objection.
    assert not _lines(forum.member, Event.FAQ_PUBLISHED)
    auth.logout()
    auth.login(forum.member)
    assert "Einspruch erheben" not in client.get(f"/t/{published.id}", follow_redirects=True).text


def test_the_customers_mail_settings_decide_about_the_mail(app, forum, solved):
    from forum.models import MailMode

    mail.set_modes(solved.customer, {Event.FAQ_PUBLISHED: MailMode.OFF})
    published_faq(forum, solved)
    assert _lines(solved.customer, Event.FAQ_PUBLISHED)  # the bell still shows it
    assert not _faq_mails(app)


def test_an_objection_takes_the_faq_out_of_public_view_at_once(client, auth, forum, solved):
    from ..search.conftest import find

    published = published_faq(forum, solved)
    assert find(None, "Vermittlungsstelle").total == 1
    auth.login(solved.customer)
    form = client.get(f"/t/{published.id}/objection")
    assert form.status_code == 200 and 'name="reason"' in form.text
    response = client.post(
        f"/t/{published.id}/objection", data={"reason": "Ich erkenne mich am Ort wieder."}
    )
    assert response.status_code == 302 and f"/t/{solved.case.id}" in response.headers["Location"]
    db.session.refresh(published)
    assert published.is_faq_draft and published.is_private and published.faq_objected_at
    auth.logout()
    assert client.get(f"/t/{published.id}").status_code == 404
    assert published.title not in client.get(f"/b/{forum.board.slug}").text
    db.session.refresh(forum.board)
    assert forum.board.thread_count == 1
    assert find(None, "Vermittlungsstelle").total == 0
    entry = db.session.query(AuditEntry).filter_by(action="faq.objection").one()
    assert entry.actor_id == solved.customer.id and entry.target_id == published.id
    assert entry.reason == "Ich erkenne mich am Ort wieder."


def test_staff_who_published_it_are_told_why(client, auth, forum, solved):
    published = published_faq(forum, solved)
    faq.object_to(solved.customer, published, "Bitte nicht öffentlich.")
    outbox.drain()
    [line] = _lines(forum.staff, Event.FAQ_OBJECTION)
    assert line.thread_id == published.id
    auth.login(forum.staff)
    page = client.get("/notifications").text
    assert "Einspruch gegen die FAQ" in page and "Bitte nicht öffentlich." in page
    assert "petra" not in page.lower()
    review = client.get(f"/t/{published.id}/faq-review").text
    assert "Einspruch erhoben" in review and "Bitte nicht öffentlich." in review
    assert 'name="publish"' not in review  # it stays a draft
    assert not _lines(solved.customer, Event.FAQ_OBJECTION)


def test_an_objection_is_final_for_the_draft_and_the_case(client, auth, forum, solved):
    from forum.access import NotAllowed

    published = published_faq(forum, solved)
    faq.object_to(solved.customer, published, "")
    with pytest.raises(NotAllowed):
        faq.publish_draft(forum.staff, published, faq.fingerprint(published))
    auth.login(forum.staff)
    assert client.post(f"/t/{solved.case.id}/faq-draft").status_code == 403  # no second one
    case_page = client.get(f"/t/{solved.case.id}", follow_redirects=True).text
    assert f"/t/{published.id}/faq-review" in case_page
    assert f"/t/{solved.case.id}/faq-draft" not in case_page


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("guest", 302),  # to the log-in
        ("member", 403),
        ("other_customer", 403),
        ("staff", 403),
        ("moderator", 403),
        ("admin", 403),
        ("customer", 302),
    ],
)
def test_only_the_cases_customer_may_object(client, auth, forum, solved, who, status):
    published = published_faq(forum, solved)
    users = {"customer": solved.customer, "other_customer": forum.customer}
    user = users.get(who) or getattr(forum, who)
    if user is not None:
        auth.login(user)
    response = client.post(f"/t/{published.id}/objection", data={"reason": "Nein"})
    assert response.status_code == status
    db.session.refresh(published)
    assert published.is_faq_draft is (who == "customer")


def test_a_suspended_customer_may_still_object(client, auth, forum, solved):
    from forum.models import utcnow

    published = published_faq(forum, solved)
    auth.login(solved.customer)
    solved.customer.suspended_until = utcnow().replace(year=utcnow().year + 1)
    db.session.commit()
    assert client.post(f"/t/{published.id}/objection", data={}).status_code == 302


def test_after_the_objection_the_notification_leads_nowhere_public(client, auth, forum, solved):
    published = published_faq(forum, solved)
    faq.object_to(solved.customer, published, "")
    auth.login(solved.customer)
    page = client.get("/notifications").text
    assert "Ein Thema, auf das Sie keinen Zugriff mehr haben" in page
    assert f"/t/{published.id}/objection" not in page
    assert client.get(f"/t/{published.id}/objection").status_code == 404


def test_a_draft_is_no_case_of_the_staff_member_who_started_it(client, auth, forum, solved):
    draft = faq.draft_faq(forum.staff, solved.case)
    former = make_user("frueher.staff")
    draft.author_id = former.id  # started by someone who is no longer staff
    db.session.commit()
    auth.login(former)
    assert client.get(f"/t/{draft.id}").status_code == 404
