"""Pages issue a constant number of SQL queries, whatever the size of the forum."""

import re
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from forum.demo import bulk
from forum.extensions import db

from .cpu_load import saturated_cpu
from .factories import make_board, make_thread, make_user


@contextmanager
def count_queries():
    statements = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if not re.match(r"\s*(PRAGMA|SAVEPOINT|RELEASE)", statement):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def _grow(board, authors, threads: int, replies: int):
    for number in range(threads):
        make_thread(
            board,
            authors[number % len(authors)],
            f"Thema {number:05d}",
            replies=replies,
            repliers=authors,
        )


@pytest.fixture
def sized_forum(app):
    # Stored settings are looked up once per SETTINGS_RELOAD_SECONDS, not per page:
    # growing the forum takes longer than that, and the look-up is no page's cost.
    app.config["SETTINGS_RELOAD_SECONDS"] = 3600
    # Likewise the incident banner, read once per INCIDENT_BANNER_SECONDS.
    app.config["INCIDENT_BANNER_SECONDS"] = 3600
    authors = [make_user(f"user{n}", staff=n % 3 == 0, customer=n % 2 == 0) for n in range(25)]
    board = make_board("Groß", slug="gross")
    return board, authors


def _queries_for(client, url):
    db.session.remove()  # each request starts with an empty session, as in production
    with count_queries() as statements:
        assert client.get(url).status_code == 200
    return len(statements)


def test_board_and_thread_pages_do_not_grow_with_the_forum(app, client, auth, sized_forum):
    """A thread page with 20 posts and a board page with 30 threads, at 100 and 10,000 posts."""
    board, authors = sized_forum
    app.config["THREADS_PER_PAGE"] = 30
    client.get("/")
    auth.login(authors[1])
    big_thread = make_thread(board, authors[0], "Großes Thema", replies=19, repliers=authors)
    _grow(board, authors, threads=29, replies=2)  # 107 posts
    thread_url = f"/t/{big_thread.id}-{big_thread.slug}"
    small = {
        "board": _queries_for(client, "/b/gross"),
        "thread": _queries_for(client, thread_url),
        "index": _queries_for(client, "/"),
        "profile": _queries_for(client, "/u/user0"),
    }
    board = db.session.merge(board)
    authors = [db.session.merge(author) for author in authors]
    _grow(board, authors, threads=30, replies=1)
    bulk.seed_bulk(posts=10_000, posts_per_thread=10, rng_seed=3)
    large = {
        "board": _queries_for(client, "/b/gross"),
        "thread": _queries_for(client, thread_url),
        "index": _queries_for(client, "/"),
        "profile": _queries_for(client, "/u/user0"),
    }
    assert small == large
    # Board and thread pages: one of the five reads the viewer's follow state.
    assert max(large.values()) <= 5, large


@pytest.mark.every_search_backend
def test_the_search_page_does_not_grow_with_its_results(app, client, auth, sized_forum):
    """Twenty results from 2 matching threads or from 200, with solutions by staff; on
    a saturated machine too (nothing a search page does depends on the clock)."""
    from forum import outbox
    from forum.posts import services as posts
    from forum.support import services as support

    board, authors = sized_forum
    client.get("/")
    auth.login(authors[1])

    def grow(count):
        here = db.session.merge(board)
        asker, staff = (db.session.merge(authors[n]) for n in (0, 3))
        for number in range(count):
            thread = make_thread(here, asker, f"Suchzähler {number}", "Suchzähler Text")
            answer = posts.reply(staff, thread, "Suchzähler Antwort")
            support.mark_solution(asker, thread, answer)
        outbox.drain()

    grow(2)
    small = _queries_for(client, "/search?q=Suchzähler")
    grow(198)
    large = _queries_for(client, "/search?q=Suchzähler")
    with saturated_cpu():
        loaded = [_queries_for(client, "/search?q=Suchzähler") for _ in range(3)]
    assert small == large
    assert loaded == [large] * 3
    # Session, synonyms, (count and page on PostgreSQL,) threads, best posts, posts,
    # their positions, boards for the filter.
    assert large <= 9, large
