"""Moderators of single boards: tools in their boards, nowhere else."""

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import AuditEntry, Report, User, Visibility
from forum.moderation import board_moderators
from forum.posts import services as post_services
from tests.factories import make_board, make_thread, make_user


@pytest.fixture
def boards(forum):
    """`forum.board` with a board moderator, and another board they do not moderate."""
    other = make_board("Mobilfunk", slug="mobilfunk")
    keeper = make_user("bereichsmod")
    board_moderators.appoint(forum.admin, forum.board, keeper)
    foreign = make_thread(other, forum.member, "Handy lädt nicht", "Akku leer?", replies=1)
    return keeper, other, foreign


def _reply(thread):
    return db.session.scalars(
        select(post_services.Post).where(post_services.Post.thread_id == thread.id)
    ).all()[-1]


@pytest.mark.parametrize("role", ["member", "staff", "moderator"])
def test_only_admins_appoint_board_moderators(client, auth, forum, role):
    auth.login(getattr(forum, role))
    assert client.get("/admin/board-moderators").status_code == 404
    answer = client.post(
        "/admin/board-moderators", data={"username": "mitglied", "board": forum.board.id}
    )
    assert answer.status_code == 404
    assert not db.session.get(User, forum.member.id).is_board_moderator


def test_an_admin_appoints_and_dismisses_in_the_browser(client, auth, forum):
    auth.login(forum.admin)
    assert "Bereichsmoderation" in client.get("/admin").text
    answer = client.post(
        "/admin/board-moderators",
        data={"username": "mitglied", "board": forum.board.id, "reason": "hilft viel"},
    )
    assert answer.status_code == 302
    assert "mitglied" in client.get("/admin/board-moderators").text
    assert db.session.get(User, forum.member.id).is_board_moderator
    answer = client.post(
        f"/admin/board-moderators/{forum.board.id}/remove", data={"username": "mitglied"}
    )
    assert answer.status_code == 302
    db.session.expire_all()
    assert not db.session.get(User, forum.member.id).is_board_moderator
    actions = [(e.action, e.target_type) for e in db.session.scalars(select(AuditEntry))]
    assert actions == [("board.moderator-add", "board"), ("board.moderator-remove", "board")]


def test_nobody_moderates_a_board_they_cannot_read(client, auth, forum):
    customers = make_board("Kundenbereich", slug="kunden", visibility=Visibility.CUSTOMERS)
    auth.login(forum.admin)
    data = {"username": "mitglied", "board": customers.id}
    refused = client.post("/admin/board-moderators", data=data)
    assert refused.status_code == 400 and "kann den Bereich nicht lesen" in refused.text
    assert 'value="mitglied"' in refused.text  # what the admin typed is kept
    unknown = client.post("/admin/board-moderators", data={"username": "x", "board": customers.id})
    assert unknown.status_code == 400 and "kein Konto" in unknown.text
    data = {"username": "kunde", "board": customers.id}
    assert client.post("/admin/board-moderators", data=data).status_code == 302


def test_tools_in_their_board_and_nowhere_else(client, auth, forum, boards):
    keeper, _, foreign = boards
    reply = post_services.reply(forum.member, forum.thread, "Antwort im eigenen Bereich")
    auth.login(keeper)
    own = client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text
    assert 'class="mod-bar"' in own
    assert 'class="mod-bar"' not in client.get(f"/t/{foreign.id}-{foreign.slug}").text
    assert client.post(f"/t/{forum.thread.id}/lock", data={"reason": "Ruhe"}).status_code == 302
    assert client.post(f"/t/{foreign.id}/lock", data={"reason": "Ruhe"}).status_code == 404
    assert client.post(f"/p/{reply.id}/hide", data={"reason": "spam"}).status_code == 302
    foreign_reply = _reply(foreign)
    assert client.post(f"/p/{foreign_reply.id}/hide", data={"reason": "spam"}).status_code == 404
    # Sanctions reach the whole forum: not theirs.
    assert client.post("/u/mitglied/warn", data={"text": "Vorsicht"}).status_code == 404


def test_hidden_threads_show_only_in_their_board(client, auth, forum, boards):
    keeper, other, foreign = boards
    auth.login(forum.moderator)
    client.post(f"/t/{forum.thread.id}/hide", data={"reason": "Streit"})
    client.post(f"/t/{foreign.id}/hide", data={"reason": "Streit"})
    auth.logout()
    auth.login(keeper)
    assert client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").status_code == 200
    assert "Router blinkt rot" in client.get(f"/b/{forum.board.slug}").text
    assert client.get(f"/t/{foreign.id}-{foreign.slug}").status_code == 404
    assert "Handy lädt nicht" not in client.get(f"/b/{other.slug}").text


def test_they_move_threads_only_between_their_boards(client, auth, forum, boards):
    keeper, other, _ = boards
    auth.login(keeper)
    move = {"board": other.id}
    page = client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text
    assert f'<option value="{other.id}"' not in page
    assert client.post(f"/t/{forum.thread.id}/move", data=move).status_code == 403
    board_moderators.appoint(forum.admin, other, db.session.get(User, keeper.id))
    assert client.post(f"/t/{forum.thread.id}/move", data=move).status_code == 302


def test_their_queues_hold_their_boards_only(client, auth, forum, boards):
    keeper, _, foreign = boards
    own_reply = post_services.reply(forum.member, forum.thread, "Eigener Bereich Text")
    db.session.add_all(
        [
            Report(post_id=own_reply.id, reporter_id=forum.customer.id, reason="spam"),
            Report(post_id=_reply(foreign).id, reporter_id=forum.customer.id, reason="spam"),
        ]
    )
    db.session.commit()
    newcomer = make_user("neuling")
    post_services.reply(newcomer, forum.thread, "Hier https://example.com/eigen")
    post_services.reply(newcomer, foreign, "Dort https://example.com/fremd")
    auth.login(keeper)
    reports = client.get("/moderation/reports").text
    assert "Eigener Bereich Text" in reports and "Antwort 1" not in reports
    approvals = client.get("/moderation/approvals").text
    assert "example.com/eigen" in approvals and "example.com/fremd" not in approvals


def test_private_cases_stay_with_staff(client, auth, forum, boards):
    keeper, _, _ = boards
    case = post_services.create_thread(forum.customer, forum.board, "Mein Vertrag", "privat", True)
    auth.login(keeper)
    assert client.get(f"/t/{case.id}").status_code == 404
    assert "Mein Vertrag" not in client.get(f"/b/{forum.board.slug}").text


def test_dismissed_board_moderators_lose_the_tools(client, auth, forum, boards):
    keeper, _, _ = boards
    board_moderators.dismiss(forum.admin, forum.board, keeper)
    auth.login(keeper)
    assert client.post(f"/t/{forum.thread.id}/lock", data={"reason": "Ruhe"}).status_code == 404
    assert client.get("/moderation/reports").status_code == 404
