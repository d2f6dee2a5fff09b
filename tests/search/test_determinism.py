"""The same query on the same index gives the same answer, however busy the machine:
the scan is bounded by counted work, never by the clock."""

import pytest

from forum.posts import services as posts
from forum.search.backend import backend
from tests.cpu_load import saturated_cpu
from tests.factories import make_thread, make_user

from .conftest import find, index_now

pytestmark = pytest.mark.usefixtures("search_request")

RUNS = 20


def _answer(outcome) -> tuple:
    """Everything a reader sees of a result page."""
    return (
        outcome.count,
        outcome.count_is_lower_bound,
        outcome.page.pages,
        [
            (hit.thread.id, hit.post.id if hit.post else None, str(hit.snippet))
            for hit in outcome.page.items
        ],
    )


@pytest.fixture
def busy_forum(app, forum):
    """Many threads on common words, in a rebuilt segment and in fresh ones, with
    matches in titles, in bodies only and in replies."""
    asker = make_user("dauerfrager")
    for n in range(120):
        title = f"Router Frage {n}" if n % 7 == 0 else f"Frage {n}"
        thread = make_thread(forum.board, asker, title, f"Mein Router blinkt, Leitung {n} tot.")
        if n % 3 == 0:
            posts.reply(forum.member, thread, "Bei mir blinkt der Router auch, Leitung tot.")
    index_now()
    backend().rebuild()
    for n in range(15):
        make_thread(forum.board, asker, f"Neu {n}", "Router blinkt nach dem Umzug.")
    index_now()
    # Small enough that every search below stops early: by the match budget, or by the
    # steps through postings where the two words rarely meet.
    app.config["SEARCH_SCAN_BUDGET"] = app.config["SEARCH_COUNT_LIMIT"] = 25
    app.config["SEARCH_SCAN_WORK"] = 400


@pytest.mark.parametrize(
    "query",
    [
        {"q": "Router blinkt"},
        {"q": "Leitung tot", "sort": "newest"},
        {"q": "Router", "per_page": 10, "page": 2},
        {"q": "Router Umzug"},
    ],
)
def test_a_query_gives_the_same_answer_on_a_saturated_machine(busy_forum, query):
    quiet = _answer(find(None, **query))
    with saturated_cpu():
        loaded = [_answer(find(None, **query)) for _ in range(RUNS)]
    assert all(answer == quiet for answer in loaded)
    assert quiet[3]  # something was found


def test_the_scan_stopped_early_in_these_queries(busy_forum):
    """What the test above holds for includes searches cut short by the budget."""
    assert find(None, "Router blinkt").count_is_lower_bound
