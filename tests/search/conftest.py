"""Search test helpers: apply what the indexer would, then search as someone through
the backend interface. Every test here runs with each search backend (see
tests/conftest.py: both on PostgreSQL, Whoosh on SQLite)."""

import pytest

from forum.models import Guest
from forum.search.backend import backend
from forum.search.results import SearchOptions


def index_now() -> int:
    """What the background indexer does after a commit (the other consumers, such as
    notifications, are left alone): how many search tasks it applied. With the
    PostgreSQL backend there is nothing to apply: commits wrote the rows."""
    done = 0
    while count := backend().run_batch():
        done += count
    return done


def find(user, q="", per_page=20, **options):
    """Searches as `user` (None: a guest) after indexing what is pending."""
    index_now()
    return backend().search(user or Guest(), SearchOptions(q=q, **options), per_page)


def titles(outcome) -> list[str]:
    return [hit.thread.title for hit in outcome.page.items] if outcome.page else []


@pytest.fixture
def search_request(app):
    """Searching reads the locale (notes are translated), as in a request."""
    with app.test_request_context():
        yield
