"""A search scores a bounded number of matches, newest first, and never misses a
thread whose title matches; beyond the budget the count is an estimate."""

import pytest

from forum.search import indexer
from tests.factories import make_thread, make_user

from .conftest import find, index_now, titles

pytestmark = [pytest.mark.usefixtures("search_request"), pytest.mark.whoosh_only]


@pytest.fixture
def many(app, forum):
    asker = make_user("vielschreiber")
    threads = [
        make_thread(forum.board, asker, f"Beitrag {n}", f"Budgetwort Nummer {n}") for n in range(40)
    ]
    titled = make_thread(forum.board, asker, "Budgetwort im Titel", "Kurzer Text")
    index_now()
    indexer.rebuild()  # one large segment, newest threads first
    app.config["SEARCH_SCAN_BUDGET"] = 10
    return threads, titled


def test_beyond_the_budget_the_count_is_an_estimate(many):
    outcome = find(None, "Budgetwort")
    assert outcome.count_is_estimate
    assert 20 <= outcome.total <= 80  # 41 threads match; estimated from the share scanned


def test_a_title_match_is_always_found(many):
    _, titled = many
    assert titles(find(None, "Budgetwort"))[0] == titled.title


def test_the_newest_threads_are_scored_first(many):
    threads, _ = many
    found = set(titles(find(None, "Budgetwort", per_page=40)))
    newest = {t.title for t in threads[-9:]}
    oldest = {t.title for t in threads[:9]}
    assert newest <= found
    assert not oldest & found


def test_within_the_budget_counts_are_exact(app, many):
    app.config["SEARCH_SCAN_BUDGET"] = 1000
    outcome = find(None, "Budgetwort")
    assert not outcome.count_is_estimate and outcome.total == 41


def test_a_time_limit_also_ends_the_scan(app, many):
    app.config["SEARCH_SCAN_BUDGET"] = 1000
    app.config["SEARCH_SCAN_SECONDS"] = 1e-9
    outcome = find(None, "Budgetwort")
    assert outcome.count_is_estimate
    assert [hit.thread.title for hit in outcome.page.items] == ["Budgetwort im Titel"]
    assert outcome.total >= 1 and outcome.page.pages == 1


def test_pages_reach_only_what_was_scored(many):
    outcome = find(None, "Budgetwort", per_page=4)
    assert outcome.page.pages == 3  # 10 scored within the budget (the title match among them)
    last = find(None, "Budgetwort", per_page=4, page=3)
    assert len(last.page.items) == 2
