"""Deleting threads: moderators delete softly; only admins see, restore and purge."""

import pytest
from sqlalchemy import func, select

from forum.extensions import db
from forum.models import AuditEntry, Post, PostRevision, Report, Thread, ThreadAffected, User
from forum.posts import services as post_services
from tests.factories import make_thread
from tests.search.conftest import find


def _delete(client, auth, forum, reason="Werbung"):
    auth.login(forum.moderator)
    answer = client.post(f"/t/{forum.thread.id}/delete", data={"reason": reason})
    auth.logout()
    return answer


@pytest.mark.parametrize(
    ("role", "expected"),
    [("member", 404), ("author", 404), ("staff", 404), ("moderator", 302), ("admin", 302)],
)
def test_who_may_delete(client, auth, forum, role, expected):
    auth.login(getattr(forum, role))
    answer = client.post(f"/t/{forum.thread.id}/delete", data={"reason": "Werbung"})
    assert answer.status_code == expected
    db.session.refresh(forum.thread)
    assert forum.thread.is_deleted == (expected == 302)


def test_delete_needs_a_reason(client, auth, forum):
    assert _delete(client, auth, forum, reason=" ").status_code == 400
    db.session.refresh(forum.thread)
    assert not forum.thread.is_deleted


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("guest", False),
        ("member", False),
        ("author", False),
        ("staff", False),
        ("moderator", False),
        ("admin", True),
    ],
)
@pytest.mark.every_search_backend
def test_a_deleted_thread_is_gone_for_all_but_admins(client, auth, forum, role, sees):
    thread = forum.thread
    url = f"/t/{thread.id}-{thread.slug}"
    assert _delete(client, auth, forum).status_code == 302
    user = getattr(forum, role)
    if user:
        auth.login(user)
    assert client.get(url).status_code == (200 if sees else 404)
    assert client.get(f"/p/{thread.first_post_id}").status_code == (302 if sees else 404)
    # In no list, not even an admin's: admins find deleted threads in the trash.
    assert "Router blinkt rot" not in client.get(f"/b/{forum.board.slug}").text
    assert "Router blinkt rot" not in client.get(f"/u/{forum.author.username}").text
    assert find(user, "Gewitter").total == 0  # not even admins find deleted threads by search
    db.session.refresh(forum.board)
    assert (forum.board.thread_count, forum.board.post_count) == (0, 0)


@pytest.mark.every_search_backend
def test_admins_list_and_restore_deleted_threads(client, auth, forum):
    _delete(client, auth, forum, reason="Versehentlich gelöscht?")
    auth.login(forum.admin)
    listing = client.get("/admin/deleted").text
    assert "Router blinkt rot" in listing and "Versehentlich gelöscht?" in listing
    answer = client.post(f"/t/{forum.thread.id}/undelete", data={"reason": "war ok"})
    assert answer.status_code == 302
    auth.logout()
    assert client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").status_code == 200
    assert find(None, "Gewitter").total == 1
    db.session.refresh(forum.board)
    assert (forum.board.thread_count, forum.board.post_count) == (1, 1)
    actions = [(e.action, e.reason) for e in db.session.scalars(select(AuditEntry))]
    assert actions == [("thread.delete", "Versehentlich gelöscht?"), ("thread.undelete", "war ok")]


@pytest.mark.parametrize("role", ["member", "staff", "moderator"])
def test_only_admins_see_restore_or_purge(client, auth, forum, role):
    _delete(client, auth, forum)
    auth.login(getattr(forum, role))
    thread_id = forum.thread.id
    assert client.get("/admin/deleted").status_code == 404
    assert client.post(f"/t/{thread_id}/undelete", data={}).status_code == 404
    assert client.post(f"/t/{thread_id}/purge", data={}).status_code == 404
    assert db.session.get(Thread, thread_id).is_deleted


@pytest.mark.every_search_backend
def test_purge_removes_the_rows_and_keeps_an_audit_entry(client, auth, forum):
    thread = forum.thread
    reply = post_services.reply(forum.member, thread, "Router neu starten")
    post_services.edit_post(forum.member, reply, "Router vom Strom nehmen")
    other = make_thread(forum.board, forum.member, "Anderes Thema", "Bleibt")
    db.session.add_all(
        [
            Report(post_id=reply.id, reporter_id=forum.customer.id, reason="spam"),
            ThreadAffected(thread_id=thread.id, user_id=forum.customer.id),
        ]
    )
    other.duplicate_of_id = thread.id
    db.session.commit()
    thread_id, post_ids = thread.id, [thread.first_post_id, reply.id]
    _delete(client, auth, forum)
    auth.login(forum.admin)
    assert client.post(f"/t/{thread_id}/purge", data={"reason": "Spam"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Thread, thread_id) is None
    assert db.session.scalar(select(func.count()).where(Post.id.in_(post_ids))) == 0
    for model in (PostRevision, Report, ThreadAffected):
        assert db.session.scalar(select(func.count()).select_from(model)) == 0
    assert db.session.get(Thread, other.id).duplicate_of_id is None
    assert db.session.get(User, forum.member.id).post_count == 1  # only "Bleibt" is left
    assert client.get(f"/t/{thread_id}").status_code == 404
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "thread.purge")).one()
    assert "Router blinkt rot" in entry.before and '"posts": 2' in entry.before
    assert entry.reason == "Spam"
    db.session.refresh(forum.board)
    assert (forum.board.thread_count, forum.board.post_count) == (1, 1)
    assert find(forum.admin, "Router").total == 0 and find(forum.admin, "Bleibt").total == 1


def test_a_thread_that_is_not_deleted_cannot_be_purged(client, auth, forum):
    auth.login(forum.admin)
    assert client.post(f"/t/{forum.thread.id}/purge", data={}).status_code == 403
    assert db.session.get(Thread, forum.thread.id) is not None
