"""The one seam between the forum and a search engine.

Views, boards, the command line and the admin pages call `backend()` and nothing
else; which engine answers is the setting SEARCH_BACKEND (FORUM_SEARCH_BACKEND):

* ``whoosh`` (default): an index on this machine's disk, fed from the outbox. One
  machine, no server to run.
* ``postgresql``: the index lives in PostgreSQL, written in the transaction of each
  change. Any number of app machines; nothing on local disk.

Both take the same analysed query tree (analysis.py) and the same access policy,
and return the same results.Outcome.
"""

from typing import Protocol

from flask import current_app
from sqlalchemy.engine import make_url

from ..models import Thread
from .results import Outcome, SearchOptions

BACKENDS = ("whoosh", "postgresql")


class SearchBackend(Protocol):
    name: str

    def search(self, user, options: SearchOptions, per_page: int) -> Outcome:
        """One page of results; raises results.SearchUnavailable when it cannot answer."""

    def similar_threads(self, user, title: str, limit: int = 5) -> list[Thread]:
        """Threads with a title like one being typed, solved ones first."""

    def changed(self, thread_ids, post_ids) -> None:
        """These threads' and posts' searchable text changed (or they are gone), in the
        current transaction: searchable once it commits (postgresql) or once the
        outbox task it records is applied (whoosh)."""

    def status(self) -> dict:
        """For /admin/search and the health page: state, threads, posts, bytes."""

    def request_rebuild(self) -> None:
        """Asks for a rebuild by the outbox (thread or worker); the caller commits."""

    def rebuild_pending(self) -> bool: ...

    def rebuild(self, procs: int = 1) -> dict | None:
        """Builds the whole index from the database (`flask forum reindex`): returns
        {"documents", "seconds", "where"}, or None when another rebuild runs."""

    def check_health(self) -> None:
        """For the worker's idle moments: repairs what it can without a request."""


def backend() -> SearchBackend:
    return current_app.extensions["search_backend"]


def choose(app) -> SearchBackend:
    """The configured backend; refuses to start with one the database cannot carry."""
    name = app.config["SEARCH_BACKEND"]
    if name not in BACKENDS:
        raise ValueError(f"SEARCH_BACKEND must be one of {', '.join(BACKENDS)}, not {name!r}")
    if name == "postgresql":
        database = make_url(app.config["SQLALCHEMY_DATABASE_URI"]).get_backend_name()
        if database != "postgresql":
            raise ValueError(
                "SEARCH_BACKEND=postgresql keeps the index in the database and needs "
                f"PostgreSQL, but SQLALCHEMY_DATABASE_URI is {database}; use whoosh there"
            )
        from .postgres.backend import PostgresBackend

        return PostgresBackend()
    from .whoosh_backend import WhooshBackend

    return WhooshBackend(app)
