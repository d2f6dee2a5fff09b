"""A damaged index (a truncated segment file) is noticed where it shows (a search, an
indexing batch), answered with 503 meanwhile, reported, and rebuilt by the indexer
without anyone's help; no post written before or during the outage is lost."""

import logging

import pytest

from forum.posts import services as posts
from forum.search import indexer
from forum.search.store import store
from tests.factories import make_thread

from .conftest import find, index_now

# A damaged index is a Whoosh index on disk; PostgreSQL's own storage repairs itself.
pytestmark = pytest.mark.whoosh_only


@pytest.fixture
def app_config(app_config):
    """Indexing as in production: only the worker (here: `index_now`) drains, so the
    outage lasts until it runs."""
    return {**app_config, "OUTBOX_DRAIN": "worker"}


@pytest.fixture
def written(forum):
    """Posts in the index, in one rebuilt segment."""
    threads = [
        make_thread(forum.board, forum.author, f"Stoerung {word}", f"Beschreibung {word}")
        for word in ("Alphaprobe", "Betaprobe", "Gammaprobe")
    ]
    index_now()
    indexer.rebuild()
    return threads


def _truncate_a_segment() -> None:
    """Cuts the largest segment file in half. The process's searcher is closed first
    (as after a restart): a memory-mapped file must not shrink under a reader."""
    store().close()
    generation = store().root / store().current_generation()
    segment = max(generation.glob("*.seg"), key=lambda path: path.stat().st_size)
    with segment.open("r+b") as handle:
        handle.truncate(segment.stat().st_size // 2)


def _search(client, q: str):
    return client.get("/search", query_string={"q": q})


# Whoosh leaves the damaged segment file open when it fails to read it.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_search_on_a_damaged_index_answers_503_until_the_indexer_rebuilt_it(
    client, auth, forum, written, caplog, monkeypatch
):
    # The migrations' logging set-up disabled the loggers that existed then.
    monkeypatch.setattr(logging.getLogger("forum.search.store"), "disabled", False)
    damaged = store().current_generation()
    _truncate_a_segment()
    posts.reply(forum.member, written[0], "Waehrendprobe im Ausfall geschrieben")
    with caplog.at_level(logging.ERROR, logger="forum.search"):
        for _ in range(2):  # every search, not only the one that noticed
            assert _search(client, "Alphaprobe").status_code == 503
    assert (
        client.get("/search/similar", query_string={"title": "Stoerung Betaprobe"}).status_code
        == 503
    )
    assert any("damaged" in record.getMessage() for record in caplog.records)
    # The rest of the forum works.
    assert client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").status_code == 200

    auth.login(forum.admin)
    status = client.get("/admin/search").text
    assert "EOFError" in status and "<time" in status  # what broke, and since when

    index_now()  # the indexer (worker or thread) runs
    assert store().current_generation() != damaged
    answer = _search(client, "Alphaprobe")
    assert answer.status_code == 200 and "<mark>Alphaprobe</mark>" in answer.text
    for word in ("Alphaprobe", "Betaprobe", "Gammaprobe", "Waehrendprobe"):
        assert find(None, word).total == 1, word
    assert "EOFError" not in client.get("/admin/search").text


# Whoosh leaves the damaged segment file open when it fails to read it.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_an_indexing_batch_on_a_damaged_index_leads_to_a_rebuild(forum, written):
    damaged = store().current_generation()
    _truncate_a_segment()
    posts.reply(forum.member, written[1], "Schreibprobe trifft den Schaden")
    make_thread(forum.board, forum.member, "Neue Deltaprobe", "Auch im Ausfall")
    assert index_now() > 0  # no search noticed anything: the batch does
    assert store().current_generation() != damaged
    assert store().damage() is None
    for word in ("Alphaprobe", "Betaprobe", "Gammaprobe", "Schreibprobe", "Deltaprobe"):
        assert find(None, word).total == 1, word
