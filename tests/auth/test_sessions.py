"""Log-in sessions live on the server: logging out ends them for every copy of the cookies."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from forum.auth import sessions
from forum.extensions import db
from forum.models import LoginSession, utcnow
from forum.moderation import users as moderation

from ..factories import PASSWORD, make_user

FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
    " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


def _log_in(client, remember=False, user_agent=FIREFOX):
    data = {"login": "anna", "password": PASSWORD}
    if remember:
        data["remember"] = "y"
    response = client.post("/login", data=data, headers={"User-Agent": user_agent})
    assert response.status_code == 302
    return response


def _logged_in(client) -> bool:
    return client.get("/account/profile").status_code == 200


def _with_cookie(app, name, value):
    copy = app.test_client()
    copy.set_cookie(name, value)
    return copy


@pytest.mark.parametrize("cookie", ["session", "remember_token"])
def test_a_cookie_copied_before_log_out_opens_nothing_afterwards(app, client, cookie):
    make_user("anna")
    _log_in(client, remember=True)
    copied = client.get_cookie(cookie).value
    assert _logged_in(_with_cookie(app, cookie, copied))  # the copy works while logged in
    client.post("/logout")
    assert not _logged_in(client)
    assert not _logged_in(_with_cookie(app, cookie, copied))


def test_the_database_keeps_only_a_hash_of_the_token(app, client):
    make_user("anna")
    _log_in(client, remember=True)
    row = db.session.scalar(select(LoginSession))
    cookie = client.get_cookie("remember_token").value
    token = cookie.split("|")[0]
    assert row.token_hash != token and token not in row.token_hash
    assert len(row.token_hash) == 64


def test_the_device_list_shows_each_log_in_and_logs_out_another(app, client):
    make_user("anna")
    phone = app.test_client()
    _log_in(phone, user_agent=IPHONE)
    _log_in(client)
    page = client.get("/account/password").text
    assert "Firefox · Windows" in page and "Safari · iPhone" in page
    assert page.count("dieses Gerät") == 1
    other = db.session.scalar(select(LoginSession).where(LoginSession.device.like("%iPhone")))
    response = client.post(f"/account/sessions/{other.id}/end")
    assert response.status_code == 302
    assert not _logged_in(phone)
    assert _logged_in(client)
    assert "iPhone" not in client.get("/account/password").text


def test_logging_out_this_device_from_the_list_logs_out(app, client):
    make_user("anna")
    _log_in(client)
    row = db.session.scalar(select(LoginSession))
    response = client.post(f"/account/sessions/{row.id}/end")
    assert response.status_code == 302 and response.location == "/"
    assert not _logged_in(client)
    assert db.session.scalar(select(func.count(LoginSession.id))) == 0


def test_nobody_ends_another_accounts_session(app, client):
    make_user("anna")
    other = make_user("berta")
    berta = app.test_client()
    berta.post("/login", data={"login": "berta", "password": PASSWORD})
    _log_in(client)
    row = db.session.scalar(select(LoginSession).where(LoginSession.user_id == other.id))
    client.post(f"/account/sessions/{row.id}/end")
    assert _logged_in(berta)


def _backdate(hours: float) -> None:
    for row in db.session.scalars(select(LoginSession)):
        row.last_seen_at = utcnow() - timedelta(hours=hours)
    db.session.commit()


def test_an_unused_session_ends_after_a_day_a_remembered_one_after_its_cookie(app, client):
    make_user("anna")
    _log_in(client)
    remembered = app.test_client()
    _log_in(remembered, remember=True)
    _backdate(25)
    assert not _logged_in(client)
    assert _logged_in(remembered)
    _backdate(24 * 31)
    assert not _logged_in(remembered)


def test_use_is_noted_every_few_minutes_not_on_every_request(app, client):
    make_user("anna")
    _log_in(client)
    row = db.session.scalar(select(LoginSession))
    first_seen = row.last_seen_at
    client.get("/account/profile")
    db.session.refresh(row)
    assert row.last_seen_at == first_seen
    _backdate(1)
    client.get("/account/profile")
    db.session.refresh(row)
    assert row.last_seen_at > utcnow() - timedelta(minutes=1)


def test_expired_sessions_are_swept(app, monkeypatch):
    anna = make_user("anna")
    sessions.issue(anna, remember=False, user_agent="")
    sessions.issue(anna, remember=True, user_agent="")
    _backdate(48)
    monkeypatch.setitem(sessions._last_sweep, "at", float("-inf"))
    assert sessions.sweep_expired() == 1
    assert sessions.sweep_expired() == 0  # not again within the hour
    assert db.session.scalar(select(LoginSession.remember)) is True


def test_a_ban_ends_every_session(app, client):
    anna = make_user("anna")
    _log_in(client, remember=True)
    moderation.ban(make_user("chefin", admin=True), anna, "Spam")
    assert db.session.scalar(select(func.count(LoginSession.id))) == 0


@pytest.mark.parametrize(
    ("user_agent", "device"),
    [
        (FIREFOX, "Firefox · Windows"),
        (IPHONE, "Safari · iPhone"),
        (
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
            " Chrome/126.0.0.0 Mobile Safari/537.36",
            "Chrome · Android",
        ),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            " Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
            "Edge · Windows",
        ),
        ("curl/8.5.0", ""),
        ("x" * 100_000, ""),
    ],
)
def test_the_device_is_named_by_browser_and_system(user_agent, device):
    assert sessions.describe_device(user_agent) == device
