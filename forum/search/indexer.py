"""The one writer of the index: applies outbox tasks in batches, and rebuilds.

A batch takes the index's write lock first and only then reads its tasks and the
rows they name, so that the newest state of a row is always the last one
written. Tasks are deleted after the index commit: a crash in between replays
them, and replaying is harmless (documents are replaced by key).
"""

import logging
import time

from flask import current_app
from whoosh.index import LockError

from .. import outbox
from ..extensions import db
from .documents import all_documents, post_documents, thread_documents
from .schema import post_key, thread_key
from .store import DAMAGE, IndexUnavailable, store
from .tasks import KINDS, POST_TASK, REBUILD_TASK, THREAD_TASK

log = logging.getLogger(__name__)


def run_batch() -> int:
    """Applies up to SEARCH_BATCH_SIZE due tasks; returns how many (0: nothing to do,
    or the index is busy and the tasks wait for the next run). A missing or corrupt
    index, or an admin's request, is answered with a rebuild. Only the process that
    holds the applier lock applies tasks; in the others this does nothing."""
    config = current_app.config
    if not store().is_applier():
        return 0
    requested = outbox.due([REBUILD_TASK], 100)
    if requested:
        try:
            result = rebuild()
        except Exception as error:
            log.exception("rebuilding the search index failed; it is tried again later")
            db.session.rollback()
            outbox.postpone(requested, repr(error))
            return 0
        if result is None:
            outbox.postpone(requested, "another rebuild was running")
            return 0
        return len(requested)
    if not outbox.due(KINDS, 1):
        return 0
    try:
        writer = store().writer(timeout=config["SEARCH_WRITER_TIMEOUT"])
        writer_generation = store().current_generation()
    except LockError:
        log.info("search index busy; indexing continues on the next run")
        return 0
    except IndexUnavailable as problem:
        if problem.state == "busy":
            return 0
        return _rebuild_soon(problem)
    tasks = []
    try:
        tasks = outbox.due(KINDS, config["SEARCH_BATCH_SIZE"])
        post_ids = {t.target_id for t in tasks if t.kind == POST_TASK}
        thread_ids = {t.target_id for t in tasks if t.kind == THREAD_TASK}
        _apply(writer, thread_documents(thread_ids), post_documents(post_ids))
        writer.commit()
    except DAMAGE as error:
        # Replacing a document reads the old one, and a commit merges segments: this
        # is where a damaged index shows when nobody searches. The batch's tasks
        # stay; the rebuild reads the database after them, so it covers them.
        _cancel(writer)
        db.session.rollback()
        return _rebuild_soon(store().damaged(writer_generation, error))
    except Exception as error:
        # A batch that cannot be indexed must not block the ones after it.
        writer.cancel()
        log.exception("indexing a batch failed; it is retried later")
        db.session.rollback()
        outbox.postpone(tasks, repr(error))
        return len(tasks)
    except BaseException:
        writer.cancel()
        raise
    outbox.finish(tasks)
    return len(tasks)


def _rebuild_soon(problem: IndexUnavailable) -> int:
    """A missing or damaged index: a rebuild is asked for once, through the outbox, and
    runs in the next call. Should it fail (a full disk), it waits longer each time
    instead of running again on every drain."""
    if rebuild_pending():
        return 0
    log.error("%s; rebuilding it from the database", problem)
    request_rebuild()
    db.session.commit()
    return 1


def _cancel(writer) -> None:
    """Gives up a writer on a damaged index: cancelling may read it again and fail,
    and must not hide the damage; the lock goes with the writer's file handle."""
    try:
        writer.cancel()
    except Exception:
        log.warning("cancelling a writer on a damaged index failed", exc_info=True)


def check_index_health() -> None:
    """For the worker's idle moments: a missing or corrupt index is rebuilt even when
    nobody writes. (Web processes notice it when a search fails.)"""
    try:
        store().open_index()
    except IndexUnavailable as problem:
        log.error("%s; rebuilding it from the database", problem)
        rebuild()


def request_rebuild() -> None:
    """Asks the indexer (thread or worker) for a rebuild; the caller commits."""
    outbox.record(REBUILD_TASK, 0)


def rebuild_pending() -> bool:
    return outbox.backlog([REBUILD_TASK])[0] > 0


def _apply(writer, threads: dict, posts: dict) -> None:
    for thread_id, document in threads.items():
        if document is None:
            writer.delete_by_term("key", thread_key(thread_id))
            writer.delete_by_term("in_thread", str(thread_id))
        else:
            writer.update_document(**document)
    for post_id, document in posts.items():
        if document is None:
            writer.delete_by_term("key", post_key(post_id))
        else:
            writer.update_document(**document)


def rebuild(procs: int = 1) -> dict | None:
    """Builds a new generation from the database and swaps it in. While it runs the
    old index keeps answering searches, and its write lock is held so that index
    tasks wait in the outbox; they are applied to the new index afterwards.
    Returns None when another rebuild is already running."""
    index_store = store()
    with index_store.rebuild_lock() as acquired:
        if not acquired:
            return None
        started = time.monotonic()
        old_writer = _hold_current_index()
        # Tasks already committed now are covered by the build, which reads the
        # database afterwards. (Not "every id up to the highest": on PostgreSQL a
        # lower id may still be uncommitted, and its change unseen by the build.)
        covered = outbox.visible_task_ids([*KINDS, REBUILD_TASK])
        try:
            generation, ix = index_store.new_generation()
            try:
                count = _fill(ix, procs)
            except BaseException:
                index_store.discard(generation)
                raise
            index_store.activate(generation)
            outbox.forget(covered)
        finally:
            if old_writer is not None:
                old_writer.cancel()
        seconds = time.monotonic() - started
        log.info("search index rebuilt: %d documents in %.1f s (%s)", count, seconds, generation)
        return {"documents": count, "seconds": seconds, "generation": generation}


def _fill(ix, procs: int) -> int:
    writer = ix.writer(procs=procs, multisegment=procs > 1, limitmb=128)
    count = 0
    try:
        for document in all_documents():
            writer.add_document(**document)
            count += 1
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return count


def _hold_current_index():
    try:
        return store().writer(timeout=current_app.config["SEARCH_REBUILD_WAIT"])
    except IndexUnavailable:
        return None  # missing or damaged: nothing to hold
