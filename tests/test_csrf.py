"""CSRF protection is on for real here (other tests switch it off for brevity)."""

import re

import pytest

from forum.extensions import db

from .factories import PASSWORD

STATE_CHANGING = [
    ("/register", {}),
    ("/login", {}),
    ("/logout", {}),
    ("/language", {"language": "en"}),
    ("/account/password", {}),
    ("/account/profile", {}),
    ("/b/dsl-festnetz/new", {}),
    ("/t/{thread}/reply", {}),
    ("/p/{post}/edit", {}),
]


@pytest.fixture
def app_config(app_config):
    return {**app_config, "WTF_CSRF_ENABLED": True}


@pytest.mark.parametrize(("path", "data"), STATE_CHANGING)
def test_every_state_change_needs_a_csrf_token(client, forum, path, data):
    with client.session_transaction() as session:
        session["_user_id"] = forum.author.get_id()
        session["_fresh"] = True
    url = path.format(thread=forum.thread.id, post=forum.thread.first_post_id)
    response = client.post(url, data={"body": "x", "title": "xxxxxx", **data})
    assert response.status_code == 400
    assert "Formular" in response.text  # a friendly, localised explanation
    db.session.refresh(forum.thread)
    assert forum.thread.post_count == 1


def test_csrf_token_accepted_when_present(client, forum):
    page = client.get("/login").text
    token = re.search(r'id="csrf_token" name="csrf_token" type="hidden" value="([^"]+)"', page)[1]
    response = client.post(
        "/login", data={"login": "autorin", "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302


def _token(client, url):
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', client.get(url).text)[1]


def test_invalid_utf8_is_refused_even_with_a_valid_token(client, forum, auth):
    token = _token(client, "/login")
    client.post("/login", data={"login": "mitglied", "password": PASSWORD, "csrf_token": token})
    url = f"/t/{forum.thread.id}/reply"
    token = _token(client, f"/t/{forum.thread.id}-{forum.thread.slug}")
    response = client.post(
        url,
        data=f"csrf_token={token}&body=%FF%FEabc&submit=1".encode(),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    db.session.refresh(forum.thread)
    assert forum.thread.post_count == 1


def test_csrf_failure_on_a_post_keeps_the_text(client, forum):
    token = _token(client, "/login")
    client.post("/login", data={"login": "mitglied", "password": PASSWORD, "csrf_token": token})
    response = client.post(
        f"/t/{forum.thread.id}/reply", data={"body": "Wichtiger Entwurf", "csrf_token": "alt"}
    )
    assert response.status_code == 400
    assert "Wichtiger Entwurf</textarea>" in response.text
