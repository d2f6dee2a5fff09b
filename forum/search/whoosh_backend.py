"""The embedded default: a Whoosh index on this machine's disk (store.py), fed
from the outbox by the one indexer (indexer.py), searched by engine.py."""

import logging
from contextlib import contextmanager

from .. import outbox
from ..extensions import db
from . import engine, indexer
from .filtering import warm
from .results import SearchUnavailable
from .store import IndexStore, IndexUnavailable
from .tasks import POST_TASK, THREAD_TASK

log = logging.getLogger(__name__)


class WhooshBackend:
    name = "whoosh"

    def __init__(self, app) -> None:
        self.store = IndexStore(
            app.config["SEARCH_INDEX_PATH"], app.config["SEARCH_SYNC_REOPEN_DOCUMENTS"]
        )
        self.store.warm = warm
        app.extensions["search"] = self.store

    @contextmanager
    def _searching(self):
        """The process's searcher; an unusable index becomes SearchUnavailable."""
        try:
            with self.store.searching() as cache:
                yield cache
        except IndexUnavailable as problem:
            self._unavailable(problem)
            raise SearchUnavailable(str(problem)) from problem

    def search(self, user, options, per_page):
        with self._searching() as cache:
            return engine.search(cache, user, options, per_page)

    def similar_threads(self, user, title, limit=5):
        with self._searching() as cache:
            return engine.similar_threads(cache, user, title, limit)

    def _unavailable(self, problem: IndexUnavailable) -> None:
        """Logged, and a rebuild is asked for once; the forum goes on without search."""
        log.error("%s", problem)
        if not indexer.rebuild_pending():
            indexer.request_rebuild()
            db.session.commit()

    def changed(self, thread_ids, post_ids) -> None:
        for thread_id in thread_ids:
            outbox.record(THREAD_TASK, thread_id)
        for post_id in post_ids:
            outbox.record(POST_TASK, post_id)

    def status(self) -> dict:
        return {**self.store.status(), "backend": self.name}

    def request_rebuild(self) -> None:
        indexer.request_rebuild()

    def rebuild_pending(self) -> bool:
        return indexer.rebuild_pending()

    def rebuild(self, procs: int = 1) -> dict | None:
        result = indexer.rebuild(procs=procs)
        return result and {**result, "where": result["generation"]}

    def run_batch(self) -> int:
        return indexer.run_batch()

    def check_health(self) -> None:
        indexer.check_index_health()
