"""Rate limits on log-in, registration and posting: per IP and per account, with a
clear message and the typed text kept."""

import logging
import os
import shutil
import socket
import subprocess
import time

import pytest
import redis

from forum.extensions import db, limiter

from .factories import PASSWORD, make_user


@pytest.fixture
def app_config(app_config):
    return {
        **app_config,
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_LOGIN_PER_IP": "50/minute",
        "RATELIMIT_LOGIN_PER_IP_ACCOUNT": "3/minute",
        "RATELIMIT_LOGIN_PER_ACCOUNT": "3/minute",
        "RATELIMIT_POST_PER_ACCOUNT": "2/minute",
        "RATELIMIT_POST_PER_IP": "100/minute",
        "RATELIMIT_REGISTER_PER_IP": "2/hour",
    }


@pytest.fixture(autouse=True)
def fresh_counters(app):
    limiter.reset()


def test_login_limit_per_address_and_account_counts_failures(client, app):
    make_user("anna")
    for _ in range(3):
        assert (
            client.post("/login", data={"login": "anna", "password": "falsch"}).status_code == 200
        )
    response = client.post("/login", data={"login": "anna", "password": PASSWORD})
    assert response.status_code == 429
    assert "Zu viele Versuche" in response.text
    assert 'value="anna"' in response.text
    # Another account from the same address is not affected.
    make_user("bert")
    assert client.post("/login", data={"login": "bert", "password": PASSWORD}).status_code == 302


def test_login_per_ip_limit(app):
    app.config["RATELIMIT_LOGIN_PER_IP"] = "2/minute"
    client = app.test_client()
    for name in ("a1", "a2"):
        client.post("/login", data={"login": name, "password": "x"})
    assert client.post("/login", data={"login": "a3", "password": "x"}).status_code == 429
    other_ip = app.test_client()
    response = other_ip.post(
        "/login", data={"login": "a3", "password": "x"}, environ_base={"REMOTE_ADDR": "10.9.8.7"}
    )
    assert response.status_code == 200


def test_registration_limit_per_ip(client, app):
    for number in range(2):
        client.post(
            "/register",
            data={
                "username": f"neu{number}",
                "email": f"neu{number}@example.org",
                "password": PASSWORD,
                "password_confirm": PASSWORD,
            },
        )
        client.post("/logout")
    response = client.post(
        "/register",
        data={
            "username": "neu9",
            "email": "neu9@example.org",
            "password": PASSWORD,
            "password_confirm": PASSWORD,
        },
    )
    assert response.status_code == 429
    assert 'value="neu9"' in response.text


def test_posting_limit_keeps_the_text(client, auth, forum):
    auth.login(forum.member)
    for number in range(2):
        response = client.post(
            f"/t/{forum.thread.id}/reply", data={"body": f"Nr {number}", "submit": "1"}
        )
        assert response.status_code == 302
    response = client.post(
        f"/t/{forum.thread.id}/reply", data={"body": "Mein wichtiger Text", "submit": "1"}
    )
    assert response.status_code == 429
    assert "Mein wichtiger Text" in response.text
    assert "Minute" in response.text
    db.session.refresh(forum.thread)
    assert forum.thread.post_count == 3


def test_preview_does_not_count_against_the_posting_limit(client, auth, forum):
    auth.login(forum.member)
    for _ in range(5):
        client.post(f"/t/{forum.thread.id}/reply", data={"body": "Entwurf", "preview": "1"})
    response = client.post(f"/t/{forum.thread.id}/reply", data={"body": "Fertig", "submit": "1"})
    assert response.status_code == 302


def _redis_available() -> bool:
    try:
        return redis.Redis.from_url("redis://127.0.0.1:6379/15").ping()
    except redis.RedisError:
        return False


