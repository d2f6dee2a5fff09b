"""Merging two threads and splitting replies off: posts, counts, addresses, search."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import AuditEntry, Post, Thread, ThreadAffected, Visibility
from forum.posts import services as post_services
from forum.support import services as support_services
from tests.factories import make_board, make_thread
from tests.search.conftest import find


def _at(post: Post, minutes: int) -> None:
    """Sets when a post was written, counted from the older thread's first post."""
    post.created_at = post.thread.created_at + timedelta(minutes=minutes)


def _two_threads(forum):
    """Two threads about the same problem, written at the same time."""
    older = forum.thread
    a1 = post_services.reply(forum.member, older, "A1 Router neu starten")
    a2 = post_services.reply(forum.staff, older, "A2 Leitung geprüft")
    newer = make_thread(forum.board, forum.customer, "Rote LED am Router", "B0 Seit gestern rot")
    b1 = post_services.reply(forum.member, newer, "B1 Gewitter?")
    b0 = db.session.get(Post, newer.first_post_id)
    for post, minutes in ((a1, 10), (b0, 15), (b1, 20), (a2, 30)):
        _at(post, minutes)
    newer.created_at = b0.created_at
    db.session.commit()
    return older, newer


def _page_order(client, thread):
    page = client.get(f"/t/{thread.id}-{thread.slug}").text
    markers = ["Was tun?", "A1 ", "B0 ", "B1 ", "A2 "]
    return sorted(markers, key=lambda marker: page.index(marker) if marker in page else -1)


@pytest.mark.parametrize("role", ["member", "author", "staff"])
def test_others_cannot_merge_or_split(client, auth, forum, role):
    older, newer = _two_threads(forum)
    auth.login(getattr(forum, role))
    assert client.post(f"/t/{newer.id}/merge", data={"other": str(older.id)}).status_code == 404
    reply_id = db.session.scalars(select(Post.id).where(Post.thread_id == older.id)).all()[1]
    split = {"post": [reply_id], "title": "Neues Thema", "board": forum.board.id}
    assert client.post(f"/t/{older.id}/split", data=split).status_code == 404
    assert db.session.scalar(select(Thread).where(Thread.id == newer.id)) is not None
    assert db.session.get(Post, reply_id).thread_id == older.id


@pytest.mark.parametrize("role", ["moderator", "admin"])
@pytest.mark.every_search_backend
def test_merge_interleaves_posts_by_time_and_redirects(client, auth, forum, role):
    older, newer = _two_threads(forum)
    support_services.report_affected(forum.member, newer)
    auth.login(getattr(forum, role))
    # Asked from the newer thread: the older one stays all the same.
    answer = client.post(
        f"/t/{newer.id}/merge", data={"other": f"/t/{older.id}", "reason": "gleich"}
    )
    assert answer.status_code == 302 and f"/t/{older.id}-" in answer.headers["Location"]
    auth.logout()
    assert _page_order(client, older) == ["Was tun?", "A1 ", "B0 ", "B1 ", "A2 "]
    old_address = client.get(f"/t/{newer.id}-{newer.slug}")
    assert old_address.status_code == 301
    assert old_address.headers["Location"].endswith(f"/t/{older.id}")
    assert client.get(old_address.headers["Location"]).status_code == 301  # then to its slug
    db.session.expire_all()
    kept = db.session.get(Thread, older.id)
    assert db.session.get(Thread, newer.id) is None
    assert (kept.post_count, kept.affected_count) == (5, 1)
    assert (
        kept.last_post_id
        == db.session.scalars(select(Post.id).where(Post.body_source.startswith("A2"))).one()
    )
    db.session.refresh(forum.board)
    assert (forum.board.thread_count, forum.board.post_count) == (1, 5)
    assert db.session.scalars(select(ThreadAffected.thread_id)).all() == [older.id]
    b1 = db.session.scalars(select(Post).where(Post.body_source.startswith("B1"))).one()
    assert client.get(f"/p/{b1.id}").headers["Location"].endswith(f"#p{b1.id}")
    entry = db.session.scalars(select(AuditEntry)).one()
    assert (entry.action, entry.target_id, entry.reason) == ("thread.merge", older.id, "gleich")
    assert "Rote LED am Router" in entry.before
    assert find(None, "LED").total == 0  # the merged thread's title is gone from search
    assert find(None, "Gewitter").total == 1  # its posts are found in the thread that stayed


