"""Where the index lives on disk, and the one open searcher of each process.

The index directory holds generations (`gen-…`) and a symlink `current` to the one
in use. A rebuild fills a new generation and swaps the symlink atomically; open
searchers keep reading their generation until they notice the swap. Searchers are
reopened when the index changed (`up_to_date()`); `Searcher.refresh()` is never
used, because it keeps merged-away segments in every Whoosh fork.
"""

import fcntl
import json
import logging
import os
import pickle
import secrets
import shutil
import struct
import threading
import weakref
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from flask import current_app
from whoosh import index as whoosh_index
from whoosh.query import Term
from whoosh.reading import CorruptIndexError

from .schema import SCHEMA_VERSION, build_schema

VERSION_FILE = "schema-version"
# Which generation was found damaged, when and how: shared by every process on the
# machine, so that all of them answer 503 until the rebuild, not just the one that
# happened to read the damaged part.
DAMAGE_FILE = "damaged.json"
# What Whoosh raises on damaged files: a truncated segment gives EOFError at its first
# read (often only when searching or writing, not when opening); a damaged table of
# contents an unpickling error; damaged postings CorruptIndexError, struct or zlib
# errors; a vanished file OSError.
DAMAGE = (CorruptIndexError, EOFError, OSError, struct.error, pickle.UnpicklingError, zlib.error)
# Held by the one process on the machine that applies index tasks.
APPLIER_LOCK = "applier.lock"

log = logging.getLogger(__name__)


class IndexUnavailable(Exception):
    """No usable index: missing (never built) or corrupt. The forum works without it."""

    def __init__(self, state: str, detail: str = "") -> None:
        super().__init__(f"search index {state}: {detail}" if detail else f"search index {state}")
        self.state = state
        self.detail = detail


@dataclass
class SearcherCache:
    """Document-number sets for the access filter. They belong to one searcher and
    are dropped with it; building them once saves most of a query's time."""

    searcher: object
    _sets: dict = field(default_factory=dict)

    def docs(self, fieldname: str, value) -> set[int]:
        """Shared between searches: callers must not change the set."""
        key = (fieldname, value)
        if key not in self._sets:
            self._sets[key] = set(Term(fieldname, value).docs(self.searcher))
        return self._sets[key]

    def memo(self, key, build):
        if key not in self._sets:
            self._sets[key] = build()
        return self._sets[key]


