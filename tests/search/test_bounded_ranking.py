"""A search scores a bounded number of matches in a bounded number of postings
steps, newest first, and never misses a thread whose title matches; beyond the
budget the count is a lower bound."""

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


def test_beyond_the_budget_the_count_is_a_lower_bound(many):
    outcome = find(None, "Budgetwort")
    assert outcome.count_is_lower_bound
    assert outcome.total == 10  # 41 threads match; 10 were seen (the title match among them)


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
    assert not outcome.count_is_lower_bound and outcome.total == 41


def test_counts_beyond_the_count_limit_are_a_lower_bound(app, many):
    app.config["SEARCH_SCAN_BUDGET"] = 1000
    app.config["SEARCH_COUNT_LIMIT"] = 30
    outcome = find(None, "Budgetwort", per_page=20)
    assert outcome.count_is_lower_bound and outcome.total == 30
    assert outcome.page.pages == 3  # every match was scored: all 41 can be paged to


def test_a_work_limit_also_ends_the_scan(app, many):
    """Where the postings run out of steps before the budget of matches, the scan
    ends there; the title match is still found."""
    app.config["SEARCH_SCAN_BUDGET"] = 1000
    app.config["SEARCH_SCAN_WORK"] = 3
    outcome = find(None, "Budgetwort")
    assert outcome.count_is_lower_bound
    assert titles(outcome)[0] == "Budgetwort im Titel"
    assert outcome.total == len(outcome.page.items) < 41


def test_a_sparse_intersection_is_bounded_by_work_not_matches(app, forum):
    """Two common words that meet in one old thread only: the intersection moves
    through many postings without a match, and the work limit ends it."""
    asker = make_user("selten")
    make_thread(forum.board, asker, "Alt", "Seltenpaar eins Seltenpaar zwei")
    for n in range(30):
        make_thread(forum.board, asker, f"Eins {n}", "Seltenpaar eins")
        make_thread(forum.board, asker, f"Zwei {n}", "Seltenpaar zwei")
    index_now()
    indexer.rebuild()
    app.config["SEARCH_SCAN_BUDGET"] = 1000
    assert titles(find(None, "eins zwei")) == ["Alt"]
    app.config["SEARCH_SCAN_WORK"] = 20
    cut = find(None, "eins zwei")
    assert titles(cut) == [] and cut.total == 0


def test_pages_reach_only_what_was_scored(many):
    outcome = find(None, "Budgetwort", per_page=4)
    assert outcome.page.pages == 3  # 10 scored within the budget (the title match among them)
    last = find(None, "Budgetwort", per_page=4, page=3)
    assert len(last.page.items) == 2
