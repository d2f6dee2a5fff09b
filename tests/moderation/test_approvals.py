"""New accounts' posts with links wait for a moderator; nobody else sees them meanwhile."""

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import AuditEntry, Post, Thread
from tests.factories import make_user
from tests.search.conftest import find

LINK_REPLY = "Schau hier: https://billig-router.example/angebot"


def _held_reply(client, auth, forum, body=LINK_REPLY):
    newcomer = make_user("neuling")
    auth.login(newcomer)
    answer = client.post(f"/t/{forum.thread.id}/reply", data={"body": body}, follow_redirects=True)
    auth.logout()
    post = db.session.scalars(select(Post).where(Post.author_id == newcomer.id)).one()
    return newcomer, post, answer


@pytest.mark.every_search_backend
def test_a_new_accounts_link_waits_and_only_author_and_moderators_see_it(client, auth, forum):
    newcomer, post, answer = _held_reply(client, auth, forum)
    assert post.is_pending
    assert "wartet auf die Freigabe" in answer.text  # the author is told, and sees the post
    assert "billig-router" in answer.text
    db.session.refresh(forum.thread)
    db.session.refresh(forum.board)
    assert (forum.thread.post_count, forum.board.post_count, newcomer.post_count) == (1, 1, 0)
    url = f"/t/{forum.thread.id}-{forum.thread.slug}"
    for viewer in (None, forum.member, forum.staff):
        if viewer:
            auth.login(viewer)
        assert "billig-router" not in client.get(url).text
        assert client.get(f"/p/{post.id}").status_code == 404
        assert "billig-router" not in client.get(f"/u/{newcomer.username}").text
        auth.logout()
    assert find(None, "Angebot").total == 0 and find(forum.moderator, "Angebot").total == 0
    auth.login(forum.moderator)
    assert "billig-router" in client.get(url).text
    assert "billig-router" in client.get("/moderation/approvals").text


@pytest.mark.parametrize(
    "body",
    ["Einfach den Router neu starten.", "Siehe www.example.com", "Mail an info@example.com"],
)
def test_posts_without_links_or_by_known_people_are_not_held(client, auth, forum, body):
    _, post, _ = _held_reply(client, auth, forum, body=body)
    assert post.is_pending == ("example" in body)  # links are found in the rendered post
    for known in (forum.customer, forum.staff, forum.moderator):
        auth.login(known)
        client.post(f"/t/{forum.thread.id}/reply", data={"body": LINK_REPLY})
        auth.logout()
    held = db.session.scalars(select(Post.author_id).where(Post.pending_at.is_not(None))).all()
    assert all(author not in held for author in (forum.customer.id, forum.staff.id))


def test_the_threshold_is_a_setting(app, client, auth, forum):
    app.config["LINK_APPROVAL_THRESHOLD"] = 0
    _, post, _ = _held_reply(client, auth, forum)
    assert not post.is_pending
    app.config["LINK_APPROVAL_THRESHOLD"] = 2
    veteran = make_user("stammgast")
    veteran.post_count = 2
    db.session.commit()
    auth.login(veteran)
    client.post(f"/t/{forum.thread.id}/reply", data={"body": LINK_REPLY})
    assert db.session.scalars(select(Post).where(Post.author_id == veteran.id)).one().is_published


@pytest.mark.parametrize("role", ["member", "staff", "author"])
def test_only_moderators_approve_or_reject(client, auth, forum, role):
    _, post, _ = _held_reply(client, auth, forum)
    auth.login(getattr(forum, role))
    assert client.get("/moderation/approvals").status_code == 404
    assert client.post(f"/p/{post.id}/approve", data={}).status_code == 404
    assert client.post(f"/p/{post.id}/reject", data={"reason": "Spam"}).status_code == 404
    db.session.refresh(post)
    assert post.is_pending


