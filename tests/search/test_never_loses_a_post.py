"""Posts are saved whatever the index does, and every post becomes searchable:
after a crash, while the index is locked, missing, corrupt or being rebuilt,
and with several processes writing at once."""

import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import func, select
from whoosh.query import Term

from forum import PROJECT_ROOT, outbox
from forum.extensions import db
from forum.models import Guest, OutboxTask, Post
from forum.posts import services as posts
from forum.search import indexer
from forum.search.backend import backend
from forum.search.results import SearchOptions
from forum.search.store import store
from tests.factories import make_thread, make_user

from .conftest import find, index_now


@pytest.fixture
def app_config_drain(request, app_config):
    app_config["OUTBOX_DRAIN"] = request.param
    return request.param


def _pending() -> int:
    return db.session.scalar(
        select(func.count(OutboxTask.id)).where(OutboxTask.kind.like("search.%"))
    )


def _found_without_indexing(q: str) -> int:
    return backend().search(Guest(), SearchOptions(q=q), 20).total


def test_a_reply_through_the_browser_is_searchable_at_once(client, auth, forum):
    auth.login(forum.member)
    response = client.post(
        f"/t/{forum.thread.id}/reply", data={"body": "Der Netzfilter war schuld."}
    )
    assert response.status_code == 302
    assert _pending() == 0
    assert _found_without_indexing("Netzfilter") == 1


@pytest.mark.whoosh_only
def test_a_crash_after_the_commit_is_recovered_on_the_next_run(forum):
    index_now()
    posts.reply(forum.member, forum.thread, "Absturzprobe im Indexer")  # committed, not indexed
    assert _pending() == 2
    assert _found_without_indexing("Absturzprobe") == 0
    assert index_now() == 2  # the next run (any process) applies what was left
    assert _pending() == 0
    assert _found_without_indexing("Absturzprobe") == 1


@pytest.mark.whoosh_only
def test_a_locked_index_delays_indexing_but_never_fails_a_post(app, client, auth, forum):
    index_now()
    app.config["SEARCH_WRITER_TIMEOUT"] = 0.2
    auth.login(forum.member)
    holder = store().writer(timeout=1)  # another process is writing
    try:
        response = client.post(f"/t/{forum.thread.id}/reply", data={"body": "Sperrprobe hier"})
        assert response.status_code == 302
        saved = select(func.count(Post.id)).where(Post.body_source.contains("Sperrprobe"))
        assert db.session.scalar(saved) == 1
        assert _pending() == 2
    finally:
        holder.cancel()
    assert find(None, "Sperrprobe").total == 1
    assert _pending() == 0


def _break_index() -> None:
    path = store().root / store().current_generation()
    for toc in path.glob("_MAIN_*.toc"):
        toc.write_bytes(b"\x00 not an index")


# Whoosh leaves the damaged table of contents open when it fails to read it.
@pytest.mark.whoosh_only
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_corrupt_index_is_reported_and_rebuilt_while_the_forum_works(client, auth, forum):
    index_now()
    store().close()
    _break_index()
    answer = client.get("/search", query_string={"q": "Router"})
    assert answer.status_code == 503
    assert "Index" in answer.text or "index" in answer.text
    assert client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").status_code == 200
    auth.login(forum.member)
    assert (
        client.post(
            f"/t/{forum.thread.id}/reply", data={"body": "Trotzdem gespeichert"}
        ).status_code
        == 302
    )
    # That request's indexing run found the index broken and rebuilt it.
    assert find(None, "Trotzdem gespeichert").total == 1
    assert find(None, "Router").total == 1


@pytest.mark.whoosh_only
def test_an_index_of_an_older_schema_is_rebuilt(client, forum):
    index_now()
    old = store().current_generation()
    store().close()
    (store().root / old / "schema-version").write_text("0")
    assert client.get("/search", query_string={"q": "Router"}).status_code == 503
    assert client.get("/search", query_string={"q": "Router"}).status_code == 200
    assert store().current_generation() != old


@pytest.mark.whoosh_only
def test_a_missing_index_is_rebuilt_after_the_request_that_noticed(client, forum):
    index_now()
    store().close()
    store().current_link.unlink()
    answer = client.get("/search", query_string={"q": "Router"})
    assert answer.status_code == 503
    assert "Router blinkt" not in answer.text
    assert client.get("/search", query_string={"q": "Router"}).status_code == 200


@pytest.mark.whoosh_only
@pytest.mark.parametrize("app_config_drain", ["worker"], indirect=True)
def test_with_a_worker_a_missing_index_is_asked_for_once_and_rebuilt_there(
    app_config_drain, client, runner, forum
):
    store().current_link.unlink(missing_ok=True)
    for _ in range(2):
        assert client.get("/search", query_string={"q": "Router"}).status_code == 503
    assert _pending() == 1 + 2  # one rebuild request, and the forum fixture's post tasks
    assert runner.invoke(args=["forum", "worker", "--once"]).exit_code == 0
    assert _pending() == 0
    assert client.get("/search", query_string={"q": "Router"}).status_code == 200


@pytest.mark.whoosh_only
def test_search_keeps_answering_during_a_rebuild(forum):
    index_now()
    before = store().current_generation()
    with store().searching() as cache:
        old_searcher = cache.searcher
        posts.reply(forum.member, forum.thread, "Neubauprobe im Umbau")
        result = indexer.rebuild()
        # The searcher opened before the swap still answers from its generation.
        assert old_searcher.search(Term("title", "rout")).scored_length() == 1
    assert store().current_generation() == result["generation"]
    assert (store().root / before).exists()  # kept for searchers still reading it
    assert _pending() == 0  # the rebuild covered the reply's tasks
    assert _found_without_indexing("Neubauprobe") == 1