class TestAcrossWorkers:
    """With REDIS_URL set, two app instances (two workers) share one limit."""

    @pytest.fixture
    def app_config(self, app_config):
        if not _redis_available():
            if os.environ.get("CI"):
                pytest.fail("Redis is not reachable on 127.0.0.1:6379 in CI")
            pytest.skip("Redis is not running on 127.0.0.1:6379")
        redis.Redis.from_url("redis://127.0.0.1:6379/15").flushdb()
        return {**app_config, "REDIS_URL": "redis://127.0.0.1:6379/15"}

    def test_limit_holds_across_two_app_instances(self, app, app_config):
        from forum import create_app

        make_user("anna")
        worker_a = app.test_client()
        second = create_app(app_config)
        worker_b = second.test_client()
        for client in (worker_a, worker_b, worker_a):
            client.post("/login", data={"login": "anna", "password": "falsch"})
        with second.app_context():
            response = worker_b.post("/login", data={"login": "anna", "password": PASSWORD})
            db.session.remove()
            db.engine.dispose()
        assert response.status_code == 429


def test_username_and_email_share_one_account_counter(client, app):
    make_user("anna")
    for login in ("anna", "anna@example.test", "ANNA"):
        client.post("/login", data={"login": login, "password": "falsch"})
    response = client.post("/login", data={"login": "anna@example.test", "password": PASSWORD})
    assert response.status_code == 429


def test_every_registration_attempt_counts(client, app):
    app.config["RATELIMIT_REGISTER_ATTEMPTS_PER_IP"] = "3/hour"
    for number in range(3):
        client.post("/register", data={"username": f"x{number}", "email": "kaputt"})
    response = client.post("/register", data={"username": "neu", "email": "neu@example.org"})
    assert response.status_code == 429
    assert "Zu viele Versuche" in response.text


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def own_redis():
    """A Redis server of this test's own, which the test may stop."""
    executable = shutil.which("redis-server")
    if not executable:
        if os.environ.get("CI"):
            pytest.fail("redis-server is not installed in CI")
        pytest.skip("redis-server is not installed")
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 (our own fixed command line)
        [executable, "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    for _ in range(100):
        try:
            redis.Redis.from_url(url).ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield server, url
    server.terminate()
    server.wait(timeout=10)


def _logins_work_while_the_store_is_down(client, ratelimit_log):
    with ratelimit_log.at_level(logging.ERROR, logger="forum.ratelimit"):
        for _ in range(5):
            response = client.post("/login", data={"login": "anna", "password": "falsch"})
            assert response.status_code == 200
        assert (
            client.post("/login", data={"login": "anna", "password": PASSWORD}).status_code == 302
        )
    assert "rate limit store unreachable" in ratelimit_log.text


def test_a_redis_outage_lets_people_in_and_is_logged(
    app_config, own_redis, ratelimit_log, monkeypatch
):
    from forum import create_app, ratelimit

    server, url = own_redis
    monkeypatch.setattr(
        ratelimit, "_store_failures", {"last": float("-inf"), "logged": float("-inf")}
    )
    app = create_app({**app_config, "REDIS_URL": url})
    with app.app_context():
        make_user("anna")
        client = app.test_client()
        for _ in range(3):
            client.post("/login", data={"login": "anna", "password": "falsch"})
        assert (
            client.post("/login", data={"login": "anna", "password": PASSWORD}).status_code == 429
        )
        server.terminate()
        server.wait(timeout=10)
        _logins_work_while_the_store_is_down(client, ratelimit_log)
        client.post("/logout")
        response = client.post(
            "/register", data={"username": "neu", "email": "neu@example.org", "password": "x"}
        )
        assert response.status_code == 200
        db.session.remove()
        db.engine.dispose()


def test_an_unreachable_redis_at_start_costs_the_limits_only(
    app, app_config, ratelimit_log, monkeypatch
):
    from forum import create_app, ratelimit

    monkeypatch.setattr(
        ratelimit, "_store_failures", {"last": float("-inf"), "logged": float("-inf")}
    )
    down = create_app({**app_config, "REDIS_URL": f"redis://127.0.0.1:{_free_port()}/0"})
    make_user("anna")
    with down.app_context():
        _logins_work_while_the_store_is_down(down.test_client(), ratelimit_log)
        # The store rests after a failure: the next requests do not wait for it.
        monkeypatch.setattr(type(limiter.limiter), "test", lambda *args: pytest.fail("asked"))
        assert ratelimit.wait_seconds("LOGIN_PER_IP", "192.0.2.1") == 0
        db.session.remove()
        db.engine.dispose()
