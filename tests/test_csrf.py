"""CSRF protection is on for real here (other tests switch it off for brevity)."""

import re

import pytest
from flask import url_for

from forum.extensions import db

from .factories import PASSWORD, login_token

# Signed links from e-mails: mail programs post to them without a form (RFC 8058); the
# signature is the proof (tested in tests/notifications/test_mail.py).
SIGNED_LINKS = {"notifications.unsubscribe"}


def _post_urls(app, forum):
    """Every URL that accepts POST, with real ids filled in: new routes are covered too."""
    values = {
        "thread_id": forum.thread.id,
        "post_id": forum.thread.first_post_id,
        "user_id": forum.staff.id,
        "slug": forum.board.slug,
        "username": forum.member.username,
        "board_id": forum.board.id,
        "category_id": forum.board.category_id,
        "incident_id": 1,
        "token": "signed-link-token",
        "task_id": 1,
        "imitation_id": 1,
        "session_id": 1,
        "group_id": 1,
    }
    urls = []
    for rule in app.url_map.iter_rules():
        if "POST" in rule.methods and rule.endpoint not in SIGNED_LINKS:
            with app.test_request_context():
                urls.append(url_for(rule.endpoint, **{arg: values[arg] for arg in rule.arguments}))
    return urls


@pytest.fixture
def app_config(app_config):
    return {**app_config, "WTF_CSRF_ENABLED": True}


def test_every_state_change_needs_a_csrf_token(app, client, forum):
    with client.session_transaction() as session:
        session["_user_id"] = login_token(forum.admin)
        session["_fresh"] = True
    urls = _post_urls(app, forum)
    assert len(urls) >= 15
    for url in urls:
        response = client.post(
            url, data={"body": "x", "title": "xxxxxx", "post_id": "1", "language": "en"}
        )
        assert response.status_code == 400, url
        assert "Formular" in response.text, url
    db.session.refresh(forum.thread)
    assert forum.thread.post_count == 1 and forum.thread.solution_post_id is None


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
