"""Search test helpers: drain the outbox like the indexer does, then search as someone."""

import pytest

from forum.models import Guest
from forum.search import engine, indexer
from forum.search.store import store


def index_now() -> int:
    """What the background indexer does after a commit (the other consumers, such as
    notifications, are left alone): how many search tasks it applied."""
    done = 0
    while count := indexer.run_batch():
        done += count
    return done


def find(user, q="", per_page=20, **options):
    """Searches as `user` (None: a guest) after indexing what is pending."""
    index_now()
    with store().searching() as cache:
        return engine.search(cache, user or Guest(), engine.SearchOptions(q=q, **options), per_page)


def titles(outcome) -> list[str]:
    return [hit.thread.title for hit in outcome.page.items] if outcome.page else []


@pytest.fixture
def search_request(app):
    """Searching reads the locale (notes are translated), as in a request."""
    with app.test_request_context():
        yield
