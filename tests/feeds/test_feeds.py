"""Atom feeds hold public content only, whoever fetches them.

A unique marker sits in every non-public place: a private case, a customers-only
board, a staff-only board, a hidden reply, a hidden thread, a deleted thread, a
thread and a reply waiting for approval. No marker may appear in any feed, for a
guest or for a logged-in admin, and the feeds of non-public boards and threads are 404.
"""

import pytest
from lxml import etree

from forum.extensions import db
from forum.models import Board, Thread, Visibility
from forum.moderation import services as moderation
from forum.moderation import trash
from forum.posts import services as posts

from ..factories import make_board, make_thread, make_user
from ..test_query_counts import count_queries

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://forum.example.test"
MARKERS = {
    "case": "MARKER-PRIVATFALL",
    "customers": "MARKER-KUNDENBEREICH",
    "staff_board": "MARKER-INTERNBEREICH",
    "hidden_post": "MARKER-VERSTECKTE-ANTWORT",
    "hidden_thread": "MARKER-VERSTECKTES-THEMA",
    "deleted": "MARKER-GELOESCHT",
    "held_thread": "MARKER-WARTENDES-THEMA",
    "held_post": "MARKER-WARTENDE-ANTWORT",
}


@pytest.fixture(autouse=True)
def public_address(app):
    app.config["PUBLIC_BASE_URL"] = BASE


@pytest.fixture
def world(forum):
    customers = make_board("Kundenbereich", slug="kunden", visibility=Visibility.CUSTOMERS)
    internal = make_board("Intern", slug="intern", visibility=Visibility.STAFF)
    newcomer = make_user("neuling")
    public_reply = posts.reply(forum.member, forum.thread, "Öffentliche Antwort")

    def thread(board, author, key, **kw):
        marker = MARKERS[key]
        return posts.create_thread(author, board, f"Titel {marker}", f"Text {marker}", **kw)

    places = {
        "case": thread(forum.board, forum.customer, "case", private=True),
        "customers": thread(customers, forum.customer, "customers"),
        "staff_board": thread(internal, forum.staff, "staff_board"),
        "hidden_thread": thread(forum.board, forum.member, "hidden_thread"),
        "deleted": thread(forum.board, forum.member, "deleted"),
    }
    places["held_thread"] = posts.create_thread(
        newcomer, forum.board, f"Titel {MARKERS['held_thread']}",
        f"Siehe https://example.com/angebot {MARKERS['held_thread']}",
    )  # fmt: skip
    assert places["held_thread"].is_pending
    hidden = posts.reply(forum.member, forum.thread, f"Antwort {MARKERS['hidden_post']}")
    moderation.hide_post(forum.moderator, hidden, "x")
    held = posts.reply(
        newcomer, forum.thread, f"Link https://example.com/angebot {MARKERS['held_post']}"
    )
    assert held.is_pending
    moderation.hide_thread(forum.moderator, places["hidden_thread"], "x")
    trash.delete_thread(forum.moderator, places["deleted"], "x")
    # Private content inside a private place, too.
    posts.reply(forum.staff, places["case"], f"Antwort {MARKERS['case']}")
    posts.reply(forum.customer, places["customers"], f"Antwort {MARKERS['customers']}")
    return places, public_reply


def _feed_urls(forum):
    return [
        "/feeds/threads.atom",
        f"/b/{forum.board.slug}/feed.atom",
        f"/t/{forum.thread.id}/feed.atom",
    ]


def _parse(response):
    """The answer as Atom: a feed with id, title and updated; entries with id, title,
    updated and an absolute link."""
    assert response.status_code == 200, response.text
    assert response.mimetype == "application/atom+xml"
    assert response.mimetype_params.get("charset", "").lower() == "utf-8"
    assert response.cache_control.public and response.cache_control.max_age == 300
    root = etree.fromstring(response.data)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert root.findtext(f"{ATOM}{name}"), name
    assert root.findtext(f"{ATOM}id").startswith(BASE + "/")
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert entry.findtext(f"{ATOM}{name}"), name
        assert entry.findtext(f"{ATOM}author/{ATOM}name")
        links = entry.findall(f"{ATOM}link")
        assert links and all(link.get("href").startswith(BASE + "/") for link in links)
    return root, entries


def test_every_feed_is_atom(client, forum):
    for url in _feed_urls(forum):
        _parse(client.get(url))


