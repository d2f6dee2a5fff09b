"""The health page: only admins reach it, and it shows the real figures of the outbox,
the search index, mail, storage and version, with a warning where one is due."""

import importlib.metadata
import os
import re
import shutil
from collections import namedtuple
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, text

from forum import outbox
from forum.administration import health
from forum.extensions import db
from forum.models import OutboxTask, utcnow
from forum.moderation import board_moderators
from forum.notifications import mail
from forum.search.store import store
from tests.factories import make_thread, make_user


@pytest.fixture
def admin(forum, auth):
    """Logged in, reading English. The first request of a process drains the outbox
    (and plans the daily digest), so what the tests add afterwards stays."""
    forum.admin.locale = "en"
    db.session.commit()
    auth.login(forum.admin)
    return forum.admin


def _section(page: str, name: str) -> str:
    return re.search(rf'aria-labelledby="{name}-heading">(.*?)</section>', page, re.S)[1]


def _light(page: str, name: str) -> str:
    section = _section(page, name)
    for label in ("OK", "Needs attention", "Problem"):
        if f"● {label}<" in section:
            return label
    raise AssertionError(f"no light in {name}")


@pytest.mark.parametrize(
    "role", ["guest", "member", "customer", "staff", "moderator", "board_moderator"]
)
def test_only_admins_see_the_health_page(client, auth, forum, role):
    if role == "board_moderator":
        keeper = make_user("bereichsmod")
        board_moderators.appoint(forum.admin, forum.board, keeper)
        auth.login(keeper)
    elif role != "guest":
        auth.login(getattr(forum, role))
    answer = client.get("/admin/health")
    assert answer.status_code == 404 and "outbox" not in answer.text


def test_a_healthy_forum_is_all_green(client, admin):
    page = client.get("/admin/health").text
    for section in ("outbox", "search", "mail", "storage", "version"):
        assert _light(page, section) == "OK", section
    assert 'href="/admin/health"' in client.get("/admin").text
    # The daily digest is planned for later: waiting, but not late.
    assert "mail.digest-run" in _section(page, "outbox")


def test_waiting_tasks_are_counted_per_kind_with_the_oldest_age(client, admin):
    long_ago = utcnow() - timedelta(minutes=20)
    for target in (1, 2, 3):
        db.session.add(
            OutboxTask(kind="search.post", target_id=target, created_at=long_ago, due_at=long_ago)
        )
    outbox.record("search.thread", 1)
    db.session.commit()
    page = client.get("/admin/health").text
    section = _section(page, "outbox")
    rows = dict(re.findall(r"<tr><td><code>([^<]+)</code></td><td>(\d+)</td>", section))
    assert rows["search.post"] == "3" and rows["search.thread"] == "1"
    assert "20 min" in section
    assert _light(page, "outbox") == "Needs attention"
    # Waiting for the indexer is no sign of a broken index.
    assert _light(page, "search") == "OK"


def test_tasks_waiting_for_over_an_hour_are_a_problem(client, admin):
    long_ago = utcnow() - timedelta(hours=3)
    db.session.add(
        OutboxTask(kind="search.post", target_id=1, created_at=long_ago, due_at=long_ago)
    )
    db.session.commit()
    page = client.get("/admin/health").text
    assert _light(page, "outbox") == "Problem"
    assert "Something does not work" in page


def test_failed_mails_are_shown_with_the_oldest(client, admin):
    created = utcnow() - timedelta(hours=2)
    db.session.add(
        OutboxTask(
            kind=mail.NOTIFICATION,
            target_id=1,
            attempts=3,
            last_error="SMTPRecipientsRefused",
            created_at=created,
            due_at=utcnow() + timedelta(minutes=30),  # the next attempt
        )
    )
    db.session.commit()
    page = client.get("/admin/health").text
    section = _section(page, "mail")
    assert re.search(r"Mails that failed</dt><dd>1 ", section)
    assert "oldest from" in section and 'href="/admin/mail"' in section
    assert _light(page, "mail") == "Needs attention"
    # Its next attempt is planned: the outbox is not late because of it.
    assert _light(page, "outbox") == "OK"


def test_an_index_missing_documents_asks_for_a_rebuild(client, admin, forum):
    make_thread(forum.board, forum.member, "Nie im Index angekommen", "Text")
    db.session.execute(delete(OutboxTask).where(OutboxTask.kind.like("search.%")))
    db.session.commit()
    page = client.get("/admin/health").text
    section = _section(page, "search")
    assert re.search(r"Threads in the index</dt><dd>1 of 2 in the database", section)
    assert "Posts in the index</dt><dd>1 of 2 in the database" in section
    assert _light(page, "search") == "Needs attention"
    assert 'href="/admin/search"' in section


def test_a_missing_index_is_a_problem(client, admin):
    store().close()
    shutil.rmtree(store().root)
    page = client.get("/admin/health").text
    assert _light(page, "search") == "Problem"
    assert "missing" in _section(page, "search")


def test_storage_figures_are_the_real_sizes(app, client, admin):
    figures = health.check().storage
    database = db.engine.url.database
    if db.engine.dialect.name == "sqlite":
        expected = sum(
            os.path.getsize(path) for path in (database, f"{database}-wal") if os.path.exists(path)
        )
        assert figures.database_bytes == expected
    else:
        size = db.session.scalar(text("SELECT pg_database_size(current_database())"))
        assert abs(figures.database_bytes - size) < 1 << 20  # the server may write meanwhile
    root = Path(app.config["SEARCH_INDEX_PATH"])
    on_disk = sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    assert figures.index_bytes == on_disk > 0
    assert figures.disk_total == shutil.disk_usage(app.instance_path).total
    assert "MB" in _section(client.get("/admin/health").text, "storage")


def test_an_almost_full_disk_needs_attention(client, admin, monkeypatch):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(
        health.shutil, "disk_usage", lambda path: usage(100 << 30, 96 << 30, 4 << 30)
    )
    page = client.get("/admin/health").text
    assert _light(page, "storage") == "Needs attention"
    assert "4 GB of 100 GB" in _section(page, "storage")


def test_version_and_migration_are_shown(client, admin, monkeypatch):
    applied = db.session.scalar(text("SELECT version_num FROM alembic_version"))
    page = client.get("/admin/health").text
    section = _section(page, "version")
    assert importlib.metadata.version("kundenforum") in section and applied in section
    monkeypatch.setattr(health, "_migration_heads", lambda directory: ("9999",))
    page = client.get("/admin/health").text
    assert _light(page, "version") == "Problem" and "flask db upgrade" in page
