"""Failed log-ins from strangers stop the strangers, not the owner (forum.auth.throttle)."""

import re

import pytest
from sqlalchemy import select

from forum.auth import services
from forum.extensions import db, limiter
from forum.models import User

from ..factories import PASSWORD, make_user
from ..mailbox import link_in, sent_mails

NEW_PASSWORD = "Blaue Wale singen nachts"
OWNER_IP = "192.0.2.1"


@pytest.fixture
def app_config(app_config):
    return {**app_config, "RATELIMIT_ENABLED": True}


@pytest.fixture
def anna(app):
    limiter.reset()
    return make_user("anna", email="anna@example.com")


def _try(client, password, ip, login="anna"):
    return client.post(
        "/login",
        data={"login": login, "password": password},
        environ_base={"REMOTE_ADDR": ip},
    )


def _strangers_exhaust_the_account_limit(app):
    """Five failures in a minute, each from another address (a botnet)."""
    for number in range(5):
        assert _try(app.test_client(), f"rate{number}", f"198.51.100.{number}").status_code == 200


def _owner_device(app):
    """The owner's browser: it logged in once and out again, keeping its device cookie."""
    browser = app.test_client()
    assert _try(browser, PASSWORD, OWNER_IP).status_code == 302
    browser.post("/logout")
    return browser


def test_strangers_failures_do_not_stop_the_owner_on_a_known_device(app, anna):
    browser = _owner_device(app)
    _strangers_exhaust_the_account_limit(app)
    assert _try(app.test_client(), PASSWORD, "203.0.113.9").status_code == 429
    assert _try(browser, PASSWORD, OWNER_IP).status_code == 302


def test_the_owners_typos_on_a_known_device_do_not_count_for_the_account(app, anna):
    browser = _owner_device(app)
    for _ in range(5):
        assert _try(browser, "vertippt", OWNER_IP).status_code == 200
    assert _try(browser, PASSWORD, OWNER_IP).status_code == 429  # this device waits
    assert _try(app.test_client(), PASSWORD, "203.0.113.9").status_code == 302


def _without_token(page: str) -> str:
    return re.sub(r'name="csrf_token"[^>]*>', "", page)


def test_a_new_device_is_sent_to_the_reset_link_without_trying_the_password(app, anna, monkeypatch):
    _strangers_exhaust_the_account_limit(app)
    tried = []
    monkeypatch.setattr(services, "password_matches", lambda user, password: tried.append(1))
    right = _try(app.test_client(), PASSWORD, OWNER_IP)
    wrong = _try(app.test_client(), "falsch", OWNER_IP)
    assert right.status_code == wrong.status_code == 429
    assert tried == []
    assert _without_token(right.text) == _without_token(wrong.text)  # nothing about the password
    assert "nach vielen fehlgeschlagenen Anmeldungen geschützt" in right.text
    assert 'href="/reset"' in right.text
    assert 'value="anna"' in right.text


def test_the_reset_link_logs_the_owner_in_and_makes_the_browser_a_known_device(app, anna):
    _strangers_exhaust_the_account_limit(app)
    browser = app.test_client()
    browser.post(
        "/reset", data={"email": "anna@example.com"}, environ_base={"REMOTE_ADDR": OWNER_IP}
    )
    link = link_in(sent_mails(app)[-1], "/reset/")
    response = browser.post(
        link,
        data={"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD},
        environ_base={"REMOTE_ADDR": OWNER_IP},
    )
    assert response.status_code == 302
    assert browser.get("/account/password").status_code == 200
    browser.post("/logout")
    assert _try(app.test_client(), NEW_PASSWORD, "203.0.113.9").status_code == 429  # still
    assert _try(browser, NEW_PASSWORD, OWNER_IP).status_code == 302


def test_guessing_without_a_device_cookie_is_no_faster_than_the_account_limit(
    app, anna, monkeypatch
):
    tried = []
    real = services.password_matches

    def counting(user, password):
        tried.append(password)
        return real(user, password)

    monkeypatch.setattr(services, "password_matches", counting)
    for number in range(30):
        _try(app.test_client(), f"rate{number}", f"198.51.100.{number}")
    assert len(tried) == 5  # RATELIMIT_LOGIN_PER_ACCOUNT: 5 a minute, as before


def test_one_address_is_stopped_on_one_account_and_on_many(app, anna):
    app.config["RATELIMIT_LOGIN_PER_IP"] = "8/minute"
    attacker = app.test_client()
    for _ in range(5):
        assert _try(attacker, "falsch", "203.0.113.7").status_code == 200
    stopped = _try(attacker, PASSWORD, "203.0.113.7")
    assert stopped.status_code == 429 and "Zu viele Versuche" in stopped.text
    for name in ("bert", "carla"):
        assert _try(attacker, "falsch", "203.0.113.7", login=name).status_code == 200
    assert _try(attacker, "falsch", "203.0.113.7", login="dora").status_code == 429  # per IP


def test_a_device_cookie_counts_only_for_its_own_account(app, anna):
    make_user("bert")
    browser = _owner_device(app)
    for number in range(5):
        _try(app.test_client(), f"rate{number}", f"198.51.100.{number}", login="bert")
    assert _try(browser, PASSWORD, OWNER_IP, login="bert").status_code == 429


@pytest.mark.parametrize("value", ["", "kaputt", "WzEsICJ4Il0.aaaa.bbbb"])
def test_a_forged_device_cookie_is_no_device(app, anna, value):
    browser = app.test_client()
    browser.set_cookie(f"device-{anna.id}", value, path="/login")
    _strangers_exhaust_the_account_limit(app)
    assert _try(browser, PASSWORD, OWNER_IP).status_code == 429


def test_the_owner_may_change_the_password_while_strangers_guess(app, anna):
    browser = _owner_device(app)
    assert _try(browser, PASSWORD, OWNER_IP).status_code == 302
    _strangers_exhaust_the_account_limit(app)
    response = browser.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "password": NEW_PASSWORD,
            "password_confirm": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert db.session.scalar(select(User).where(User.username == "anna")).check_password(
        NEW_PASSWORD
    )


def test_a_device_cookie_earned_with_an_old_password_buys_no_guesses(app, anna):
    """Someone who once logged in with a stolen password keeps no budget of their own
    after the owner changed it."""
    thief = _owner_device(app)
    owner = app.test_client()
    assert _try(owner, PASSWORD, OWNER_IP).status_code == 302
    response = owner.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "password": NEW_PASSWORD,
            "password_confirm": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    _strangers_exhaust_the_account_limit(app)
    assert _try(thief, NEW_PASSWORD, "203.0.113.66").status_code == 429
