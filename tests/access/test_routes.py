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


def _urls(board, thread):
    return [
        f"/b/{board.slug}",
        f"/b/{board.slug}/new",
        f"/t/{thread.id}-{thread.slug}",
        f"/t/{thread.id}/reply",
        f"/t/{thread.id}/reply?quote={thread.first_post_id}",
        f"/p/{thread.first_post_id}",
        f"/p/{thread.first_post_id}/quote",
        f"/p/{thread.first_post_id}/edit",
    ]


@pytest.mark.parametrize("role", ROLES)
def test_private_places_are_404_for_those_who_may_not_read(client, auth, world, role):
    users, places = world
    if role != "guest":
        auth.login(users[role])
    for visibility, (board, thread) in places.items():
        for url in _urls(board, thread):
            response = client.get(url)
            if role in READERS[visibility]:
                assert response.status_code in (200, 302, 403), (role, url)
            else:
                assert response.status_code in (404, 302), (role, url)
                if response.status_code == 302:  # guests are sent to log in first
                    assert role == "guest" and "/login" in response.headers["Location"]
                assert MARKER.format(visibility) not in response.text


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
