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
