"""Pinning and locking threads, and the audit log that records it."""

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import AuditEntry

ROLES = ["guest", "member", "author", "staff", "moderator", "admin"]


def _as(client, auth, forum, role):
    if role != "guest":
        auth.login(getattr(forum, role))


@pytest.mark.parametrize("role", ROLES)
def test_only_moderators_and_admins_pin_and_lock(client, auth, forum, role):
    _as(client, auth, forum, role)
    thread = forum.thread
    pinned = client.post(f"/t/{thread.id}/pin", data={"pinned": "1"})
    locked = client.post(f"/t/{thread.id}/lock", data={"reason": "Doppelt, siehe FAQ"})
    expected = {"guest": 302, "moderator": 302, "admin": 302}.get(role, 404)
    assert (pinned.status_code, locked.status_code) == (expected, expected)
    db.session.refresh(thread)
    allowed = role in ("moderator", "admin")
    assert (thread.is_pinned, thread.is_locked) == (allowed, allowed)
    page = client.get(f"/t/{thread.id}-{thread.slug}").text
    assert ('class="mod-bar"' in page) == allowed  # staff without moderation see no tools


def test_a_locked_thread_shows_its_reason_and_refuses_replies(client, auth, forum):
    auth.login(forum.moderator)
    client.post(f"/t/{forum.thread.id}/lock", data={"reason": "Bitte im neuen Thema weiter"})
    auth.logout()
    auth.login(forum.member)
    page = client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text
    assert "Von der Moderation gesperrt:" in page and "Bitte im neuen Thema weiter" in page
    assert client.post(f"/t/{forum.thread.id}/reply", data={"body": "Noch was"}).status_code == 403
    auth.logout()
    auth.login(forum.moderator)
    assert client.post(f"/t/{forum.thread.id}/reply", data={"body": "Hinweis"}).status_code == 302
    assert client.post(f"/t/{forum.thread.id}/unlock", data={}).status_code == 302
    db.session.refresh(forum.thread)
    assert not forum.thread.is_locked and forum.thread.lock_reason is None


def test_lock_needs_a_reason(client, auth, forum):
    auth.login(forum.moderator)
    assert client.post(f"/t/{forum.thread.id}/lock", data={"reason": "  "}).status_code == 400
    db.session.refresh(forum.thread)
    assert not forum.thread.is_locked


def test_every_action_is_in_the_audit_log(client, auth, forum):
    auth.login(forum.moderator)
    thread = forum.thread
    client.post(f"/t/{thread.id}/pin", data={"pinned": "1"})
    client.post(f"/t/{thread.id}/pin", data={"pinned": "0"})
    client.post(f"/t/{thread.id}/lock", data={"reason": "Streit"})
    client.post(f"/t/{thread.id}/unlock", data={"reason": "beruhigt"})
    entries = db.session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [(e.action, e.actor_id, e.target_type, e.target_id) for e in entries] == [
        ("thread.pin", forum.moderator.id, "thread", thread.id),
        ("thread.unpin", forum.moderator.id, "thread", thread.id),
        ("thread.lock", forum.moderator.id, "thread", thread.id),
        ("thread.unlock", forum.moderator.id, "thread", thread.id),
    ]
    assert entries[2].reason == "Streit"
    assert entries[3].reason == "beruhigt" and "Streit" in entries[3].before


@pytest.mark.parametrize(
    ("role", "expected"), [("member", 404), ("staff", 404), ("moderator", 404), ("admin", 200)]
)
def test_only_admins_browse_the_audit_log(client, auth, forum, role, expected):
    auth.login(forum.moderator)
    client.post(f"/t/{forum.thread.id}/lock", data={"reason": "Streit"})
    auth.logout()
    auth.login(getattr(forum, role))
    answer = client.get("/admin/audit")
    assert answer.status_code == expected
    if expected == 200:
        assert "thread.lock" in answer.text and "Streit" in answer.text
        assert "thread.lock" in client.get("/admin/audit?action=thread.lock").text
        filtered = client.get("/admin/audit", query_string={"actor": forum.member.username}).text
        assert "Keine Einträge" in filtered
        unknown = client.get("/admin/audit", query_string={"actor": "niemand"}).text
        assert "Keine Einträge" in unknown
