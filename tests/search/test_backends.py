"""The two search backends: chosen at start, the same results for the same forum,
and with PostgreSQL a write is searchable the moment it commits, on every machine."""

import os
import re

import pytest
from sqlalchemy import Text, cast, func, select

from forum import create_app
from forum.extensions import db
from forum.models import Guest, OutboxTask, Post
from forum.posts import services as posts
from forum.search import tasks
from forum.search.backend import backend
from forum.search.postgres.rows import PENDING
from forum.search.postgres.tables import search_posts, search_threads
from forum.search.results import SearchOptions
from forum.support import services as support
from tests.factories import make_thread, make_user

from .conftest import find, titles

ON_POSTGRESQL = pytest.mark.skipif(
    not os.environ.get("FORUM_TEST_DATABASE_URL", "").startswith("postgresql"),
    reason="needs PostgreSQL",
)


def _search_tasks() -> int:
    return db.session.scalar(
        select(func.count(OutboxTask.id)).where(OutboxTask.kind.like("search.%"))
    )


@pytest.mark.whoosh_only
def test_a_backend_the_database_cannot_carry_is_refused_at_start(tmp_path):
    config = {"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite'}"}
    with pytest.raises(ValueError, match="needs PostgreSQL"):
        create_app({**config, "SEARCH_BACKEND": "postgresql"})
    with pytest.raises(ValueError, match="must be one of"):
        create_app({**config, "SEARCH_BACKEND": "elasticsearch"})


@pytest.mark.postgresql_only
def test_a_post_is_found_on_another_machine_the_moment_it_commits(app_config, forum):
    other = create_app({**app_config, "OUTBOX_DRAIN": "worker"})  # no indexer anywhere
    thread_id = posts.reply(forum.member, forum.thread, "Zweitmaschinenprobe im Keller").thread_id
    assert _search_tasks() == 0
    with other.app_context():  # (rows of this app's session would load through the other's)
        outcome = backend().search(Guest(), SearchOptions(q="Zweitmaschinenprobe"), 20)
        assert [hit.thread.id for hit in outcome.page.items] == [thread_id]
        assert "<mark>Zweitmaschinenprobe</mark>" in str(outcome.page.items[0].snippet)
        db.session.remove()
        db.engine.dispose()


@pytest.mark.postgresql_only
def test_a_rolled_back_post_is_never_searchable(forum):
    post = Post(
        thread_id=forum.thread.id,
        author_id=forum.member.id,
        body_source="Rückrollprobe",
        body_html="<p>Rückrollprobe</p>",
    )
    db.session.add(post)
    db.session.flush()
    tasks.post_changed(post)
    db.session.rollback()
    assert PENDING not in db.session.info
    forum.thread.title = "Router blinkt rot nach Gewitter!"  # any later commit
    tasks.thread_changed(forum.thread)
    db.session.commit()
    assert find(None, "Rückrollprobe").total == 0
    assert find(None, "Gewitter").total == 1
    assert db.session.scalar(select(func.count()).select_from(search_posts)) == 1


@pytest.mark.postgresql_only
def test_hidden_and_restored_posts_leave_and_return_at_commit(forum):
    from forum.moderation import services as moderation

    reply = posts.reply(forum.member, forum.thread, "Versteckprobe hier")
    assert find(None, "Versteckprobe").total == 1
    moderation.hide_post(forum.moderator, reply, "Spam")
    assert find(None, "Versteckprobe").total == 0
    assert _search_tasks() == 0


@pytest.mark.postgresql_only
def test_counts_are_exact_up_to_the_bound_and_at_least_beyond(app, forum):
    asker = make_user("zaehlerin")
    titled = make_thread(forum.board, asker, "Grenzwort im Titel", "Kurz")
    for number in range(8):
        make_thread(forum.board, asker, f"Beitrag {number}", f"Grenzwort Nummer {number}")
    app.config["SEARCH_SCAN_BUDGET"] = 20
    exact = find(None, "Grenzwort")
    assert (exact.total, exact.count_is_lower_bound) == (9, False)
    app.config["SEARCH_SCAN_BUDGET"] = app.config["SEARCH_COUNT_LIMIT"] = 5
    bounded = find(None, "Grenzwort", per_page=4)
    assert (bounded.total, bounded.count_is_lower_bound) == (5, True)
    assert titles(bounded)[0] == titled.title  # the oldest, but its title matches
    assert bounded.page.pages == 2  # the 5 newest and the title match
    assert find(None, "Grenzwort", per_page=4, page=9).page.page == 2
    assert find(None, "Grenzwort", per_page=4) == bounded  # the same every time


