"""Every route, for every role and board visibility: private places answer 404, never a teaser."""

import pytest

from forum.models import Visibility

from ..factories import make_board, make_thread, make_user

ROLES = ["guest", "member", "customer", "staff", "moderator", "admin"]
READERS = {
    Visibility.PUBLIC: set(ROLES),
    Visibility.CUSTOMERS: {"customer", "staff", "moderator", "admin"},
    Visibility.STAFF: {"staff", "admin"},
}
MARKER = "GEHEIM-{}-MARKER"


@pytest.fixture
def world(app):
    users = {
        "member": make_user("m"),
        "customer": make_user("c", customer=True),
        "staff": make_user("s", staff=True),
        "moderator": make_user("mod", moderator=True),
        "admin": make_user("a", admin=True),
    }
    author = make_user("autor", staff=True, customer=True)
    places = {}
    for visibility in Visibility:
        board = make_board(f"Bereich {visibility}", visibility=visibility, slug=f"b-{visibility}")
        thread = make_thread(
            board,
            author,
            f"Titel {MARKER.format(visibility)}",
            f"Text {MARKER.format(visibility)}",
            1,
        )
        places[visibility] = (board, thread)
    return users, places


LOGIN_REQUIRED = {"new", "reply", "reply_quote", "quote_json", "edit"}


def _urls(board, thread):
    first = thread.first_post_id
    return {
        "board": f"/b/{board.slug}",
        "new": f"/b/{board.slug}/new",
        "thread": f"/t/{thread.id}-{thread.slug}",
        "reply": f"/t/{thread.id}/reply",
        "reply_quote": f"/t/{thread.id}/reply?quote={first}",
        "permalink": f"/p/{first}",
        "quote_json": f"/p/{first}/quote",
        "edit": f"/p/{first}/edit",
    }


def _expected(role: str, kind: str, readable: bool) -> int:
    if role == "guest" and kind in LOGIN_REQUIRED:
        return 302  # to the log-in page, which says nothing about the target
    if not readable:
        return 404
    if kind == "permalink":
        return 302
    if kind == "edit":
        return 200 if role in {"moderator", "admin"} else 403
    return 200


@pytest.mark.parametrize("role", ROLES)
def test_every_route_answers_as_the_policy_says(client, auth, world, role):
    users, places = world
    if role != "guest":
        auth.login(users[role])
    for visibility, (board, thread) in places.items():
        readable = role in READERS[visibility]
        for kind, url in _urls(board, thread).items():
            response = client.get(url)
            assert response.status_code == _expected(role, kind, readable), (role, url)
            if not readable:
                assert MARKER.format(visibility) not in response.text
                if response.status_code == 302:
                    assert response.headers["Location"].startswith("/login")


@pytest.mark.parametrize("role", ROLES)
def test_markers_never_leak_into_public_pages(client, auth, world, role):
    users, places = world
    if role != "guest":
        auth.login(users[role])
    pages = ["/", "/u/autor", "/u/autor?page=1", f"/b/{places[Visibility.PUBLIC][0].slug}"]
    text = "".join(client.get(url).text for url in pages)
    for visibility in Visibility:
        assert (MARKER.format(visibility) in text) is (role in READERS[visibility]), (
            role,
            visibility,
        )
