"""Solutions, question status, "same problem" and closing: every action for every role."""

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import Post, Subscription, ThreadAffected, ThreadStatus

from ..factories import make_board, make_thread, make_user

ROLES = ["guest", "member", "author", "staff", "moderator", "admin"]


@pytest.fixture
def question(forum):
    """The small forum's question with a reply by a member and one by staff."""
    from forum.posts import services as posts

    member_reply = posts.reply(forum.member, forum.thread, "Router neu starten?")
    staff_reply = posts.reply(forum.staff, forum.thread, "Bitte Leitung prüfen lassen.")
    return forum.thread, member_reply, staff_reply


def _act_as(auth, forum, role):
    if role != "guest":
        auth.login(getattr(forum, role))


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("guest", 302),
        ("member", 403),
        ("author", 302),
        ("staff", 302),
        ("moderator", 302),
        ("admin", 302),
    ],
)
def test_mark_solution_matrix(client, auth, forum, question, role, status):
    thread, member_reply, _ = question
    _act_as(auth, forum, role)
    response = client.post(f"/t/{thread.id}/solution", data={"post_id": member_reply.id})
    assert response.status_code == status
    db.session.refresh(thread)
    marked = role not in {"guest", "member"}
    assert (thread.solution_post_id == member_reply.id) is marked
    assert (thread.status == ThreadStatus.SOLVED) is marked
    if role == "guest":
        assert "/login" in response.headers["Location"]


def test_solution_can_be_replaced_and_removed(client, auth, forum, question):
    thread, member_reply, staff_reply = question
    auth.login(forum.author)
    client.post(f"/t/{thread.id}/solution", data={"post_id": member_reply.id})
    client.post(f"/t/{thread.id}/solution", data={"post_id": staff_reply.id})
    db.session.refresh(thread)
    assert thread.solution_post_id == staff_reply.id
    client.post(f"/t/{thread.id}/solution/remove")
    db.session.refresh(thread)
    assert thread.solution_post_id is None and thread.status == ThreadStatus.ANSWERED


def test_solution_is_shown_under_the_question_and_in_lists(client, auth, forum, question):
    thread, _, staff_reply = question
    auth.login(forum.author)
    client.post(f"/t/{thread.id}/solution", data={"post_id": staff_reply.id})
    page = client.get(f"/t/{thread.id}-{thread.slug}").text
    question_at = page.index(f'id="p{thread.first_post_id}"')
    box_at = page.index('class="solution-box"')
    assert question_at < box_at < page.index(f'id="p{thread.first_post_id + 1}"')
    assert f'href="/p/{staff_reply.id}"' in page  # link to its place in the thread
    board = client.get("/b/dsl-festnetz").text
    assert "Gelöst" in board and "Lösung vom Mitarbeiter" in board


@pytest.mark.parametrize("role", ["author", "staff", "moderator"])
def test_marking_a_post_of_another_thread_changes_nothing(client, auth, forum, question, role):
    thread, _, _ = question
    other = make_thread(forum.board, forum.member, "Andere Frage", replies=1)
    foreign_post = db.session.scalar(
        select(Post).where(Post.thread_id == other.id).order_by(Post.id.desc())
    )
    _act_as(auth, forum, role)
    response = client.post(f"/t/{thread.id}/solution", data={"post_id": foreign_post.id})
    assert response.status_code == 403
    db.session.refresh(thread)
    assert thread.solution_post_id is None


def test_the_question_itself_is_no_solution(client, auth, forum, question):
    thread, _, _ = question
    auth.login(forum.author)
    response = client.post(f"/t/{thread.id}/solution", data={"post_id": thread.first_post_id})
    assert response.status_code == 403
    db.session.refresh(thread)
    assert thread.solution_post_id is None and thread.status == ThreadStatus.ANSWERED


@pytest.mark.parametrize(("role", "status"), [("author", 403), ("staff", 403), ("moderator", 302)])
def test_closed_questions_stay_closed_for_all_but_moderators(
    client, auth, forum, question, role, status
):
    thread, member_reply, _ = question
    thread.status = ThreadStatus.CLOSED
    db.session.commit()
    auth.login(getattr(forum, role))
    response = client.post(f"/t/{thread.id}/solution", data={"post_id": member_reply.id})
    assert response.status_code == status
    db.session.refresh(thread)
    if role == "moderator":  # a moderator's solution settles the question
        assert thread.status == ThreadStatus.SOLVED
        return
    client.post(f"/t/{thread.id}/solution/remove")
    db.session.refresh(thread)
    assert thread.status == ThreadStatus.CLOSED and thread.solution_post_id is None


def test_posts_on_boards_the_person_cannot_see_are_404(client, auth, forum, question):
    thread, _, _ = question
    secret_board = make_board("Intern", slug="intern", visibility="staff")
    secret = make_thread(
        secret_board, forum.staff, "Interne Notiz", replies=1, repliers=[forum.admin]
    )
    auth.login(forum.author)
    response = client.post(f"/t/{thread.id}/solution", data={"post_id": secret.last_post_id})
    assert response.status_code == 404
    for url in (
        f"/t/{secret.id}/affected",
        f"/t/{secret.id}/solution/remove",
        f"/t/{secret.id}/close",
    ):
        assert client.post(url).status_code == 404
    db.session.refresh(thread)
    assert thread.solution_post_id is None


def test_withdrawing_without_having_said_so_changes_nothing(client, auth, forum):
    auth.login(forum.member)
    client.post(f"/t/{forum.thread.id}/affected/remove")
    db.session.refresh(forum.thread)
    assert forum.thread.affected_count == 0


