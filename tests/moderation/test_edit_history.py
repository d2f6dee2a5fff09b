"""Edits keep the replaced text for moderators; personal data can be removed from
every earlier version, leaving only the fact that it was removed."""

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import AuditEntry, PostRevision
from forum.posts import services as posts

SECRET = "Kundennummer 55501234"


@pytest.fixture
def reply(forum):
    return posts.reply(forum.member, forum.thread, f"Hilfe, meine {SECRET} geht nicht")


def _edit(client, post, body, reason="", remove=False):
    data = {"body": body, "reason": reason}
    if remove:
        data["remove_personal_data"] = "y"
    return client.post(f"/p/{post.id}/edit", data=data)


def test_an_own_edit_keeps_the_earlier_version(client, auth, forum, reply):
    auth.login(forum.member)
    assert _edit(client, reply, "Hilfe, geht nicht", "Tippfehler").status_code == 302
    revision = db.session.scalars(select(PostRevision)).one()
    assert SECRET in revision.body_source and revision.reason == "Tippfehler"
    assert db.session.scalars(select(AuditEntry)).all() == []  # own edits are not moderation


def test_a_moderator_must_say_why_and_is_audited(client, auth, forum, reply):
    auth.login(forum.moderator)
    assert _edit(client, reply, "Hilfe, geht nicht").status_code == 200  # the form again
    db.session.refresh(reply)
    assert SECRET in reply.body_source
    assert _edit(client, reply, "Hilfe, geht nicht", "Beleidigung entfernt").status_code == 302
    entry = db.session.scalars(select(AuditEntry)).one()
    assert entry.action == "post.edit" and SECRET in entry.before and entry.reason


@pytest.mark.parametrize(
    ("role", "expected"), [("member", 404), ("staff", 404), ("moderator", 200)]
)
def test_only_moderators_see_the_history(client, auth, forum, reply, role, expected):
    posts.edit_post(forum.member, reply, "Neu")
    auth.login(getattr(forum, role))
    answer = client.get(f"/p/{reply.id}/history")
    assert answer.status_code == expected
    if expected == 200:
        assert SECRET in answer.text


def test_personal_data_is_removed_from_every_earlier_version(client, auth, forum, reply):
    posts.edit_post(forum.member, reply, f"Nochmal: {SECRET}, bitte helfen")
    auth.login(forum.moderator)
    answer = _edit(client, reply, "Hilfe, meine [entfernt] geht nicht", "Kundennummer", remove=True)
    assert answer.status_code == 302
    revisions = db.session.scalars(select(PostRevision)).all()
    assert len(revisions) == 2 and all(r.body_source is None and r.redacted_at for r in revisions)
    entries = db.session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [e.action for e in entries] == ["post.edit", "post.remove-personal-data"]
    assert all(SECRET not in (e.before or "") + (e.after or "") for e in entries)
    history = client.get(f"/p/{reply.id}/history").text
    assert SECRET not in history and "persönliche Daten" in history
    assert SECRET not in client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text


def test_only_moderators_remove_personal_data(client, auth, forum, reply):
    auth.login(forum.member)
    _edit(client, reply, "Hilfe, geht nicht", remove=True)
    assert db.session.scalars(select(PostRevision)).one().body_source is not None