@pytest.mark.whoosh_only
def test_old_generations_are_removed(forum):
    generations = []
    for _ in range(3):
        generations.append(indexer.rebuild()["generation"])
    remaining = sorted(p.name for p in store().root.glob("gen-*"))
    assert remaining == sorted(generations[-2:])


def test_the_cli_reindexes_and_the_worker_drains(runner, forum):
    posts.reply(forum.member, forum.thread, "Arbeiterprobe")
    result = runner.invoke(args=["forum", "worker", "--once"])
    assert result.exit_code == 0, result.output
    assert _pending() == 0
    assert _found_without_indexing("Arbeiterprobe") == 1
    result = runner.invoke(args=["forum", "reindex", "--procs", "1"])
    assert result.exit_code == 0 and "Search index rebuilt" in result.output
    assert _found_without_indexing("Arbeiterprobe") == 1


POSTER = textwrap.dedent(
    """
    import sys
    from forum import create_app, outbox
    from forum.extensions import db
    from forum.models import Thread, User
    from forum.posts import services

    url, index, user_id, thread_id, name, count = sys.argv[1:]
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url,
                      "SEARCH_INDEX_PATH": index, "SEARCH_WRITER_TIMEOUT": 0.05})
    with app.app_context():
        for number in range(int(count)):
            user = db.session.get(User, int(user_id))
            thread = db.session.get(Thread, int(thread_id))
            services.reply(user, thread, f"Parallelpost {name}x{number}")
            outbox.drain()  # what each web process does after its request
    """
)


@pytest.mark.whoosh_only
def test_two_processes_posting_while_indexing_lose_nothing(app, forum):
    index_now()
    writers = [make_user(f"schreiber{n}") for n in range(2)]
    thread = make_thread(forum.board, writers[0], "Parallelthema", "Start")
    index_now()
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    processes = [
        subprocess.Popen(  # noqa: S603 (our own interpreter and script)
            [sys.executable, "-c", POSTER, url, app.config["SEARCH_INDEX_PATH"],
             str(w.id), str(thread.id), f"w{n}", "15"],
            cwd=PROJECT_ROOT, stderr=subprocess.PIPE, text=True,
        )
        for n, w in enumerate(writers)
    ]  # fmt: skip
    for process in processes:
        _, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors
    index_now()  # whatever a busy index left for later
    assert _pending() == 0
    for n in range(2):
        for number in range(15):
            assert _found_without_indexing(f'"Parallelpost w{n}x{number}"') == 1, (n, number)
    with store().searching() as cache:
        post_documents = len(list(Term("in_thread", str(thread.id)).docs(cache.searcher)))
    assert post_documents == 31


@pytest.mark.whoosh_only
@pytest.mark.parametrize("app_config_drain", ["thread"], indirect=True)
def test_in_the_embedded_default_a_background_thread_indexes(app_config_drain, client, auth, forum):
    """The reply returns at once; the web process's indexing thread follows."""
    import time

    auth.login(forum.member)
    assert (
        client.post(f"/t/{forum.thread.id}/reply", data={"body": "Hintergrundprobe"}).status_code
        == 302
    )
    deadline = time.monotonic() + 10
    while _pending() and time.monotonic() < deadline:
        time.sleep(0.05)
        db.session.rollback()  # see the thread's commits
    assert _pending() == 0
    assert _found_without_indexing("Hintergrundprobe") == 1


@pytest.mark.whoosh_only
def test_a_batch_that_fails_is_retried_later_without_blocking(forum, monkeypatch):
    from forum.search import indexer as search_indexer

    index_now()
    posts.reply(forum.member, forum.thread, "Fehlerprobe im Batch")

    def broken(thread_ids):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(search_indexer, "thread_documents", broken)
    assert index_now() == 2  # tried, failed, put back for later
    failed = db.session.scalars(select(OutboxTask).where(OutboxTask.kind.like("search.%"))).all()
    assert {task.attempts for task in failed} == {1}
    assert "disk on fire" in failed[0].last_error
    assert not outbox.due(["search.thread", "search.post"], 10)  # waiting for its retry
    monkeypatch.undo()
    for task in failed:
        task.due_at = task.created_at
    db.session.commit()
    assert index_now() == 2
    assert _found_without_indexing("Fehlerprobe") == 1


@pytest.mark.whoosh_only
def test_the_worker_rebuilds_a_missing_index_even_when_nobody_writes(forum):
    index_now()
    store().close()
    store().current_link.unlink()
    assert _pending() == 0
    indexer.check_index_health()  # what `flask forum worker` does when idle
    assert _found_without_indexing("Router") == 1


@pytest.mark.whoosh_only
def test_a_slow_searcher_is_reopened_in_the_background(forum, monkeypatch):
    """On a large index, searches go on with the previous snapshot while the new
    searcher opens; then they see the change."""
    import time

    index_now()
    assert _found_without_indexing("Router") == 1
    monkeypatch.setattr(store(), "sync_reopen_documents", 0)  # every index is large
    posts.reply(forum.member, forum.thread, "Schnappschussprobe")
    index_now()
    seen = _found_without_indexing("Schnappschussprobe")
    assert seen == 0  # answered at once from the previous snapshot
    deadline = time.monotonic() + 10
    while not seen and time.monotonic() < deadline:
        time.sleep(0.02)
        seen = _found_without_indexing("Schnappschussprobe")
    assert seen == 1
