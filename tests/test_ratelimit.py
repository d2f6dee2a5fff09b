"""Rate limits on log-in, registration and posting: per IP and per account, with a
clear message and the typed text kept."""

import os

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