def test_threads_outside_support_boards_keep_no_question_state(app):
    from forum.posts import services as posts

    board = make_board("Plauderecke", slug="plaudern", is_support=False)
    author, staff = make_user("plaudertasche"), make_user("service", staff=True)
    thread = make_thread(board, author, "Wie war euer Wochenende?")
    posts.reply(staff, thread, "Sonnig!")
    db.session.refresh(thread)
    assert thread.status == ThreadStatus.OPEN and thread.first_staff_reply_at is None
    assert thread.waiting_since is None


def test_unknown_post_or_thread_is_404(client, auth, forum, question):
    thread, _, _ = question
    auth.login(forum.author)
    assert client.post(f"/t/{thread.id}/solution", data={"post_id": 999999}).status_code == 404
    assert client.post("/t/999999/solution", data={"post_id": 1}).status_code == 404


def test_threads_outside_support_boards_have_no_solutions(client, auth, app):
    board = make_board("Plauderecke", slug="plaudern", is_support=False)
    author = make_user("plaudertasche")
    thread = make_thread(board, author, "Wie war euer Wochenende?", replies=1)
    auth.login(author)
    response = client.post(f"/t/{thread.id}/solution", data={"post_id": thread.last_post_id})
    assert response.status_code == 403
    assert "Als Lösung markieren" not in client.get(f"/t/{thread.id}-{thread.slug}").text


def test_status_moves_with_replies(forum):
    from forum.posts import services as posts

    thread = forum.thread
    assert thread.status == ThreadStatus.OPEN
    posts.reply(forum.author, thread, "Noch jemand?")
    db.session.refresh(thread)
    assert thread.status == ThreadStatus.OPEN and thread.first_staff_reply_at is None
    posts.reply(forum.member, thread, "Ich auch.")
    db.session.refresh(thread)
    assert thread.status == ThreadStatus.ANSWERED and thread.first_staff_reply_at is None
    staff_reply = posts.reply(forum.staff, thread, "Wir prüfen das.")
    db.session.refresh(thread)
    assert thread.first_staff_reply_at == staff_reply.created_at
    assert thread.first_staff_reply_seconds == int(
        (staff_reply.created_at - thread.created_at).total_seconds()
    )
    posts.reply(forum.staff, thread, "Update folgt.")
    db.session.refresh(thread)
    assert thread.first_staff_reply_at == staff_reply.created_at  # the first one stays


@pytest.mark.parametrize(
    ("role", "status"),
    [("guest", 302), ("author", 403), ("member", 302), ("staff", 302), ("moderator", 302)],
)
def test_same_problem_matrix(client, auth, forum, role, status):
    thread = forum.thread
    _act_as(auth, forum, role)
    response = client.post(f"/t/{thread.id}/affected")
    assert response.status_code == status
    counted = status == 302 and role != "guest"
    db.session.refresh(thread)
    assert thread.affected_count == (1 if counted else 0)


def test_same_problem_counts_once_and_subscribes(client, auth, forum):
    thread = forum.thread
    auth.login(forum.member)
    for _ in range(3):
        client.post(f"/t/{thread.id}/affected")
    db.session.refresh(thread)
    assert thread.affected_count == 1
    assert db.session.get(Subscription, (forum.member.id, thread.id)) is not None
    page = client.get(f"/t/{thread.id}-{thread.slug}").text
    assert "1 Person hat das gleiche Problem" in page
    client.post(f"/t/{thread.id}/affected/remove")
    db.session.refresh(thread)
    assert thread.affected_count == 0
    assert db.session.get(ThreadAffected, (thread.id, forum.member.id)) is None


@pytest.mark.parametrize(
    ("role", "status"),
    [("author", 403), ("member", 403), ("staff", 403), ("moderator", 302), ("admin", 302)],
)
def test_only_moderators_close_questions(client, auth, forum, role, status):
    auth.login(getattr(forum, role))
    assert client.post(f"/t/{forum.thread.id}/close").status_code == status
    db.session.refresh(forum.thread)
    assert (forum.thread.status == ThreadStatus.CLOSED) is (status == 302)


def test_reopening_restores_the_earlier_state(client, auth, forum, question):
    thread, _, _ = question
    auth.login(forum.moderator)
    client.post(f"/t/{thread.id}/close")
    client.post(f"/t/{thread.id}/reopen")
    db.session.refresh(thread)
    assert thread.status == ThreadStatus.ANSWERED


def test_board_filters(client, auth, forum, question):
    thread, member_reply, _ = question
    unanswered = make_thread(forum.board, forum.member, "Noch niemand geantwortet")
    auth.login(forum.author)
    client.post(f"/t/{thread.id}/solution", data={"post_id": member_reply.id})
    pages = {
        key: client.get(f"/b/dsl-festnetz?filter={key}").text
        for key in ("open", "unanswered", "solved")
    }
    assert thread.title in pages["solved"] and thread.title not in pages["open"]
    assert unanswered.title in pages["unanswered"] and unanswered.title in pages["open"]
    assert unanswered.title not in pages["solved"]


def test_asker_is_reminded_to_mark_a_solution(client, auth, app, forum, question):
    from datetime import timedelta

    from forum.models import utcnow

    thread, _, _ = question
    auth.login(forum.author)
    url = f"/t/{thread.id}-{thread.slug}"
    assert "Hat Ihnen eine Antwort geholfen?" not in client.get(url).text
    thread.last_staff_reply_at = utcnow() - timedelta(hours=25)
    db.session.commit()
    assert "Hat Ihnen eine Antwort geholfen?" in client.get(url).text
    auth.logout()
    auth.login(forum.member)
    assert "Hat Ihnen eine Antwort geholfen?" not in client.get(url).text
