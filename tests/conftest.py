"""Fixtures for every test: an app on a migrated database, clients, log-in helpers.

The database comes from FORUM_TEST_DATABASE_URL (PostgreSQL in CI) or is a
SQLite file in a temporary folder. The schema is built once per run through the
real migrations; every test starts from empty tables.
"""

import logging
import os
import uuid
from pathlib import Path

import pytest
from flask import g, has_app_context
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import create_engine, text

from forum import PROJECT_ROOT, create_app
from forum.extensions import db

from . import factories

TRANSLATIONS = PROJECT_ROOT / "forum" / "translations" / "de" / "LC_MESSAGES" / "messages.mo"


def _database_url(tmp_root: Path) -> str:
    return os.environ.get("FORUM_TEST_DATABASE_URL") or f"sqlite:///{tmp_root / 'test.sqlite'}"


def _reset_schema(url: str) -> None:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    if not TRANSLATIONS.exists():
        pytest.exit("The German catalog is not compiled: run `make translations` (make test does).")
    url = _database_url(tmp_path_factory.mktemp("db"))
    _reset_schema(url)
    app = create_app(_test_config(url))
    with app.app_context():
        upgrade(directory=str(PROJECT_ROOT / "migrations"))
        db.engine.dispose()
    return url


def _test_config(url: str) -> dict:
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        # Real scrypt with a smaller work factor: hundreds of accounts per run.
        "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
        # Side effects run at the end of each request, so tests see them at once.
        "OUTBOX_DRAIN": "inline",
    }


def _empty_tables() -> None:
    tables = [t.name for t in reversed(db.metadata.sorted_tables)]
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            db.session.execute(text(f"DELETE FROM {table}"))  # noqa: S608
    db.session.commit()


@pytest.fixture
def scratch_database_url(database_url, tmp_path):
    """An empty database of the same kind as the suite's, for walking through revisions."""
    if not database_url.startswith("postgresql"):
        yield f"sqlite:///{tmp_path / 'scratch.sqlite'}"
        return
    name = f"forum_scratch_{uuid.uuid4().hex[:12]}"
    admin = create_engine(
        database_url.replace("postgresql://", "postgresql+psycopg://", 1),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield database_url.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def _search_backends() -> list[str]:
    """Both search backends on PostgreSQL; Whoosh alone on SQLite."""
    url = os.environ.get("FORUM_TEST_DATABASE_URL") or ""
    return ["whoosh", "postgresql"] if url.startswith("postgresql") else ["whoosh"]


def pytest_generate_tests(metafunc):
    """The search tests (and tests marked `every_search_backend`) run once per
    search backend, unless marked `whoosh_only` (they test the index on disk) or
    `postgresql_only` (skipped on SQLite)."""
    if "search_backend" not in metafunc.fixturenames:
        return
    marks = {mark.name for mark in metafunc.definition.iter_markers()}
    in_search = metafunc.definition.path.parent.name == "search"
    if "postgresql_only" in marks:
        needs = pytest.mark.skipif(
            "postgresql" not in _search_backends(), reason="needs PostgreSQL"
        )
        metafunc.parametrize("search_backend", [pytest.param("postgresql", marks=needs)])
    elif (in_search or "every_search_backend" in marks) and "whoosh_only" not in marks:
        metafunc.parametrize("search_backend", _search_backends())


@pytest.fixture
def search_backend() -> str:
    """The search backend of the app; other tests use the default, Whoosh."""
    return "whoosh"


@pytest.fixture
def app_config(database_url, tmp_path, search_backend) -> dict:
    """Tests may change this before `app` is first used."""
    return {
        **_test_config(database_url),
        "SEARCH_BACKEND": search_backend,
        "SEARCH_INDEX_PATH": str(tmp_path / "search"),
        "MAIL_FOLDER": str(tmp_path / "mail"),
    }


class FreshRequestClient(FlaskClient):
    """Requests reuse the test's app context, and so its `g`; production starts each
    request with an empty `g` (no cached user, no cached locale), and so do we."""

    def open(self, *args, **kwargs):
        if has_app_context():
            for key in list(g):
                g.pop(key)
        return super().open(*args, **kwargs)


@pytest.fixture
def app(app_config):
    app = create_app(app_config)
    app.test_client_class = FreshRequestClient
    with app.app_context():
        _empty_tables()
        yield app
        if "outbox_drainer" in app.extensions:
            app.extensions["outbox_drainer"].stop()  # it must not drain later tests' tasks
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def ratelimit_log(caplog, monkeypatch):
    """caplog for forum.ratelimit. Running the migrations (once per test run) applies
    the logging set-up of alembic.ini, which disables every logger that existed then;
    in production, migrations run in a process of their own."""
    monkeypatch.setattr(logging.getLogger("forum.ratelimit"), "disabled", False)
    return caplog


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class AuthActions:
    def __init__(self, client):
        self.client = client

    def login(self, user, password=factories.PASSWORD, remember=False):
        response = self.client.post(
            "/login", data={"login": user.username, "password": password, "remember": remember}
        )
        assert response.status_code == 302, response.text
        return response

    def logout(self):
        return self.client.post("/logout")


@pytest.fixture
def auth(client):
    return AuthActions(client)


@pytest.fixture
def forum(app):
    """A small forum: one public support board with a thread, and one account per role."""
    return factories.small_forum()