@pytest.mark.postgresql_only
def test_the_parts_of_a_compound_stand_where_the_compound_stands(forum):
    make_thread(
        forum.board,
        forum.member,
        "Kündigungsbestätigung kam nie an",
        "Seit dem Glasfaseranschluss warte ich auf die Kündigungsbestätigung.",
    )
    for table in (search_threads, search_posts):
        documents = db.session.scalars(select(cast(table.c.document, Text))).all()
        positions = _positions(documents[-1])
        for whole, parts in [
            ("kundigungsbestat", ["~kundig", "~bestat"]),
            ("glasfaseranschluss", ["~glasfas", "~anschluss", "~glas", "~fas"]),
        ]:
            assert positions[whole]
            assert all(positions[part] == positions[whole] for part in parts), table.name


def _positions(document: str) -> dict[str, set[str]]:
    """tsvector text ("'lexeme':1A,7C …") -> the positions of each lexeme, weights aside."""
    return {
        lexeme: {re.sub(r"[A-D]$", "", at) for at in places.split(",")}
        for lexeme, places in re.findall(r"'((?:[^']|'')*)':(\S+)", document)
    }


@pytest.mark.postgresql_only
def test_nothing_typed_is_ever_syntax(forum):
    for q in ("O'Reilly", "a\\'b", "'zzq':* | !zzq", "zzq:*A & y", "<-> !", "\\"):
        assert find(None, q).total == 0, q


@pytest.mark.postgresql_only
def test_reindex_rewrites_every_row(runner, forum):
    db.session.execute(search_threads.delete())
    db.session.execute(search_posts.delete())
    db.session.commit()
    assert find(None, "Gewitter").total == 0
    result = runner.invoke(args=["forum", "reindex"])
    assert result.exit_code == 0 and "PostgreSQL" in result.output, result.output
    assert find(None, "Gewitter").total == 1


QUERIES = [
    "Router",
    "Gewitter",
    "Router rot",
    '"blinkt rot"',
    "Rout*",
    "Router -Gewitter",
    "Modem OR Router",
    "Splitter",
    "von:wechslerin",
    "Router -von:wechslerin",
]


def _answers(user) -> dict:
    """Hits, counts and the newest-first order; the order by relevance comes from two
    scoring functions (BM25F, ts_rank) and may differ where scores are close."""
    answers = {}
    for q in QUERIES:
        for sort in ("relevance", "newest"):
            found = backend().search(user, SearchOptions(q=q, sort=sort), 20)
            hits = titles(found) if sort == "newest" else sorted(titles(found))
            answers[q, sort] = (hits, found.total)
    answers["solved"] = titles(backend().search(user, SearchOptions(q="Router", solved=True), 20))
    answers["similar"] = [t.title for t in backend().similar_threads(user, "Router blinkt")]
    return answers


@ON_POSTGRESQL
@pytest.mark.whoosh_only
def test_switching_backends_and_reindexing_gives_the_same_results(app_config, runner, forum):
    author = make_user("wechslerin")
    thread = make_thread(forum.board, author, "Router startet neu", "Router startet ständig neu.")
    answer = posts.reply(forum.staff, thread, "Splitter tauschen, dann läuft der Router.")
    support.mark_solution(author, thread, answer)
    make_thread(forum.board, forum.member, "Modem piept", "Das Modem piept, Router auch.")
    assert runner.invoke(args=["forum", "reindex", "--procs", "1"]).exit_code == 0
    whoosh = _answers(forum.member)
    switched = create_app({**app_config, "SEARCH_BACKEND": "postgresql"})
    with switched.app_context():
        result = switched.test_cli_runner().invoke(args=["forum", "reindex"])
        assert result.exit_code == 0, result.output
        with switched.test_request_context():
            member = db.session.merge(forum.member)
            assert _answers(member) == whoosh
            # Written while PostgreSQL answered: Whoosh learns it from the reindex.
            posts.reply(member, db.session.merge(thread), "Nachzüglerprobe")
            latest = _answers(member)
            db.session.remove()
            db.engine.dispose()
    db.session.rollback()
    assert runner.invoke(args=["forum", "reindex", "--procs", "1"]).exit_code == 0
    assert find(forum.member, "Nachzüglerprobe").total == 1
    assert _answers(forum.member) == latest


def test_the_status_page_names_the_backend(client, auth, forum, search_backend):
    auth.login(forum.admin)
    find(None, "Router")
    page = client.get("/admin/search").text
    assert {"whoosh": "Whoosh", "postgresql": "PostgreSQL"}[search_backend] in page
    assert "1 von 1 in der Datenbank" in page
