"""Hiding and restoring posts: who may, what others see, and the audit trail."""

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import AuditEntry, Post
from forum.posts import services as posts
from tests.search.conftest import find

ROLES = ["guest", "member", "author", "staff", "moderator", "admin"]


@pytest.fixture
def reply(forum):
    return posts.reply(
        forum.member, forum.thread, "Kauft euch einen Geheimtipp-Router bei Billigshop!"
    )


def _as(client, auth, forum, role):
    if role != "guest":
        auth.login(getattr(forum, role))


def _hide(client, post, reason="spam", note="Werbung"):
    return client.post(f"/p/{post.id}/hide", data={"reason": reason, "note": note})


@pytest.mark.parametrize("role", ROLES)
def test_only_moderators_and_admins_hide_posts(client, auth, forum, reply, role):
    _as(client, auth, forum, role)
    answer = _hide(client, reply)
    expected = {"guest": 302, "moderator": 302, "admin": 302}.get(role, 404)
    assert answer.status_code == expected
    if role == "guest":
        assert "/login" in answer.headers["Location"]
    db.session.refresh(reply)
    assert reply.is_hidden == (role in ("moderator", "admin"))
    entries = db.session.scalars(select(AuditEntry)).all()
    assert len(entries) == (1 if reply.is_hidden else 0)


def test_others_see_a_placeholder_and_moderators_the_post(client, auth, forum, reply):
    auth.login(forum.moderator)
    _hide(client, reply)
    url = f"/t/{forum.thread.id}-{forum.thread.slug}"
    moderator_page = client.get(url).text
    assert (
        "Geheimtipp-Router" in moderator_page and "Für alle anderen ausgeblendet" in moderator_page
    )
    auth.logout()
    for role in ("guest", "member", "staff"):
        if role != "guest":
            auth.login(getattr(forum, role))
        page = client.get(url).text
        assert "Geheimtipp-Router" not in page, role
        assert "Beitrag ausgeblendet: Spam: Werbung" in page, role
        auth.logout()


def test_a_hidden_post_cannot_be_quoted_or_marked_as_solution(client, auth, forum, reply):
    auth.login(forum.moderator)
    _hide(client, reply)
    auth.logout()
    auth.login(forum.author)
    assert client.get(f"/p/{reply.id}/quote").status_code == 403
    answer = client.post(f"/t/{forum.thread.id}/solution", data={"post_id": reply.id})
    assert answer.status_code in (403, 404)
    db.session.refresh(forum.thread)
    assert forum.thread.solution_post_id is None
    assert client.get(f"/p/{reply.id}").status_code == 302  # the permalink leads to the placeholder


def test_the_first_post_is_not_hidden_alone(client, auth, forum):
    auth.login(forum.moderator)
    first = db.session.get(Post, forum.thread.first_post_id)
    assert _hide(client, first).status_code == 403
    db.session.refresh(first)
    assert not first.is_hidden


@pytest.mark.every_search_backend
def test_a_hidden_post_leaves_search_and_comes_back_when_restored(client, auth, forum, reply):
    assert find(None, "Geheimtipp").total == 1
    auth.login(forum.moderator)
    _hide(client, reply)
    assert find(None, "Geheimtipp").total == 0
    assert client.post(f"/p/{reply.id}/restore", data={"reason": "Irrtum"}).status_code == 302
    db.session.refresh(reply)
    assert not reply.is_hidden
    assert find(None, "Geheimtipp").total == 1
    actions = [e.action for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["post.hide", "post.restore"]
    restore = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "post.restore")
    ).one()
    assert restore.reason == "Irrtum" and "Spam: Werbung" in restore.before


def test_a_reason_is_required(client, auth, forum, reply):
    auth.login(forum.moderator)
    assert client.post(f"/p/{reply.id}/hide", data={"reason": "", "note": ""}).status_code == 400
    assert (
        client.post(f"/p/{reply.id}/hide", data={"reason": "other", "note": "x" * 501}).status_code
        == 400
    )
    db.session.refresh(reply)
    assert not reply.is_hidden


def test_hiding_the_solution_removes_the_mark(client, auth, forum, reply):
    from forum.support import services as support

    support.mark_solution(forum.author, forum.thread, reply)
    auth.login(forum.moderator)
    _hide(client, reply)
    db.session.refresh(forum.thread)
    assert forum.thread.solution_post_id is None and forum.thread.status == "answered"
    assert (
        "Geheimtipp"
        not in client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text.split('class="posts"')[
            0
        ]
    )  # no solution box above the posts
    assert (
        client.post(f"/t/{forum.thread.id}/solution", data={"post_id": reply.id}).status_code == 403
    )
    actions = [e.action for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["post.hide", "thread.unmark-solution"]


def test_a_hidden_post_is_gone_from_its_authors_profile(client, auth, forum, reply):
    auth.login(forum.moderator)
    _hide(client, reply)
    assert "Geheimtipp-Router" in client.get(f"/u/{forum.member.username}").text
    auth.logout()
    for role in ("guest", "member", "staff"):
        if role != "guest":
            auth.login(getattr(forum, role))
        assert "Geheimtipp-Router" not in client.get(f"/u/{forum.member.username}").text, role
        auth.logout()
