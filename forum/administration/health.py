"""How the running forum is doing, for the admins' health page: the outbox, the
search index, mail, storage and the installed version. Each figure comes with a
level ("ok", "warn", "error") so the page can say where to look.

Works on SQLite and PostgreSQL; anything that cannot be measured is None.
"""

import importlib.metadata
import os
import shutil
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util import CommandError
from flask import current_app
from sqlalchemy import case, func, inspect, select, text

from ..extensions import db
from ..models import OutboxTask, utcnow
from ..notifications import mail
from ..search.backend import backend
from ..search.documents import searchable_counts

DISTRIBUTION = "kundenforum"  # the name in pyproject.toml
OUTBOX_WARN_AFTER = timedelta(minutes=15)
OUTBOX_ERROR_AFTER = timedelta(hours=1)
DISK_FREE_WARN_SHARE = 0.10

OK, WARN, ERROR = "ok", "warn", "error"


def _worst(*levels: str) -> str:
    return max(levels, key=[OK, WARN, ERROR].index)


@dataclass
class Outbox:
    # Per kind: (kind, waiting, due now)
    kinds: list[tuple[str, int, int]]
    waiting: int
    # Since when the longest-due task waits (planned tasks, such as the daily digest,
    # and failed ones waiting for their next attempt are not due yet).
    due_since: object
    level: str

    @property
    def due_for(self) -> timedelta | None:
        return None if self.due_since is None else utcnow() - self.due_since


def outbox_status() -> Outbox:
    now = utcnow()
    due = OutboxTask.due_at <= now
    waiting_since = case(
        (OutboxTask.due_at > OutboxTask.created_at, OutboxTask.due_at),
        else_=OutboxTask.created_at,
    )
    rows = db.session.execute(
        select(
            OutboxTask.kind,
            func.count(OutboxTask.id),
            func.sum(case((due, 1), else_=0)),
            func.min(case((due, waiting_since))),
        )
        .group_by(OutboxTask.kind)
        .order_by(OutboxTask.kind)
    ).all()
    oldest = min((row[3] for row in rows if row[3] is not None), default=None)
    late = timedelta(0) if oldest is None else now - oldest
    level = ERROR if late > OUTBOX_ERROR_AFTER else WARN if late > OUTBOX_WARN_AFTER else OK
    return Outbox(
        kinds=[(kind, count, int(due_now or 0)) for kind, count, due_now, _ in rows],
        waiting=sum(row[1] for row in rows),
        due_since=oldest,
        level=level,
    )


@dataclass
class Mail:
    failing: int
    oldest_failing: object
    level: str


def mail_status() -> Mail:
    """Mails that failed at least once (`mail.failing()` lists them on /admin/mail)."""
    count, oldest = mail.failing_summary()
    return Mail(failing=count, oldest_failing=oldest, level=WARN if count else OK)


@dataclass
class Search:
    index: dict
    database_threads: int
    database_posts: int
    level: str
    # The index holds other numbers than the database although nothing waits to be indexed.
    differs: bool = False


def search_status(outbox: Outbox) -> Search:
    index = backend().status()
    counts = searchable_counts()
    if index["state"] != "ok":
        return Search(index, **counts, level=ERROR)
    pending = any(kind.startswith("search.") for kind, _waiting, _due in outbox.kinds)
    differs = (index["threads"], index["posts"]) != (
        counts["database_threads"],
        counts["database_posts"],
    )
    return Search(index, **counts, level=WARN if differs and not pending else OK, differs=differs)


@dataclass
class Storage:
    database_bytes: int | None
    disk_total: int | None
    disk_free: int | None
    index_bytes: int | None
    level: str = field(default=OK)


def database_bytes() -> int | None:
    engine = db.engine
    if engine.dialect.name == "postgresql":
        return db.session.scalar(text("SELECT pg_database_size(current_database())"))
    if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        path = Path(engine.url.database)
        return sum(
            candidate.stat().st_size
            for candidate in (path, Path(f"{path}-wal"))
            if candidate.exists()
        )
    return None


def folder_bytes(root: Path) -> int | None:
    if not root.is_dir():
        return None
    total = 0
    for folder, _dirs, names in os.walk(root):
        for name in names:
            try:
                total += (Path(folder) / name).lstat().st_size
            except FileNotFoundError:  # merged away by the indexer meanwhile
                continue
    return total


def storage_status(index: dict) -> Storage:
    try:
        disk = shutil.disk_usage(current_app.instance_path)
    except OSError:  # no instance folder (e.g. an installed package with its data elsewhere)
        disk = None
    storage = Storage(
        database_bytes=database_bytes(),
        disk_total=disk.total if disk else None,
        disk_free=disk.free if disk else None,
        # Whoosh: the whole folder, older generations included; PostgreSQL: its tables.
        index_bytes=folder_bytes(Path(current_app.config["SEARCH_INDEX_PATH"]))
        if index.get("backend") == "whoosh"
        else index.get("bytes"),
    )
    if disk and disk.free < disk.total * DISK_FREE_WARN_SHARE:
        storage.level = WARN
    return storage


@dataclass
class Version:
    version: str | None
    applied: list[str]
    expected: list[str]
    level: str


@cache
def _migration_heads(directory: str) -> tuple[str, ...]:
    """The newest migrations this code brings (read once per process)."""
    return tuple(sorted(ScriptDirectory(directory).get_heads()))


def version_status() -> Version:
    try:
        version = importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        version = None
    applied = []
    if inspect(db.engine).has_table("alembic_version"):
        applied = sorted(db.session.scalars(text("SELECT version_num FROM alembic_version")))
    try:
        expected = list(_migration_heads(current_app.extensions["migrate"].directory))
    except CommandError:  # no migrations folder next to an installed package
        expected = []
    level = ERROR if expected and applied != expected else OK
    return Version(version=version, applied=applied, expected=expected, level=level)


@dataclass
class Health:
    outbox: Outbox
    mail: Mail
    search: Search
    storage: Storage
    version: Version

    @property
    def level(self) -> str:
        return _worst(
            self.outbox.level,
            self.mail.level,
            self.search.level,
            self.storage.level,
            self.version.level,
        )


def check() -> Health:
    outbox = outbox_status()
    search = search_status(outbox)
    return Health(
        outbox=outbox,
        mail=mail_status(),
        search=search,
        storage=storage_status(search.index),
        version=version_status(),
    )