def test_the_thread_lists_hold_the_public_thread(client, forum):
    thread = forum.thread
    for url in _feed_urls(forum)[:2]:
        root, entries = _parse(client.get(url))
        assert "Kundenforum" in root.findtext(f"{ATOM}title")
        [entry] = entries
        assert entry.findtext(f"{ATOM}title") == thread.title
        assert entry.findtext(f"{ATOM}id") == f"{BASE}/t/{thread.id}"
        assert entry.find(f"{ATOM}link").get("href") == f"{BASE}/t/{thread.id}-{thread.slug}"
        assert entry.findtext(f"{ATOM}author/{ATOM}name") == forum.author.name
        assert entry.findtext(f"{ATOM}summary") == "Was tun?"


def test_the_thread_feed_holds_its_posts_with_permalinks(client, forum):
    reply = posts.reply(forum.member, forum.thread, "Neustart **hilft** oft.")
    root, entries = _parse(client.get(f"/t/{forum.thread.id}/feed.atom"))
    assert forum.thread.title in root.findtext(f"{ATOM}title")
    assert [entry.findtext(f"{ATOM}id") for entry in entries] == [
        f"{BASE}/p/{reply.id}",
        f"{BASE}/p/{forum.thread.first_post_id}",
    ]
    assert entries[0].find(f"{ATOM}link").get("href") == f"{BASE}/p/{reply.id}"
    assert entries[0].findtext(f"{ATOM}summary") == "Neustart hilft oft."
    assert entries[0].findtext(f"{ATOM}author/{ATOM}name") == forum.member.name


def test_excerpts_are_plain_text_and_short(client, forum):
    body = "Ein *Satz* mit **fett** und " + "langen Wörtern " * 80
    posts.reply(forum.member, forum.thread, body)
    make_thread(forum.board, forum.author, "Lange Frage", body)
    for url in _feed_urls(forum):
        _, entries = _parse(client.get(url))
        summary = entries[0].findtext(f"{ATOM}summary")
        assert summary.startswith("Ein Satz mit fett und langen")
        assert "<" not in summary and len(summary) <= 500 and summary.endswith("…")


def test_ids_and_links_do_not_depend_on_the_host(client, forum):
    response = client.get("/feeds/threads.atom", base_url="http://elsewhere.example")
    assert b"elsewhere" not in response.data
    assert f"{BASE}/t/{forum.thread.id}".encode() in response.data


def _assert_public_only(client, forum, places):
    texts = {}
    for url in _feed_urls(forum):
        response = client.get(url)
        _parse(response)
        texts[url] = response.get_data(as_text=True)
        found = [place for place, marker in MARKERS.items() if marker in texts[url]]
        assert not found, f"{url} shows {found}"
    site, board, thread = texts.values()
    assert forum.thread.title in site and forum.thread.title in board
    assert "Öffentliche Antwort" in thread
    for slug in ("kunden", "intern", "gibt-es-nicht"):
        assert client.get(f"/b/{slug}/feed.atom").status_code == 404
    for place in places.values():
        assert client.get(f"/t/{place.id}/feed.atom").status_code == 404, place.title
    assert client.get("/t/999999/feed.atom").status_code == 404


def test_no_private_content_in_any_feed(client, forum, world):
    places, _ = world
    _assert_public_only(client, forum, places)


def test_a_logged_in_admin_gets_the_same_public_feeds(client, auth, forum, world):
    places, _ = world
    guest_bodies = [client.get(url).data for url in _feed_urls(forum)]
    auth.login(forum.admin)
    assert client.get(f"/t/{places['case'].id}-{places['case'].slug}").status_code == 200
    _assert_public_only(client, forum, places)
    for url, guest_body in zip(_feed_urls(forum), guest_bodies, strict=True):
        response = client.get(url)
        assert response.data == guest_body
        assert "Set-Cookie" not in response.headers  # a shared cache keeps no session


def test_feeds_issue_a_fixed_number_of_queries(client, forum):
    def queries(url):
        client.get(url)  # a first request also drains the outbox: not the feed's queries
        db.session.remove()
        with count_queries() as statements:
            assert client.get(url).status_code == 200
        return len(statements)

    urls = _feed_urls(forum)
    board_id, thread_id = forum.board.id, forum.thread.id
    before = [queries(url) for url in urls]
    board, thread = db.session.get(Board, board_id), db.session.get(Thread, thread_id)
    for number in range(8):
        make_thread(board, make_user(), f"Noch eine Frage {number}", replies=1)
        posts.reply(make_user(), thread, f"Antwort {number}")
    assert [queries(url) for url in urls] == before
