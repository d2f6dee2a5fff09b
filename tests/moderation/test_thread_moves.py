"""Rename, move and hide threads: the effect everywhere, and who may."""

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import AuditEntry, Visibility
from forum.posts import services as posts
from tests.factories import make_board
from tests.search.conftest import find


@pytest.mark.parametrize("role", ["member", "author", "staff"])
def test_others_cannot_rename_move_or_hide(client, auth, forum, role):
    other = make_board("Mobilfunk", slug="mobil")
    auth.login(getattr(forum, role))
    thread = forum.thread
    assert client.post(f"/t/{thread.id}/rename", data={"title": "Gekapert!"}).status_code == 404
    assert client.post(f"/t/{thread.id}/move", data={"board": other.id}).status_code == 404
    assert client.post(f"/t/{thread.id}/hide", data={"reason": "weg"}).status_code == 404
    db.session.refresh(thread)
    assert (thread.title, thread.board_id, thread.is_hidden) == (
        "Router blinkt rot nach Gewitter",
        forum.board.id,
        False,
    )


@pytest.mark.every_search_backend
def test_rename_keeps_the_old_address(client, auth, forum):
    thread = forum.thread
    old_url = f"/t/{thread.id}-{thread.slug}"
    auth.login(forum.moderator)
    assert (
        client.post(f"/t/{thread.id}/rename", data={"title": "Router: rote LED"}).status_code == 302
    )
    answer = client.get(old_url)
    assert answer.status_code == 301 and answer.headers["Location"].endswith("-router-rote-led")
    entry = db.session.scalars(select(AuditEntry)).one()
    assert (entry.action, "Gewitter" in entry.before, "rote LED" in entry.after) == (
        "thread.rename",
        True,
        True,
    )
    assert find(None, "LED").total == 1


@pytest.mark.every_search_backend
def test_a_thread_moved_to_customers_only_leaves_public_view(client, auth, forum):
    customers = make_board("Kundenbereich", slug="kunden", visibility=Visibility.CUSTOMERS)
    thread = forum.thread
    assert find(None, "Gewitter").total == 1
    auth.login(forum.moderator)
    answer = client.post(f"/t/{thread.id}/move", data={"board": customers.id, "reason": "Vertrag"})
    assert answer.status_code == 302
    db.session.refresh(forum.board)
    db.session.refresh(customers)
    assert (forum.board.thread_count, customers.thread_count) == (0, 1)
    auth.logout()
    assert client.get(f"/t/{thread.id}-{thread.slug}").status_code == 404
    assert find(None, "Gewitter").total == 0
    assert find(forum.customer, "Gewitter").total == 1
    assert db.session.scalars(select(AuditEntry)).one().action == "thread.move"


def test_a_moderator_cannot_move_into_a_board_they_cannot_read(client, auth, forum):
    internal = make_board("Intern", slug="intern", visibility=Visibility.STAFF)
    auth.login(forum.moderator)
    assert client.post(f"/t/{forum.thread.id}/move", data={"board": internal.id}).status_code == 403
    db.session.refresh(forum.thread)
    assert forum.thread.board_id == forum.board.id


@pytest.mark.every_search_backend
def test_a_hidden_thread_is_gone_for_everyone_but_moderators(client, auth, forum):
    thread = forum.thread
    reply = posts.reply(forum.member, thread, "Stecker ziehen und zehn Minuten warten")
    url = f"/t/{thread.id}-{thread.slug}"
    auth.login(forum.moderator)
    assert client.post(f"/t/{thread.id}/hide", data={"reason": "Doppelt"}).status_code == 302
    assert "Doppelt" in client.get(url).text
    assert "Router blinkt rot" in client.get(f"/b/{forum.board.slug}").text
    auth.logout()
    assert client.get(url).status_code == 404
    assert client.get(f"/p/{thread.first_post_id}").status_code == 404
    board_page = client.get(f"/b/{forum.board.slug}").text
    assert "Router blinkt rot" not in board_page
    db.session.refresh(forum.board)
    assert (forum.board.thread_count, forum.board.post_count) == (0, 0)
    assert find(None, "Gewitter").total == 0 and find(forum.moderator, "Gewitter").total == 0
    auth.login(forum.moderator)
    assert client.post(f"/t/{thread.id}/restore", data={}).status_code == 302
    auth.logout()
    assert client.get(url).status_code == 200
    assert find(None, "Gewitter").total == 1
    # Its posts are searchable again too: the snippet comes from the reply that matches.
    assert [hit.post for hit in find(None, "Stecker").page.items] == [reply]
    actions = [e.action for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["thread.hide", "thread.restore"]
