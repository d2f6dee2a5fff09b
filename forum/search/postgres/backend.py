"""The PostgreSQL backend: shared by every app machine, current the moment a change
commits, GIN-indexed, with the same analysis as the Whoosh backend."""

import logging
import time

from sqlalchemy import func, select

from ... import outbox
from ...extensions import db
from ...models import Thread
from ..tasks import KINDS, POST_TASK, REBUILD_TASK, THREAD_TASK
from . import rows, search
from .tables import search_posts, search_threads, search_words

log = logging.getLogger(__name__)

REBUILD_BATCH = 500
# pg_try_advisory_lock key: one rebuild at a time, over all machines.
REBUILD_LOCK = 0x5EA4C4


class PostgresBackend:
    name = "postgresql"

    def search(self, user, options, per_page):
        return search.search(user, options, per_page)

    def similar_threads(self, user, title, limit=5):
        return search.similar_threads(user, title, limit)

    def changed(self, thread_ids, post_ids) -> None:
        rows.note(thread_ids, post_ids)

    def status(self) -> dict:
        tables = (search_threads, search_posts, search_words)
        size = sum(
            db.session.scalar(select(func.pg_total_relation_size(table.name))) for table in tables
        )
        return {
            "state": "ok",
            "backend": self.name,
            "threads": db.session.scalar(select(func.count()).select_from(search_threads)),
            "posts": db.session.scalar(select(func.count()).select_from(search_posts)),
            "bytes": size,
        }

    def request_rebuild(self) -> None:
        outbox.record(REBUILD_TASK, 0)

    def rebuild_pending(self) -> bool:
        return outbox.backlog([REBUILD_TASK])[0] > 0

    def rebuild(self, procs: int = 1) -> dict | None:
        """Rewrites every row from the database, a batch of threads per transaction;
        search keeps answering meanwhile (from the rows not yet rewritten)."""
        with db.engine.connect() as holder:
            if not holder.scalar(select(func.pg_try_advisory_lock(REBUILD_LOCK))):
                return None
            try:
                return _rebuild()
            finally:
                holder.scalar(select(func.pg_advisory_unlock(REBUILD_LOCK)))
                holder.commit()

    def run_batch(self) -> int:
        """Rebuild requests, and index tasks recorded before the switch to this backend
        (or by a migration): the rows of their threads and posts are rewritten."""
        requested = outbox.due([REBUILD_TASK], 100)
        if requested:
            if self.rebuild() is None:
                outbox.postpone(requested, "another rebuild was running")
                return 0
            outbox.finish(requested)
            return len(requested)
        tasks = outbox.due(KINDS, REBUILD_BATCH)
        if tasks:
            rows.write(
                {t.target_id for t in tasks if t.kind == THREAD_TASK},
                {t.target_id for t in tasks if t.kind == POST_TASK},
            )
            outbox.finish(tasks)  # commits the rows with it
        return len(tasks)

    def check_health(self) -> None:
        """Nothing to repair on disk: the rows are as healthy as the database."""


def _rebuild() -> dict:
    started = time.monotonic()
    # Tasks committed now are covered: each batch reads the database afterwards.
    covered = outbox.visible_task_ids([*KINDS, REBUILD_TASK])
    thread_ids = list(db.session.scalars(select(Thread.id).order_by(Thread.id)))
    db.session.commit()
    written = 0
    for start in range(0, len(thread_ids), REBUILD_BATCH):
        written += rows.write(thread_ids[start : start + REBUILD_BATCH], [], thread_posts=True)
        db.session.commit()
    outbox.forget(covered)
    seconds = time.monotonic() - started
    log.info("search rows rebuilt in PostgreSQL: %d documents in %.1f s", written, seconds)
    return {"documents": written, "seconds": seconds, "where": "PostgreSQL"}