@pytest.mark.every_search_backend
def test_approving_publishes_counts_and_indexes(client, auth, forum):
    newcomer, post, _ = _held_reply(client, auth, forum)
    auth.login(forum.moderator)
    assert client.post(f"/p/{post.id}/approve", data={}).status_code == 302
    auth.logout()
    db.session.expire_all()
    thread = db.session.get(Thread, forum.thread.id)
    assert (thread.post_count, thread.last_post_id, thread.status) == (2, post.id, "answered")
    assert db.session.get(type(newcomer), newcomer.id).post_count == 1
    assert "billig-router" in client.get(f"/t/{thread.id}-{thread.slug}").text
    assert find(None, "Angebot").total == 1
    entry = db.session.scalars(select(AuditEntry)).one()
    assert (entry.action, entry.target_id, entry.actor_id) == (
        "post.approve",
        post.id,
        forum.moderator.id,
    )


def test_rejecting_removes_the_post_and_keeps_its_text_in_the_log(client, auth, forum):
    _, post, _ = _held_reply(client, auth, forum)
    post_id = post.id
    auth.login(forum.moderator)
    answer = client.post(f"/p/{post_id}/reject", data={"reason": "Werbung"})
    assert answer.status_code == 302
    db.session.expire_all()
    assert db.session.get(Post, post_id) is None
    entry = db.session.scalars(select(AuditEntry)).one()
    assert (entry.action, entry.reason) == ("post.reject", "Werbung")
    assert "billig-router" in entry.before


@pytest.mark.every_search_backend
def test_a_new_thread_with_a_link_waits_with_its_thread(client, auth, forum):
    newcomer = make_user("neuling")
    auth.login(newcomer)
    answer = client.post(
        f"/b/{forum.board.slug}/new",
        data={"title": "Günstige Router hier", "body": LINK_REPLY},
        follow_redirects=True,
    )
    assert "wartet auf die Freigabe" in answer.text
    thread = db.session.scalars(select(Thread).where(Thread.author_id == newcomer.id)).one()
    assert thread.is_pending
    assert client.post(f"/t/{thread.id}/reply", data={"body": "Hallo?"}).status_code == 403
    auth.logout()
    assert client.get(f"/t/{thread.id}").status_code == 404
    assert "Günstige Router" not in client.get(f"/b/{forum.board.slug}").text
    db.session.refresh(forum.board)
    assert forum.board.thread_count == 1
    auth.login(forum.moderator)
    assert "Günstige Router hier" in client.get("/moderation/approvals").text
    client.post(f"/p/{thread.first_post_id}/approve", data={})
    auth.logout()
    assert client.get(f"/t/{thread.id}-{thread.slug}").status_code == 200
    db.session.refresh(forum.board)
    assert (forum.board.thread_count, forum.board.post_count) == (2, 2)
    assert find(None, "Günstige").total == 1


def test_rejecting_a_new_thread_removes_it(client, auth, forum):
    newcomer = make_user("neuling")
    auth.login(newcomer)
    client.post(
        f"/b/{forum.board.slug}/new", data={"title": "Günstige Router hier", "body": LINK_REPLY}
    )
    thread = db.session.scalars(select(Thread).where(Thread.author_id == newcomer.id)).one()
    thread_id = thread.id
    auth.logout()
    auth.login(forum.moderator)
    assert (
        client.post(f"/p/{thread.first_post_id}/reject", data={"reason": "Spam"}).status_code == 302
    )
    db.session.expire_all()
    assert db.session.get(Thread, thread_id) is None
    entry = db.session.scalars(select(AuditEntry)).one()
    assert entry.action == "thread.reject" and "Günstige Router hier" in entry.before


def test_held_and_deleted_questions_stay_out_of_the_staff_queue(client, auth, forum):
    newcomer = make_user("neuling")
    auth.login(newcomer)
    client.post(
        f"/b/{forum.board.slug}/new", data={"title": "Günstige Router hier", "body": LINK_REPLY}
    )
    auth.logout()
    auth.login(forum.admin)  # admins see held threads, yet they are no questions to answer
    client.post(f"/t/{forum.thread.id}/delete", data={"reason": "Doppelt"})
    queue = client.get("/staff/queue").text
    assert "Günstige Router" not in queue and "Router blinkt rot" not in queue
