"""A machine as busy as it gets: one spinning process per core, and one more, so
that tests can show that an answer does not depend on how busy the machine is."""

import multiprocessing
import os
from contextlib import contextmanager


def _spin(started, parent: int) -> None:
    """Busy until terminated, or until the test process is gone (killed by a timeout,
    say): an orphan must not spin on."""
    started.wait()
    while os.getppid() == parent:
        for _ in range(100_000):
            pass


@contextmanager
def saturated_cpu():
    """Every core busy while the block runs; the processes end with it. Spawned, not
    forked: a fork of a process with threads (the test's app) may deadlock."""
    context = multiprocessing.get_context("spawn")
    count = (os.cpu_count() or 1) + 1
    started = context.Barrier(count + 1)
    spinners = [
        context.Process(target=_spin, args=(started, os.getpid()), daemon=True)
        for _ in range(count)
    ]
    for spinner in spinners:
        spinner.start()
    try:
        started.wait(timeout=60)  # every spinner runs before the block starts
        yield count
    finally:
        for spinner in spinners:
            spinner.terminate()
        for spinner in spinners:
            spinner.join(timeout=10)
