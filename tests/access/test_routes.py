"""Every route, for every role and every kind of place (public, customers-only and
staff-only boards, a private case): private places answer 404, never a teaser."""

import pytest

from forum.models import Visibility, utcnow
from forum.posts import services as posts

from ..factories import PASSWORD, make_board, make_thread, make_user

ROLES = ["guest", "member", "customer", "other_customer", "staff", "moderator", "admin", "banned"]
CASE = "case"
READERS = {
    Visibility.PUBLIC: set(ROLES),
    Visibility.CUSTOMERS: {"customer", "other_customer", "staff", "moderator", "admin"},
    Visibility.STAFF: {"staff", "admin"},
    CASE: {"customer", "staff", "moderator", "admin"},
}
MARKER = "GEHEIM-{}-MARKER"


@pytest.fixture
def world(app):
    users = {
        "member": make_user("m"),
        "customer": make_user("c", customer=True),
        "other_customer": make_user("oc", customer=True),
        "staff": make_user("s", staff=True),
        "moderator": make_user("mod", moderator=True),
        "admin": make_user("a", admin=True),
        # Banned after it verified as a customer: its rows grant nothing any more.
        "banned": make_user("b", customer=True, banned_at=utcnow()),
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
    case_board = make_board("Rechnungen", slug="rechnungen")
    marker = MARKER.format(CASE)
    case = posts.create_thread(
        users["customer"], case_board, f"Titel {marker}", f"Text {marker}", private=True
    )
    posts.reply(users["staff"], case, "Wir kümmern uns.")
    places[CASE] = (case_board, case)
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


def _log_in(client, auth, users, role):
    if role == "banned":  # cannot log in: the answer says so, and the session stays empty
        response = client.post("/login", data={"login": "b", "password": PASSWORD})
        assert response.status_code == 403 and "gesperrt" in response.text
    elif role != "guest":
        auth.login(users[role])


def _expected(role: str, kind: str, readable: bool, place) -> int:
    if role in {"guest", "banned"} and kind in LOGIN_REQUIRED:
        return 302  # to the log-in page, which says nothing about the target
    if place == CASE and kind in {"board", "new"}:
        return 200  # the case's board is public; only the case is private
    if not readable:
        return 404
    if kind == "permalink":
        return 302
    if kind == "edit":
        own_case = place == CASE and role == "customer"
        return 200 if role in {"moderator", "admin"} or own_case else 403
    return 200


@pytest.mark.parametrize("role", ROLES)
def test_every_route_answers_as_the_policy_says(client, auth, world, role):
    users, places = world
    _log_in(client, auth, users, role)
    for place, (board, thread) in places.items():
        readable = role in READERS[place]
        for kind, url in _urls(board, thread).items():
            response = client.get(url)
            assert response.status_code == _expected(role, kind, readable, place), (role, url)
            if not readable:
                assert MARKER.format(place) not in response.text
                if response.status_code == 302:
                    assert response.headers["Location"].startswith("/login")


@pytest.mark.parametrize("role", ROLES)
def test_markers_never_leak_into_public_pages(client, auth, world, role):
    users, places = world
    _log_in(client, auth, users, role)
    pages = [
        "/",
        "/u/autor",
        "/u/c",
        "/u/s",
        f"/b/{places[Visibility.PUBLIC][0].slug}",
        "/b/rechnungen",
    ]
    text = "".join(client.get(url).text for url in pages)
    for place in READERS:
        assert (MARKER.format(place) in text) is (role in READERS[place]), (role, place)
