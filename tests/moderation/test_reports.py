"""Reports: members flag posts; moderators see one entry per post with every reason
and resolve it; the reporter sees that it was handled."""

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import AuditEntry, Report, Visibility
from forum.posts import services as posts
from tests.factories import make_board, make_thread, make_user


@pytest.fixture
def reply(forum):
    return posts.reply(forum.author, forum.thread, "Ruf mich an: 0171 2345678, Kundennummer 12345")


def _report(client, post, reason="personal-data", text=""):
    return client.post(f"/p/{post.id}/report", data={"reason": reason, "text": text})


def test_a_member_reports_a_post_once(client, auth, forum, reply):
    auth.login(forum.member)
    assert _report(client, reply, text="Telefonnummer öffentlich").status_code == 302
    again = _report(client, reply, reason="spam")
    assert again.status_code == 302
    assert "bereits gemeldet" in client.get(again.headers["Location"]).text
    reports = db.session.scalars(select(Report)).all()
    assert [(r.reporter_id, r.reason, r.text) for r in reports] == [
        (forum.member.id, "personal-data", "Telefonnummer öffentlich")
    ]


@pytest.mark.parametrize(("role", "expected"), [("guest", 302), ("author", 403)])
def test_guests_and_authors_cannot_report(client, auth, forum, reply, role, expected):
    if role != "guest":
        auth.login(forum.author)
    answer = _report(client, reply)
    assert answer.status_code == expected
    assert db.session.scalars(select(Report)).all() == []


def test_reports_of_one_post_are_one_entry_with_every_reason(client, auth, forum, reply):
    other = make_user("zweite")
    for user, reason, text in ((forum.member, "personal-data", "Nummer"), (other, "spam", "")):
        auth.login(user)
        _report(client, reply, reason, text)
        auth.logout()
    auth.login(forum.moderator)
    page = client.get("/moderation/reports").text
    assert page.count('class="card report"') == 1
    assert "Persönliche Daten" in page and "Spam oder Werbung" in page and "Nummer" in page


@pytest.mark.parametrize(
    ("role", "expected"), [("member", 404), ("staff", 404), ("moderator", 200), ("admin", 200)]
)
def test_only_moderators_see_the_queue(client, auth, forum, role, expected):
    auth.login(getattr(forum, role))
    assert client.get("/moderation/reports").status_code == expected
    assert client.post(
        f"/moderation/reports/{forum.thread.first_post_id}",
        data={"decision": "dismiss", "reason": "spam"},
    ).status_code in ((302,) if expected == 200 else (404,))


def test_the_queue_shows_only_posts_the_moderator_may_read(client, auth, forum):
    internal = make_board("Intern", visibility=Visibility.STAFF)
    thread = make_thread(internal, forum.staff, "Interna", "Geheim")
    secret = posts.reply(forum.staff, thread, "Interne Antwort")
    db.session.add(Report(post_id=secret.id, reporter_id=forum.admin.id, reason="other"))
    db.session.commit()
    auth.login(forum.moderator)
    assert "Interne Antwort" not in client.get("/moderation/reports").text
    auth.logout()
    auth.login(forum.admin)
    assert "Interne Antwort" in client.get("/moderation/reports").text


def test_hiding_from_the_queue_resolves_the_reports_and_tells_the_reporter(
    client, auth, forum, reply
):
    auth.login(forum.member)
    _report(client, reply)
    assert "Wartet auf die Moderation" in client.get("/reports/mine").text
    auth.logout()
    auth.login(forum.moderator)
    answer = client.post(
        f"/moderation/reports/{reply.id}",
        data={"decision": "hide", "reason": "personal-data", "note": "Nummer entfernt"},
    )
    assert answer.status_code == 302
    db.session.refresh(reply)
    assert reply.is_hidden and reply.hidden_reason == "Persönliche Daten: Nummer entfernt"
    report = db.session.scalars(select(Report)).one()
    assert (report.resolution, report.resolved_by_id, report.note) == (
        "hidden",
        forum.moderator.id,
        "Nummer entfernt",
    )
    assert "Keine offenen Meldungen" in client.get("/moderation/reports").text
    assert [e.action for e in db.session.scalars(select(AuditEntry))] == ["post.hide"]
    auth.logout()
    auth.login(forum.member)
    assert "Erledigt: Der Beitrag wurde ausgeblendet" in client.get("/reports/mine").text


def test_dismissing_keeps_the_post(client, auth, forum, reply):
    auth.login(forum.member)
    _report(client, reply, "abuse")
    auth.logout()
    auth.login(forum.moderator)
    client.post(
        f"/moderation/reports/{reply.id}",
        data={"decision": "dismiss", "reason": "spam", "note": "harmlos"},
    )
    db.session.refresh(reply)
    assert not reply.is_hidden
    assert db.session.scalars(select(Report)).one().resolution == "dismissed"
    entry = db.session.scalars(select(AuditEntry)).one()
    assert (entry.action, entry.reason) == ("report.dismiss", "harmlos")


def _reported(client, auth, forum, reply):
    auth.login(forum.member)
    _report(client, reply, "abuse")
    auth.logout()
    auth.login(forum.moderator)


