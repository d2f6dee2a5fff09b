"""Side effects of writes (search index, mail) leave the request through the outbox.

A service records tasks with `record()` in the same transaction as its rows, so
that a task exists exactly when the write committed. Consumers apply tasks after
the commit and delete them only once their effect is durable: a crash replays a
batch, never loses one. Where the draining happens is a setting:

* ``thread`` (embedded default): a background thread of the web process, woken
  after each request that recorded tasks and every few seconds anyway (with several
  web processes, search tasks are applied by one of them only: it holds the index's
  applier lock, see forum/search/store.py);
* ``inline``: at the end of the request that recorded them (tests, scripts);
* ``worker``: only in `flask forum worker`, a separate process (production).
"""

import logging
import os
import threading
from collections.abc import Callable, Iterable
from datetime import timedelta

from flask import Flask, current_app, g, has_request_context
from sqlalchemy import delete, func, select, update

from .extensions import db
from .models import OutboxTask, utcnow

log = logging.getLogger(__name__)

DRAIN_MODES = ("thread", "inline", "worker")
MAX_BACKOFF = timedelta(hours=1)

# name -> function that applies one batch of due tasks and returns how many it did.
_consumers: dict[str, Callable[[], int]] = {}


def register(name: str, run_batch: Callable[[], int]) -> None:
    _consumers[name] = run_batch


def record(kind: str, target_id: int, actor_id: int | None = None, due_at=None) -> None:
    """Adds a task to the current transaction; it exists only if that transaction commits.
    `due_at` delays it (e.g. the daily digest)."""
    db.session.add(
        OutboxTask(kind=kind, target_id=target_id, actor_id=actor_id, due_at=due_at or utcnow())
    )
    if has_request_context():
        g.outbox_written = True


def make_due(task_id: int) -> None:
    """A waiting task (a mail after failures) is tried at once, after the commit."""
    db.session.execute(update(OutboxTask).where(OutboxTask.id == task_id).values(due_at=utcnow()))
    if has_request_context():
        g.outbox_written = True


def due(kinds: Iterable[str], limit: int) -> list:
    """Due tasks as plain rows (id, kind, target_id, actor_id, attempts), read afresh: ORM objects
    kept in the session from an earlier read could describe a task that another
    process has finished since."""
    return list(
        db.session.execute(
            select(
                OutboxTask.id,
                OutboxTask.kind,
                OutboxTask.target_id,
                OutboxTask.actor_id,
                OutboxTask.attempts,
                OutboxTask.due_at,
            )
            .where(OutboxTask.kind.in_(list(kinds)), OutboxTask.due_at <= utcnow())
            .order_by(OutboxTask.id)
            .limit(limit)
        )
    )


def claim(tasks: list, lease: timedelta = timedelta(minutes=5)) -> list:
    """The tasks this process may work on: each is taken by moving its due time past
    the lease, which succeeds only if no other drainer moved it since it was read.
    For consumers without a lock of their own (notifications, mail); should this
    process die, the task is due again once the lease is over."""
    until = utcnow() + lease
    mine = []
    for task in tasks:
        taken = db.session.execute(
            update(OutboxTask)
            .where(OutboxTask.id == task.id, OutboxTask.due_at == task.due_at)
            .values(due_at=until)
        )
        if taken.rowcount == 1:
            mine.append(task)
    db.session.commit()
    return mine


def finish(tasks: list) -> None:
    """The tasks' effects are durable: forget them (by id, so that tasks recorded in
    the meantime for the same target stay)."""
    db.session.execute(delete(OutboxTask).where(OutboxTask.id.in_([t.id for t in tasks])))
    db.session.commit()


def postpone(tasks: list, error: str) -> None:
    """Try again later, waiting twice as long after each failure (up to an hour)."""
    now = utcnow()
    for task in tasks:
        pause = min(timedelta(seconds=5 * 2**task.attempts), MAX_BACKOFF)
        db.session.execute(
            update(OutboxTask)
            .where(OutboxTask.id == task.id)
            .values(attempts=task.attempts + 1, due_at=now + pause, last_error=error[:2000])
        )
    db.session.commit()


def visible_task_ids(kinds: Iterable[str]) -> list[int]:
    """The ids of the tasks committed so far (in one statement, so one snapshot)."""
    ids = db.session.scalars(select(OutboxTask.id).where(OutboxTask.kind.in_(list(kinds))))
    ids = list(ids)
    db.session.commit()  # end the read: what follows must see newer commits
    return ids


def forget(task_ids: list[int], chunk: int = 1000) -> None:
    """Drops tasks made redundant, e.g. by a rebuild that read the newer state."""
    for start in range(0, len(task_ids), chunk):
        db.session.execute(
            delete(OutboxTask).where(OutboxTask.id.in_(task_ids[start : start + chunk]))
        )
    db.session.commit()


def backlog(kinds: Iterable[str] | None = None) -> tuple[int, object]:
    """How many tasks wait, and since when the oldest."""
    stmt = select(func.count(OutboxTask.id), func.min(OutboxTask.created_at))
    if kinds is not None:
        stmt = stmt.where(OutboxTask.kind.in_(list(kinds)))
    count, oldest = db.session.execute(stmt).one()
    return count, oldest


def drain(max_batches: int = 200) -> int:
    """Runs every consumer until it has nothing due. A failing consumer is logged and
    left for the next drain; it never stops the others."""
    done = 0
    for name, run_batch in list(_consumers.items()):
        for _ in range(max_batches):
            try:
                count = run_batch()
            except Exception:
                log.exception("outbox consumer %s failed; its tasks stay for the next run", name)
                db.session.rollback()
                break
            done += count
            if count == 0:
                break
    return done


class BackgroundDrainer:
    """One daemon thread per process, started on first use (so after a fork)."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._pid = None
        self._stopped = False

    def wake(self) -> None:
        with self._lock:
            if self._thread is None or self._pid != os.getpid() or not self._thread.is_alive():
                self._pid = os.getpid()
                self._thread = threading.Thread(
                    target=self._run, name="outbox-drainer", daemon=True
                )
                self._thread.start()
        self._wake.set()

    def stop(self) -> None:
        """Ends the thread after its current run (for tests and orderly shutdowns)."""
        self._stopped = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def _run(self) -> None:
        sweep = self.app.config["OUTBOX_SWEEP_SECONDS"]
        while not self._stopped:
            self._wake.wait(timeout=sweep)
            self._wake.clear()
            if self._stopped:
                return
            with self.app.app_context():
                try:
                    drain()
                except Exception:
                    log.exception("outbox drain failed")
                finally:
                    db.session.remove()


def init_app(app: Flask) -> None:
    mode = app.config["OUTBOX_DRAIN"]
    if mode not in DRAIN_MODES:
        raise ValueError(f"OUTBOX_DRAIN must be one of {', '.join(DRAIN_MODES)}")
    if mode == "worker":
        return
    drainer = BackgroundDrainer(app)
    app.extensions["outbox_drainer"] = drainer
    started = {"pid": None}

    @app.after_request
    def _drain_after_request(response):
        # The first request of a process also drains: it recovers tasks that a
        # crash left behind.
        first = started["pid"] != os.getpid()
        started["pid"] = os.getpid()
        if g.pop("outbox_written", False) or first:
            if current_app.config["OUTBOX_DRAIN"] == "inline":
                drain()
            else:
                drainer.wake()
        return response