class IndexStore:
    def __init__(self, root: Path, sync_reopen_documents: int = 100_000) -> None:
        self.root = Path(root)
        # An index of at most this many documents is reopened in the request that
        # notices a change (searches then see every change at once); a larger one in
        # the background (SEARCH_SYNC_REOPEN_DOCUMENTS).
        self.sync_reopen_documents = sync_reopen_documents
        self.current_link = self.root / "current"
        self._lock = threading.Lock()
        self._index = None
        self._searcher = None
        self._cache: SearcherCache | None = None
        self._generation: str | None = None
        self._reopening: threading.Thread | None = None
        self._applier_guard = threading.Lock()
        self._applier: tuple[int, int] | None = None  # (pid, descriptor holding the lock)
        # Called with each new searcher's cache before it serves (to build its filters).
        self.warm = None

    # Generations -------------------------------------------------------------

    def current_generation(self) -> str | None:
        try:
            return os.readlink(self.current_link)
        except FileNotFoundError:
            return None

    def open_index(self):
        generation = self.current_generation()
        if generation is None:
            raise IndexUnavailable("missing", "no index has been built yet")
        if (damage := self.damage()) is not None:
            raise IndexUnavailable("corrupt", damage["detail"])
        path = self.root / generation
        try:
            version = int((path / VERSION_FILE).read_text())
        except (OSError, ValueError):
            version = None
        if version != SCHEMA_VERSION:
            raise IndexUnavailable("outdated", f"built for schema {version}, not {SCHEMA_VERSION}")
        try:
            return generation, whoosh_index.open_dir(str(path))
        except Exception as error:  # open_dir fails in many ways on damaged files
            raise self.damaged(generation, error) from error

    # Damage ------------------------------------------------------------------

    def damaged(self, generation: str | None, error: BaseException) -> IndexUnavailable:
        """Records that `generation` is damaged (once, logged) and returns the error to
        raise. Searches answer 503 from now on; the indexer rebuilds."""
        detail = f"{type(error).__name__}: {error}"[:500]
        if generation is not None and self.damage() is None:
            self.root.mkdir(parents=True, exist_ok=True)
            record = {
                "generation": generation,
                "detected": datetime.now(UTC).isoformat(),
                "detail": detail,
            }
            temporary = self.root / f".damaged-{secrets.token_hex(4)}"
            temporary.write_text(json.dumps(record))
            os.replace(temporary, self.root / DAMAGE_FILE)
            log.error(
                "search index %s is damaged (%s); search answers 503 until it is rebuilt",
                generation,
                detail,
            )
        return IndexUnavailable("corrupt", detail)

    def damage(self) -> dict | None:
        """The damage recorded for the generation in use, if any (a record about an
        older generation is void: a rebuild replaced it)."""
        try:
            record = json.loads((self.root / DAMAGE_FILE).read_text())
        except (OSError, ValueError):
            return None
        if record.get("generation") != self.current_generation():
            return None
        record["detected"] = datetime.fromisoformat(record["detected"])
        return record

    def new_generation(self):
        """An empty index in a fresh directory, not yet in use."""
        self.root.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        name = f"gen-{stamp}-{secrets.token_hex(3)}"
        path = self.root / name
        path.mkdir()
        (path / VERSION_FILE).write_text(str(SCHEMA_VERSION))
        return name, whoosh_index.create_in(str(path), build_schema())

    def discard(self, generation: str) -> None:
        """Removes a generation that was never activated (a failed rebuild)."""
        shutil.rmtree(self.root / generation, ignore_errors=True)

    def activate(self, generation: str) -> None:
        """Points `current` at `generation` in one rename, then removes generations
        older than the previous one (a searcher may still read the previous one)."""
        previous = self.current_generation()
        temporary = self.root / f".current-{secrets.token_hex(4)}"
        os.symlink(generation, temporary)
        os.replace(temporary, self.current_link)
        (self.root / DAMAGE_FILE).unlink(missing_ok=True)
        keep = {generation, previous}
        for path in self.root.glob("gen-*"):
            if path.name not in keep:
                shutil.rmtree(path, ignore_errors=True)

    @contextmanager
    def rebuild_lock(self):
        """Only one rebuild at a time across processes; yields False if one runs."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / "rebuild.lock", "w") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def is_applier(self) -> bool:
        """Whether this process applies the index tasks: the first process to ask takes
        the lock and keeps it for its lifetime; the others leave the tasks to it. When
        it dies the kernel releases the lock, and the next process to ask takes over.
        (With gunicorn workers in `thread` drain mode, every worker drains the outbox;
        applying in all of them would only make them queue for Whoosh's write lock.)
        A lock inherited through a fork belongs to the parent, not to the child."""
        with self._applier_guard:
            if self._applier is not None and self._applier[0] == os.getpid():
                return True
            self.root.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(self.root / APPLIER_LOCK, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(descriptor)
                return False
            self._applier = (os.getpid(), descriptor)
            weakref.finalize(self, os.close, descriptor)
            return True

    def rebuilding(self) -> bool:
        """Whether some process holds the rebuild lock now."""
        with self.rebuild_lock() as acquired:
            return not acquired

    # Writing -----------------------------------------------------------------

    def writer(self, timeout: float):
        """A writer on the current generation, waiting up to `timeout` seconds for the
        lock (raises whoosh's LockError after that). Checked again after the wait: a
        writer on a generation that a rebuild replaced meanwhile would write into
        an index nobody reads."""
        for _ in range(3):
            generation, ix = self.open_index()
            try:
                writer = ix.writer(timeout=timeout, delay=0.05)
            except DAMAGE as error:
                raise self.damaged(generation, error) from error
            if self.current_generation() == generation:
                return writer
            writer.cancel()
        raise IndexUnavailable("busy", "the index was replaced repeatedly while waiting")

    # Searching ---------------------------------------------------------------

    @contextmanager
    def searching(self):
        """The process's searcher, reopened when the index changed. Searches in one
        process take turns: a shared Whoosh searcher is not known to be thread-safe.

        Opening a searcher on a large index takes long (about a second at a million
        posts), and every indexing commit changes the index. So on a large index,
        searches go on with the previous searcher (a consistent snapshot, seconds
        old) while a background thread opens and warms the new one.

        Which way is decided by the size of the index, not by how long the last
        open took: a timed decision flips with the machine's load, and with it
        whether a search sees the latest change (and what it costs)."""
        with self._lock:
            generation = self.current_generation()
            try:
                if self._searcher is None:
                    self._open()
                elif self._outdated():
                    if self._searcher.doc_count_all() <= self.sync_reopen_documents:
                        self._open()
                    else:
                        self._reopen_in_background()
                generation = self._generation
                yield self._cache
            except DAMAGE as error:
                # Damaged files show when they are read: opening, or any search.
                self._close()
                raise self.damaged(generation, error) from error

    def _outdated(self) -> bool:
        return self.current_generation() != self._generation or not self._searcher.up_to_date()

    def _prepared(self):
        """A new searcher on the current generation, warmed, not yet in use."""
        generation, index = self.open_index()
        cache = SearcherCache(index.searcher())
        if self.warm is not None:
            self.warm(cache)
        return generation, index, cache

    def _install(self, generation, index, cache) -> None:
        """Replaces the current searcher (the caller holds the lock)."""
        self._close()
        self._generation, self._index, self._cache = generation, index, cache
        self._searcher = cache.searcher

    def _open(self) -> None:
        self._install(*self._prepared())

    def _reopen_in_background(self) -> None:
        if self._reopening is not None and self._reopening.is_alive():
            return

        def reopen():
            try:
                prepared = self._prepared()
            except DAMAGE as error:
                self.damaged(self.current_generation(), error)
                return
            except Exception:
                log.exception("reopening the searcher failed; searches use the previous one")
                return
            with self._lock:
                self._install(*prepared)

        self._reopening = threading.Thread(target=reopen, name="searcher-reopen", daemon=True)
        self._reopening.start()

    def _close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = self._cache = self._index = self._generation = None

    def close(self) -> None:
        with self._lock:
            self._close()

    # Health --------------------------------------------------------------------

    def status(self) -> dict:
        """For the admin page: state (with when damage was detected), generation,
        documents, size on disk, and whether a rebuild is running."""
        rebuilding = self.rebuilding()
        try:
            generation, ix = self.open_index()
            with ix.searcher() as searcher:
                threads = len(list(Term("private", False).docs(searcher))) + len(
                    list(Term("private", True).docs(searcher))
                )
                documents = searcher.doc_count()
        except DAMAGE as error:
            problem = self.damaged(self.current_generation(), error)
            return {"state": problem.state, "detail": problem.detail, "rebuilding": rebuilding}
        except IndexUnavailable as problem:
            damage = self.damage() or {}
            return {
                "state": problem.state,
                "detail": problem.detail,
                "detected": damage.get("detected"),
                "rebuilding": rebuilding,
            }
        files = [path.stat() for path in (self.root / generation).iterdir()]
        return {
            "state": "ok",
            "rebuilding": rebuilding,
            "generation": generation,
            "threads": threads,
            "posts": documents - threads,
            "bytes": sum(stat.st_size for stat in files),
            # Every index commit writes files: the newest one tells when it last changed.
            "updated": datetime.fromtimestamp(max(stat.st_mtime for stat in files), UTC),
        }


def store() -> IndexStore:
    return current_app.extensions["search"]
