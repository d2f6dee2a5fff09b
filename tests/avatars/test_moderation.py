"""Moderators take down an offensive picture; nobody else can."""

import pytest
from sqlalchemy import select

from forum.avatars import services
from forum.extensions import db
from forum.models import AuditEntry

from ..factories import make_user
from .pictures import picture


@pytest.fixture
def pictured(app):
    member = make_user("anstoss")
    services.change_avatar(member, picture())
    return member


@pytest.mark.parametrize(("role", "status"), [("member", 404), ("staff", 404), ("moderator", 302)])
def test_a_moderator_removes_a_picture_and_its_file(client, auth, folder, pictured, role, status):
    name = pictured.avatar_name
    auth.login(make_user(role, staff=role == "staff", moderator=role == "moderator"))
    response = client.post(f"/u/{pictured.username}/avatar/remove", data={"reason": "Anstößig"})
    assert response.status_code == status
    db.session.refresh(pictured)
    removed = status == 302
    assert (pictured.avatar_name is None) is removed
    assert (folder / name).exists() is not removed
    entries = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "user.avatar-remove")
    )
    assert [entry.reason for entry in entries] == (["Anstößig"] if removed else [])


def test_the_tool_shows_only_for_pictures(client, auth, pictured):
    auth.login(make_user("mod", moderator=True))
    assert "Bild entfernen" in client.get(f"/u/{pictured.username}").text
    plain = make_user("ohnebild")
    assert f"/u/{plain.username}/avatar/remove" not in client.get(f"/u/{plain.username}").text
