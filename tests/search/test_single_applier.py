"""Several processes draining the outbox on one machine (gunicorn workers in `thread`
mode): exactly one of them applies the search tasks; when it dies, another takes over.
Real processes, a real lock: nothing here is simulated."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from forum import PROJECT_ROOT
from forum.extensions import db
from forum.models import OutboxTask
from forum.posts import services as posts
from forum.search import indexer
from forum.search.tasks import KINDS
from tests.factories import make_thread

from .conftest import find

# One applier per index directory; PostgreSQL rows are written by each transaction.
pytestmark = [pytest.mark.usefixtures("search_request"), pytest.mark.whoosh_only]

PROCESSES = 3

# What each web process's drainer thread does, in a loop; it notes how many search
# tasks it applied (in a file named after its pid) until it is told to stop.
DRAINER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from forum import create_app
    from forum.extensions import db
    from forum.search import indexer

    url, index, folder = sys.argv[1:]
    folder = Path(folder)
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url,
                      "SEARCH_INDEX_PATH": index, "OUTBOX_DRAIN": "thread"})
    applied = 0
    note = folder / str(os.getpid())
    with app.app_context():
        note.write_text("0")
        while not (folder / "stop").exists():
            done = indexer.run_batch()
            db.session.remove()
            if done:
                applied += done
                (folder / "new").write_text(str(applied))
                os.replace(folder / "new", note)
            time.sleep(0.02)
    """
)


def _pending() -> int:
    db.session.rollback()  # see the other processes' commits
    stmt = select(func.count(OutboxTask.id)).where(OutboxTask.kind.in_(KINDS))
    return db.session.scalar(stmt)


def _wait_for(condition, what: str, timeout: float = 120) -> None:
    """Waits for the other processes (bounded, so a broken lock fails instead of hanging)."""
    give_up = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < give_up, f"still waiting for {what}"
        time.sleep(0.05)


def _applied(folder: Path, pids) -> dict[int, int]:
    return {pid: int((folder / str(pid)).read_text() or 0) for pid in pids}


def _write(forum, word: str, count: int) -> None:
    for number in range(count):
        thread = make_thread(forum.board, forum.author, f"{word} {number}", f"{word}text")
        posts.reply(forum.member, thread, f"{word}antwort {number}")


def test_exactly_one_process_applies_search_tasks_and_another_takes_over(app, forum, tmp_path):
    indexer.rebuild()  # an index to write to (a rebuild does not make this process the applier)
    _write(forum, "Vorher", 10)
    folder = tmp_path / "drainers"
    folder.mkdir()
    processes = [
        subprocess.Popen(  # noqa: S603 (our own interpreter and script)
            [sys.executable, "-c", DRAINER, app.config["SQLALCHEMY_DATABASE_URI"],
             app.config["SEARCH_INDEX_PATH"], str(folder)],
            cwd=PROJECT_ROOT, stderr=subprocess.PIPE, text=True,
        )
        for _ in range(PROCESSES)
    ]  # fmt: skip
    pids = [process.pid for process in processes]
    try:
        _wait_for(lambda: all((folder / str(pid)).exists() for pid in pids), "the drainers")
        _wait_for(lambda: _pending() == 0, "the first tasks")
        first = _applied(folder, pids)
        appliers = [pid for pid, count in first.items() if count]
        assert len(appliers) == 1, first  # the others left the tasks alone
        assert sum(first.values()) >= 30  # every thread and post task (some twice)

        os.kill(appliers[0], signal.SIGKILL)
        processes[pids.index(appliers[0])].wait(timeout=30)
        _write(forum, "Danach", 5)
        _wait_for(lambda: _pending() == 0, "a new applier")
        second = _applied(folder, pids)
        survivors = {pid: second[pid] for pid in pids if pid != appliers[0]}
        assert sorted(survivors.values())[0] == 0 and sorted(survivors.values())[1] > 0, second
    finally:
        (folder / "stop").write_text("")
        for process in processes:
            if process.poll() is None:
                _, errors = process.communicate(timeout=60)
                assert process.returncode == 0, errors
            else:
                process.communicate()
    for word in ("Vorher", "Danach"):
        assert find(None, f"{word}text").total == (10 if word == "Vorher" else 5)