def test_merge_keeps_the_solution_of_either_thread(client, auth, forum):
    older, newer = _two_threads(forum)
    b1 = db.session.scalars(select(Post).where(Post.body_source.startswith("B1"))).one()
    support_services.mark_solution(forum.customer, newer, b1)
    auth.login(forum.moderator)
    client.post(f"/t/{older.id}/merge", data={"other": str(newer.id)})
    db.session.expire_all()
    kept = db.session.get(Thread, older.id)
    assert (kept.solution_post_id, kept.status) == (b1.id, "solved")


def test_a_redirect_follows_a_second_merge(client, auth, forum):
    older, newer = _two_threads(forum)
    oldest = make_thread(forum.board, forum.member, "Ganz alt", "Z0 zuerst")
    oldest.created_at = older.created_at - timedelta(days=1)
    db.session.commit()
    auth.login(forum.moderator)
    client.post(f"/t/{older.id}/merge", data={"other": str(newer.id)})
    client.post(f"/t/{older.id}/merge", data={"other": str(oldest.id)})
    for gone in (newer.id, older.id):
        assert client.get(f"/t/{gone}").headers["Location"].endswith(f"/t/{oldest.id}")


def test_merge_refusals(client, auth, forum):
    older, newer = _two_threads(forum)
    case = post_services.create_thread(forum.customer, forum.board, "Mein Vertrag", "privat", True)
    internal = make_thread(
        make_board("Intern", visibility=Visibility.STAFF), forum.staff, "Interna"
    )
    auth.login(forum.moderator)
    assert client.post(f"/t/{older.id}/merge", data={"other": str(older.id)}).status_code == 403
    assert client.post(f"/t/{older.id}/merge", data={"other": str(case.id)}).status_code == 403
    # A thread the moderator cannot read is as good as none.
    assert client.post(f"/t/{older.id}/merge", data={"other": str(internal.id)}).status_code == 400
    assert client.post(f"/t/{older.id}/merge", data={"other": "irgendwas"}).status_code == 400
    client.post(f"/t/{newer.id}/hide", data={"reason": "Spam"})
    assert client.post(f"/t/{older.id}/merge", data={"other": str(newer.id)}).status_code == 403
    assert db.session.scalar(select(Thread.id).where(Thread.id == newer.id)) == newer.id


def _reply_ids(thread):
    ids = db.session.scalars(
        select(Post.id).where(Post.thread_id == thread.id).order_by(Post.created_at, Post.id)
    )
    return list(ids)[1:]


@pytest.mark.parametrize("role", ["moderator", "admin"])
@pytest.mark.every_search_backend
def test_split_moves_the_ticked_replies_into_a_new_thread(client, auth, forum, role):
    thread = forum.thread
    post_services.reply(forum.member, thread, "Router neu starten hilft")
    off_topic = post_services.reply(forum.customer, thread, "Wie kündige ich meinen Vertrag?")
    answer = post_services.reply(forum.staff, thread, "Kündigung geht online")
    support_services.mark_solution(forum.author, thread, answer)
    auth.login(getattr(forum, role))
    moved = [off_topic.id, answer.id]
    page = client.get(f"/t/{thread.id}-{thread.slug}").text
    assert 'form="split-form"' in page
    response = client.post(
        f"/t/{thread.id}/split",
        data={"post": moved, "title": "Vertrag kündigen", "board": forum.board.id, "reason": "OT"},
    )
    assert response.status_code == 302
    db.session.expire_all()
    new = db.session.scalars(select(Thread).where(Thread.title == "Vertrag kündigen")).one()
    old = db.session.get(Thread, thread.id)
    assert (new.author_id, new.first_post_id, new.post_count) == (
        forum.customer.id,
        off_topic.id,
        2,
    )
    assert (new.solution_post_id, new.status) == (answer.id, "solved")
    assert (old.post_count, old.solution_post_id, old.status) == (2, None, "answered")
    assert response.headers["Location"].endswith(f"/t/{new.id}-{new.slug}")
    db.session.refresh(forum.board)
    assert (forum.board.thread_count, forum.board.post_count) == (2, 4)
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "thread.split")).one()
    assert entry.target_id == thread.id and str(new.id) in entry.after
    auth.logout()
    assert client.get(f"/p/{off_topic.id}").headers["Location"].startswith(f"/t/{new.id}-")
    assert find(None, "Vertrag").total == 1 and find(None, "kündigen").total == 1


