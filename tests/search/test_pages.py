"""The search pages as people use them."""

import pytest

from forum.posts import services as posts
from forum.search.store import store
from tests.factories import make_thread

from .conftest import index_now


def search_page(client, **params) -> str:
    """The results page, after the indexer ran (data made by services directly,
    not through a request, waits in the outbox until then)."""
    index_now()
    return client.get("/search", query_string=params).text


def test_every_page_has_the_search_box(client, forum):
    for url in ("/", f"/b/{forum.board.slug}", f"/t/{forum.thread.id}-{forum.thread.slug}"):
        page = client.get(url).text
        assert 'role="search"' in page and 'action="/search"' in page


def test_results_show_title_snippet_board_and_markers(client, forum):
    answer = posts.reply(forum.staff, forum.thread, "Bitte den Router nach dem Gewitter tauschen.")
    from forum.support import services as support

    support.mark_solution(forum.author, forum.thread, answer)
    page = search_page(client, q="Gewitter")
    assert "1 Thema gefunden" in page
    assert "<mark>Gewitter</mark>" in page
    assert "DSL &amp; Festnetz" in page
    assert "Gelöst" in page and "Lösung vom Mitarbeiter" in page
    assert f"#p{answer.id}" in page  # the link goes to the matching post


def test_a_note_and_a_suggestion_are_shown(client, forum):
    page = search_page(client, q='"Gewiter')
    assert "Anführungszeichen" in page
    assert "Meinten Sie" in page and "gewitter" in page


def test_nothing_found_says_so_and_offers_to_ask(client, forum):
    page = search_page(client, q="Zebrastreifen")
    assert "Nichts gefunden" in page


def test_an_empty_search_shows_the_form_only(client, forum):
    answer = client.get("/search")
    assert answer.status_code == 200 and "search-hit" not in answer.text


def test_pagination_links_keep_the_filters(client, forum):
    for number in range(25):
        make_thread(forum.board, forum.author, f"Blättern {number}", "Blätterprobe")
    page = search_page(client, q="Blätterprobe", solved="", sort="newest")
    assert "page=2" in page and "sort=newest" in page


def test_the_new_thread_form_offers_similar_threads(client, auth, forum):
    index_now()
    auth.login(forum.member)
    form = client.get(f"/b/{forum.board.slug}/new").text
    assert 'data-similar-url="/search/similar"' in form
    similar = client.get("/search/similar", query_string={"title": "Router rot"}).json
    assert [t["title"] for t in similar["threads"]] == ["Router blinkt rot nach Gewitter"]
    assert client.get("/search/similar", query_string={"title": "ab"}).json == {"threads": []}
    preview = client.post(
        f"/b/{forum.board.slug}/new",
        data={"title": "Router blinkt rot", "body": "Was nun?", "preview": "1"},
    ).text
    assert "Vielleicht schon beantwortet" in preview and "nach Gewitter" in preview


@pytest.mark.parametrize(
    ("role", "expected"),
    [("guest", 404), ("member", 404), ("staff", 404), ("moderator", 404), ("admin", 200)],
)
def test_only_admins_see_the_index_status(client, auth, forum, role, expected):
    if role == "guest":
        assert client.get("/admin/search").status_code == 302  # log-in first
        return
    auth.login(getattr(forum, role))
    assert client.get("/admin/search").status_code == expected
    assert client.post("/admin/search/rebuild").status_code == (302 if role == "admin" else 404)


def test_the_status_page_compares_index_and_database(client, auth, forum):
    index_now()
    auth.login(forum.admin)
    page = client.get("/admin/search").text
    assert "Suchindex funktioniert" in page
    assert "1 von 1 in der Datenbank" in page


@pytest.mark.whoosh_only
def test_an_admin_rebuilds_the_index(client, auth, forum):
    index_now()
    before = store().current_generation()
    auth.login(forum.admin)
    response = client.post("/admin/search/rebuild", follow_redirects=True)
    assert "neu aufgebaut" in response.text
    assert store().current_generation() != before


def test_similar_threads_need_most_of_the_words(client, forum):
    make_thread(forum.board, forum.author, "Router Update fehlgeschlagen", "Was tun?")
    index_now()

    def similar(title):
        answer = client.get("/search/similar", query_string={"title": title}).json
        return [t["title"] for t in answer["threads"]]

    assert similar("Router Modem Telefon Kabel") == []  # one common word is not enough
    assert similar("Router Update klappt nicht") == ["Router Update fehlgeschlagen"]
