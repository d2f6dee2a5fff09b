"""Warn, suspend, ban: who may, what the person sees, and the audit log."""

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import AuditEntry
from tests.factories import PASSWORD


@pytest.mark.parametrize(
    ("role", "expected"), [("member", 404), ("staff", 404), ("moderator", 302), ("admin", 302)]
)
def test_who_may_warn(client, auth, forum, role, expected):
    auth.login(getattr(forum, role))
    answer = client.post(f"/u/{forum.author.username}/warn", data={"text": "Ton mäßigen"})
    assert answer.status_code == expected
    db.session.refresh(forum.author)
    assert forum.author.unseen_warnings == (1 if expected == 302 else 0)


def test_the_warned_person_sees_the_warning_until_acknowledged(client, auth, forum):
    auth.login(forum.moderator)
    client.post(f"/u/{forum.author.username}/warn", data={"text": "Bitte sachlich bleiben"})
    auth.logout()
    auth.login(forum.author)
    page = client.get("/").text
    assert "Verwarnung der Moderation" in page and "Bitte sachlich bleiben" in page
    client.post("/warnings/seen", data={"next": "/"})
    assert "Bitte sachlich bleiben" not in client.get("/").text
    assert db.session.scalars(select(AuditEntry)).one().action == "user.warn"


def test_a_suspended_member_reads_but_does_not_write(client, auth, forum):
    auth.login(forum.moderator)
    answer = client.post(f"/u/{forum.author.username}/suspend", data={"days": 7, "reason": "Spam"})
    assert answer.status_code == 302
    auth.logout()
    auth.login(forum.author)
    assert client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").status_code == 200
    reply = client.post(f"/t/{forum.thread.id}/reply", data={"body": "Trotzdem"})
    assert reply.status_code == 403 and "gesperrt bis" in reply.text and "Spam" in reply.text
    assert "Sie können lesen, aber nicht schreiben" in client.get("/").text
    auth.logout()
    auth.login(forum.moderator)
    client.post(f"/u/{forum.author.username}/unsuspend", data={})
    auth.logout()
    auth.login(forum.author)
    assert client.post(f"/t/{forum.thread.id}/reply", data={"body": "Wieder da"}).status_code == 302
    actions = [e.action for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["user.suspend", "user.unsuspend"]


def test_suspension_lengths_are_fixed(client, auth, forum):
    auth.login(forum.moderator)
    assert (
        client.post(
            f"/u/{forum.author.username}/suspend", data={"days": 9999, "reason": "x"}
        ).status_code
        == 400
    )


def test_a_banned_member_cannot_log_in_and_loses_sessions(client, auth, forum, app):
    member_client = app.test_client()
    member_client.post("/login", data={"login": forum.author.username, "password": PASSWORD})
    auth.login(forum.moderator)
    assert (
        client.post(f"/u/{forum.author.username}/ban", data={"reason": "Betrug"}).status_code == 302
    )
    page = member_client.get("/").text
    assert "Abmelden" not in page  # the running session ended
    answer = member_client.post(
        "/login", data={"login": forum.author.username, "password": PASSWORD}
    )
    assert answer.status_code == 403 and "gesperrt" in answer.text
    assert (
        client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").status_code == 200
    )  # content stays


def test_moderators_cannot_sanction_moderators_or_admins(client, auth, forum):
    from tests.factories import make_user

    other_moderator = make_user("zweitmod", moderator=True)
    auth.login(forum.moderator)
    assert client.post(f"/u/{forum.admin.username}/ban", data={"reason": "x"}).status_code == 403
    assert (
        client.post(f"/u/{other_moderator.username}/ban", data={"reason": "x"}).status_code == 403
    )
    assert (
        client.post(f"/u/{forum.moderator.username}/ban", data={"reason": "x"}).status_code == 403
    )
    auth.logout()
    auth.login(forum.admin)
    assert (
        client.post(
            f"/u/{other_moderator.username}/suspend", data={"days": 1, "reason": "x"}
        ).status_code
        == 302
    )
