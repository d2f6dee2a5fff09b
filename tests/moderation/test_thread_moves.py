"""Rename, move and hide threads: the effect everywhere, and who may."""

import pytest
from sqlalchemy import select

from forum import outbox
from forum.extensions import db
from forum.models import AuditEntry, Guest, Visibility
from forum.search import engine
from forum.search.store import store
from tests.factories import make_board


def _found(user, q):
    outbox.drain()
    with store().searching() as cache:
        return engine.search(cache, user or Guest(), engine.SearchOptions(q=q), 10).total


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
    assert _found(None, "LED") == 1


def test_a_thread_moved_to_customers_only_leaves_public_view(client, auth, forum):
    customers = make_board("Kundenbereich", slug="kunden", visibility=Visibility.CUSTOMERS)
    thread = forum.thread
    assert _found(None, "Gewitter") == 1
    auth.login(forum.moderator)
    answer = client.post(f"/t/{thread.id}/move", data={"board": customers.id, "reason": "Vertrag"})
    assert answer.status_code == 302
    db.session.refresh(forum.board)
    db.session.refresh(customers)
    assert (forum.board.thread_count, customers.thread_count) == (0, 1)
    auth.logout()
    assert client.get(f"/t/{thread.id}-{thread.slug}").status_code == 404
    assert _found(None, "Gewitter") == 0
    assert _found(forum.customer, "Gewitter") == 1
    assert db.session.scalars(select(AuditEntry)).one().action == "thread.move"


def test_a_moderator_cannot_move_into_a_board_they_cannot_read(client, auth, forum):
    internal = make_board("Intern", slug="intern", visibility=Visibility.STAFF)
    auth.login(forum.moderator)
    assert client.post(f"/t/{forum.thread.id}/move", data={"board": internal.id}).status_code == 403
    db.session.refresh(forum.thread)
    assert forum.thread.board_id == forum.board.id


def test_a_hidden_thread_is_gone_for_everyone_but_moderators(client, auth, forum):
    thread = forum.thread
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
    assert _found(None, "Gewitter") == 0 and _found(forum.moderator, "Gewitter") == 0
    auth.login(forum.moderator)
    assert client.post(f"/t/{thread.id}/restore", data={}).status_code == 302
    auth.logout()
    assert client.get(url).status_code == 200
    assert _found(None, "Gewitter") == 1
    with store().searching() as cache:  # its post documents are back too (for snippets)
        from whoosh.query import Term

        assert list(Term("in_thread", str(thread.id)).docs(cache.searcher))
    actions = [e.action for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["thread.hide", "thread.restore"]