def test_split_refusals(client, auth, forum):
    thread = forum.thread
    reply = post_services.reply(forum.member, thread, "Antwort")
    other = make_thread(forum.board, forum.member, "Anderes", "Fremd")
    internal = make_board("Intern", visibility=Visibility.STAFF)
    auth.login(forum.moderator)

    def split(post_ids, board=forum.board.id, title="Neues Thema"):
        data = {"post": post_ids, "title": title, "board": board}
        return client.post(f"/t/{thread.id}/split", data=data).status_code

    assert split([]) == 400
    assert split([thread.first_post_id]) == 403
    assert split([other.first_post_id]) == 403  # not a post of this thread
    assert split([reply.id], board=internal.id) == 403
    assert split([reply.id], title=" ") == 400
    db.session.refresh(reply)
    assert reply.thread_id == thread.id
    assert db.session.scalar(select(AuditEntry.id)) is None


def test_a_private_case_splits_into_a_private_case_of_the_same_customer(client, auth, forum):
    case = post_services.create_thread(forum.customer, forum.board, "Mein Vertrag", "Frage", True)
    post_services.reply(forum.staff, case, "Antwort vom Team")
    second = post_services.reply(forum.customer, case, "Andere Frage zur Rechnung")
    auth.login(forum.moderator)
    data = {"post": [second.id], "title": "Rechnung", "board": forum.board.id}
    assert client.post(f"/t/{case.id}/split", data=data).status_code == 302
    new = db.session.scalars(select(Thread).where(Thread.title == "Rechnung")).one()
    assert (new.is_private, new.author_id) == (True, forum.customer.id)
    auth.logout()
    auth.login(forum.member)
    assert client.get(f"/t/{new.id}").status_code == 404
    assert _reply_ids(case)  # the staff answer stayed


def test_hidden_and_deleted_threads_are_neither_merged_nor_split(client, auth, forum):
    older, newer = _two_threads(forum)
    auth.login(forum.admin)
    client.post(f"/t/{older.id}/delete", data={"reason": "Spam"})
    assert client.post(f"/t/{newer.id}/merge", data={"other": str(older.id)}).status_code == 403
    reply_id = _reply_ids(older)[0]
    split = {"post": [reply_id], "title": "Neues Thema", "board": forum.board.id}
    assert client.post(f"/t/{older.id}/split", data=split).status_code == 403
    client.post(f"/t/{newer.id}/hide", data={"reason": "Streit"})
    split = {"post": _reply_ids(newer), "title": "Neues Thema", "board": forum.board.id}
    assert client.post(f"/t/{newer.id}/split", data=split).status_code == 403
    actions = db.session.scalars(select(AuditEntry.action)).all()
    assert "thread.merge" not in actions and "thread.split" not in actions
    assert db.session.get(Post, reply_id).thread_id == older.id


def test_a_new_thread_does_not_start_with_a_hidden_post(client, auth, forum):
    secret = post_services.reply(forum.member, forum.thread, "Kundennummer 998877")
    post_services.reply(forum.member, forum.thread, "Blitzschaden an der Anlage")
    auth.login(forum.moderator)
    client.post(f"/p/{secret.id}/hide", data={"reason": "personal-data"})
    split = {
        "post": _reply_ids(forum.thread),
        "title": "Blitzschaden Anlage",
        "board": forum.board.id,
    }
    assert client.post(f"/t/{forum.thread.id}/split", data=split).status_code == 403
    db.session.refresh(secret)
    assert secret.thread_id == forum.thread.id


def test_merging_a_duplicate_updates_its_originals_count(client, auth, forum):
    older, newer = _two_threads(forum)
    original = make_thread(forum.board, forum.member, "Das Original", "Zuerst da")
    auth.login(forum.moderator)
    client.post(f"/t/{newer.id}/duplicate", data={"original": str(original.id)})
    db.session.refresh(original)
    assert original.duplicate_count == 1
    client.post(f"/t/{older.id}/merge", data={"other": str(newer.id)})
    db.session.refresh(original)
    assert original.duplicate_count == 0


def test_a_merged_threads_address_is_never_given_to_a_new_thread(client, auth, forum):
    older, newer = _two_threads(forum)  # the newer one has the highest id
    auth.login(forum.moderator)
    client.post(f"/t/{older.id}/merge", data={"other": str(newer.id)})
    fresh = make_thread(forum.board, forum.member, "Ganz neues Thema", "Neu")
    assert fresh.id > newer.id
    assert client.get(f"/t/{newer.id}").headers["Location"].endswith(f"/t/{older.id}")
