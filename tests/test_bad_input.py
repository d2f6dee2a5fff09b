"""Hostile or broken input gets a clear answer, never a 500, on SQLite and PostgreSQL."""

import pytest

from forum.extensions import db

from .factories import make_user


@pytest.mark.parametrize(
    "url",
    [
        "/p/2147483648",
        "/p/0",
        "/t/99999999999999999999-x",
        "/t/2147483648/reply",
        "/u/a%00b",
        "/b/a%00b",
    ],
)
def test_impossible_ids_and_nul_in_paths_are_404(client, forum, url):
    assert client.get(url).status_code == 404


def test_huge_quote_id_is_ignored(client, forum, auth):
    auth.login(forum.member)
    response = client.get(f"/t/{forum.thread.id}/reply?quote=99999999999999")
    assert response.status_code == 200


def test_nul_in_query_string_is_refused(client, forum):
    response = client.get("/b/dsl-festnetz?page=1%00")
    assert response.status_code == 400
    assert "kein gültiger Text" in response.text


def test_nul_in_registration_is_a_field_error_not_a_crash(client, app):
    response = client.post(
        "/register",
        data={
            "username": "ann\x00a",
            "email": "a\x00@example.org",
            "password": "x",
            "password_confirm": "x",
        },
    )
    assert response.status_code == 200
    assert 'id="username-error"' in response.text and 'id="email-error"' in response.text


def test_nul_in_login_is_a_field_error(client, app):
    response = client.post("/login", data={"login": "an\x00na", "password": "egal"})
    assert response.status_code == 200
    assert 'id="login-error"' in response.text


def test_oversized_request_is_refused_before_reading(client, forum, auth):
    auth.login(forum.member)
    response = client.post(
        f"/t/{forum.thread.id}/reply", data={"body": "x" * (2 * 1024 * 1024), "submit": "1"}
    )
    assert response.status_code == 413
    db.session.refresh(forum.thread)
    assert forum.thread.post_count == 1


def test_refused_post_shows_the_typed_text_again(client, forum, auth):
    auth.login(forum.member)
    forum.thread.is_locked = True
    db.session.commit()
    response = client.post(
        f"/t/{forum.thread.id}/reply", data={"body": "Mein langer Bericht", "submit": "1"}
    )
    assert response.status_code == 403
    assert "Mein langer Bericht</textarea>" in response.text
    assert "nicht gespeichert" in response.text


def test_profile_pages_beyond_the_end_are_404(client, app):
    make_user("anna")
    assert client.get("/u/anna").status_code == 200
    assert client.get("/u/anna?page=2").status_code == 404
