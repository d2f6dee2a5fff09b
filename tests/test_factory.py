import logging
import sys

import pytest

from forum import create_app
from forum.config import ConfigurationError, SecretKeyMissing, declared_workers


@pytest.fixture(autouse=True)
def single_process(monkeypatch):
    """Production apps here run as one process: their limits may count in memory."""
    monkeypatch.setenv("FORUM_RATELIMIT_STORAGE_URI", "memory://")
    for name in ("FORUM_REDIS_URL", "WEB_CONCURRENCY", "GUNICORN_CMD_ARGS"):
        monkeypatch.delenv(name, raising=False)


def test_testing_config_is_used_when_given(database_url):
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url})
    assert app.testing
    assert app.config["SECRET_KEY"]


def test_production_refuses_to_start_without_secret(monkeypatch):
    monkeypatch.delenv("FORUM_SECRET_KEY", raising=False)
    monkeypatch.delenv("FORUM_DEVELOPMENT", raising=False)
    with pytest.raises(SecretKeyMissing, match="FORUM_SECRET_KEY"):
        create_app()


def test_environment_variables_override_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("FORUM_SECRET_KEY", "s3cret-from-env")
    monkeypatch.setenv("FORUM_DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite'}")
    monkeypatch.setenv("FORUM_FORUM_TITLE", "Hilfe-Community")
    monkeypatch.setenv("FORUM_POSTS_PER_PAGE", "5")
    app = create_app()
    assert app.config["SECRET_KEY"] == "s3cret-from-env"
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("x.sqlite")
    assert app.config["FORUM_TITLE"] == "Hilfe-Community"
    assert app.config["POSTS_PER_PAGE"] == 5
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_postgres_urls_use_psycopg3(monkeypatch):
    monkeypatch.setenv("FORUM_SECRET_KEY", "x")
    monkeypatch.setenv("FORUM_DATABASE_URL", "postgres://forum@db.internal/forum")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://forum@db.internal/forum"


def test_development_generates_and_keeps_a_secret(monkeypatch, tmp_path):
    import forum

    monkeypatch.setattr(forum, "PROJECT_ROOT", tmp_path)
    monkeypatch.delenv("FORUM_SECRET_KEY", raising=False)
    monkeypatch.setenv("FORUM_DEVELOPMENT", "true")
    first = create_app().config["SECRET_KEY"]
    second = create_app().config["SECRET_KEY"]
    assert first == second and len(first) >= 32
    secret_file = tmp_path / "instance" / "secret_key"
    assert secret_file.read_text().strip() == first
    assert secret_file.stat().st_mode & 0o077 == 0


def test_redis_url_moves_rate_limits_to_redis_and_the_log_says_so(monkeypatch, ratelimit_log):
    monkeypatch.setenv("FORUM_SECRET_KEY", "x")
    monkeypatch.setenv("FORUM_REDIS_URL", "redis://:geheim@127.0.0.1:6379/0")
    with ratelimit_log.at_level(logging.INFO, logger="forum.ratelimit"):
        app = create_app()
    assert app.config["RATELIMIT_STORAGE_URI"] == "redis://:geheim@127.0.0.1:6379/0"
    assert "rate limits count in redis://:***@127.0.0.1:6379/0, shared" in ratelimit_log.text
    assert "geheim" not in ratelimit_log.text


def test_production_refuses_to_start_without_a_shared_rate_limit_store(monkeypatch):
    monkeypatch.setenv("FORUM_SECRET_KEY", "x")
    monkeypatch.delenv("FORUM_RATELIMIT_STORAGE_URI")
    with pytest.raises(ConfigurationError, match="FORUM_REDIS_URL"):
        create_app()


def test_a_single_process_may_count_in_memory_and_the_log_warns(monkeypatch, ratelimit_log):
    monkeypatch.setenv("FORUM_SECRET_KEY", "x")
    with ratelimit_log.at_level(logging.INFO, logger="forum.ratelimit"):
        app = create_app()
    assert app.config["RATELIMIT_STORAGE_URI"] == "memory://"
    warning = next(r for r in ratelimit_log.records if r.name == "forum.ratelimit")
    assert warning.levelno == logging.WARNING and "one single process" in warning.message


def test_several_gunicorn_workers_cannot_count_in_memory(monkeypatch):
    monkeypatch.setenv("FORUM_SECRET_KEY", "x")
    monkeypatch.setattr(sys, "argv", ["/srv/forum/.venv/bin/gunicorn", "-w", "4", "wsgi:app"])
    with pytest.raises(ConfigurationError, match="4 worker processes"):
        create_app()


@pytest.mark.parametrize(
    ("argv", "environ", "workers"),
    [
        (["gunicorn", "--workers", "4", "wsgi:app"], {}, 4),
        (["gunicorn", "--workers=3", "wsgi:app"], {}, 3),
        (["gunicorn", "-w2", "wsgi:app"], {}, 2),
        (["gunicorn", "wsgi:app"], {"GUNICORN_CMD_ARGS": "--bind 0:80 --workers 5"}, 5),
        (["gunicorn", "-w", "1", "wsgi:app"], {"GUNICORN_CMD_ARGS": "--workers 5"}, 1),
        (["gunicorn", "wsgi:app"], {"WEB_CONCURRENCY": "3"}, 3),
        (["gunicorn", "wsgi:app"], {}, 1),
        (["flask", "run", "-w", "4"], {}, 1),
        (["gunicorn", "--workers", "viele"], {}, 1),
    ],
)
def test_declared_workers(argv, environ, workers):
    assert declared_workers(argv, environ) == workers


def test_instance_config_file_is_read_and_environment_wins(monkeypatch, tmp_path):
    import forum

    monkeypatch.setattr(forum, "PROJECT_ROOT", tmp_path)
    (tmp_path / "instance").mkdir()
    (tmp_path / "instance" / "config.py").write_text(
        'SECRET_KEY = "from-file"\nFORUM_TITLE = "Datei-Forum"\nCOMPANY_NAME = "Datei AG"\n'
    )
    monkeypatch.setenv("FORUM_COMPANY_NAME", "Umgebung AG")
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-file"
    assert app.config["FORUM_TITLE"] == "Datei-Forum"
    assert app.config["COMPANY_NAME"] == "Umgebung AG"


def test_length_settings_cannot_exceed_the_columns(database_url):
    from forum.config import ConfigurationError

    with pytest.raises(ConfigurationError, match="TITLE_MAX_LENGTH"):
        create_app(
            {"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "TITLE_MAX_LENGTH": 500}
        )


def test_production_hashes_passwords_with_full_strength_scrypt():
    from forum.config import Defaults

    assert Defaults.PASSWORD_HASH_METHOD == "scrypt"