def test_warning_the_author_from_the_queue(client, auth, forum, reply):
    _reported(client, auth, forum, reply)
    answer = client.post(
        f"/moderation/reports/{reply.id}",
        data={"decision": "warn", "message": "Bitte sachlich bleiben.", "note": "erste"},
    )
    assert answer.status_code == 302
    report = db.session.scalars(select(Report)).one()
    assert (report.resolution, report.note) == ("author-warned", "erste")
    assert [e.action for e in db.session.scalars(select(AuditEntry))] == ["user.warn"]
    auth.logout()
    auth.login(forum.author)
    assert "Bitte sachlich bleiben." in client.get("/").text
    auth.logout()
    auth.login(forum.member)
    assert "Erledigt: Die Moderation hat gehandelt" in client.get("/reports/mine").text


def test_suspending_the_author_from_the_queue(client, auth, forum, reply):
    _reported(client, auth, forum, reply)
    data = {"decision": "suspend", "days": "7", "message": "Beleidigungen"}
    assert client.post(f"/moderation/reports/{reply.id}", data=data).status_code == 302
    db.session.refresh(forum.author)
    assert forum.author.is_suspended and forum.author.suspension_reason == "Beleidigungen"
    assert db.session.scalars(select(Report)).one().resolution == "author-suspended"


@pytest.mark.parametrize(
    "data",
    [
        {"decision": "warn", "message": " "},
        {"decision": "suspend", "days": "5", "message": "Zu lang?"},
        {"decision": "suspend", "message": "ohne Dauer"},
        {"decision": "hide", "reason": ""},
        {"decision": "ban", "message": "gibt es hier nicht"},
    ],
)
def test_incomplete_decisions_keep_the_reports_open(client, auth, forum, reply, data):
    _reported(client, auth, forum, reply)
    assert client.post(f"/moderation/reports/{reply.id}", data=data).status_code == 400
    assert db.session.scalars(select(Report)).one().resolved_at is None


def test_a_refused_sanction_keeps_the_reports_open(client, auth, forum):
    """Moderators do not act on moderators; the reports wait for an admin."""
    colleague_post = posts.reply(forum.moderator, forum.thread, "Ton daneben")
    auth.login(forum.member)
    _report(client, colleague_post, "abuse")
    auth.logout()
    auth.login(make_user("zweite_mod", moderator=True))
    data = {"decision": "warn", "message": "Achtung"}
    assert client.post(f"/moderation/reports/{colleague_post.id}", data=data).status_code == 403
    assert db.session.scalars(select(Report)).one().resolved_at is None


def test_a_board_moderator_handles_reports_but_does_not_sanction(client, auth, forum, reply):
    from forum.moderation import board_moderators

    keeper = make_user("bereichsmod")
    board_moderators.appoint(forum.admin, forum.board, keeper)
    auth.login(forum.member)
    _report(client, reply, "abuse")
    auth.logout()
    auth.login(keeper)
    page = client.get("/moderation/reports").text
    assert "Person verwarnen" not in page and "Beitrag ausblenden" in page
    data = {"decision": "warn", "message": "Achtung"}
    assert client.post(f"/moderation/reports/{reply.id}", data=data).status_code == 404
    assert (
        client.post(
            f"/moderation/reports/{reply.id}", data={"decision": "edited", "note": "gekürzt"}
        ).status_code
        == 302
    )
    assert db.session.scalars(select(Report)).one().resolution == "edited"


def test_editing_from_the_queue_returns_to_it(client, auth, forum, reply):
    _reported(client, auth, forum, reply)
    answer = client.post(
        f"/p/{reply.id}/edit?next=/moderation/reports",
        data={"body": "Ruf mich an (Nummer entfernt)", "reason": "Nummer entfernt"},
    )
    assert answer.status_code == 302 and answer.headers["Location"] == "/moderation/reports"
    unsafe = client.post(
        f"/p/{reply.id}/edit?next=https://evil.example/",
        data={"body": "Ruf mich an", "reason": "kürzer"},
    )
    assert unsafe.headers["Location"].startswith(f"/t/{forum.thread.id}-")


def test_a_post_is_reported_for_passing_itself_off_as_staff(client, auth, forum):
    impostor = make_user("jana_b", display_name="Jana vom Kundendienst")
    post = posts.reply(impostor, forum.thread, "Bitte senden Sie mir Ihr Kundenkennwort.")
    auth.login(forum.member)
    page = client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text
    assert '<option value="impersonation">Gibt sich als Mitarbeiter oder Firma aus</option>' in page
    assert _report(client, post, reason="impersonation").status_code == 302
    assert db.session.scalars(select(Report)).one().reason == "impersonation"
    auth.logout()
    auth.login(forum.moderator)
    queue = client.get("/moderation/reports").text
    assert "<strong>Gibt sich als Mitarbeiter oder Firma aus</strong>" in queue
    assert '<option value="impersonation" selected>' in queue  # the hide reason to give
    client.post(
        f"/moderation/reports/{post.id}", data={"decision": "hide", "reason": "impersonation"}
    )
    db.session.refresh(post)
    assert post.hidden_reason == "Gibt sich als Mitarbeiter oder Firma aus"
