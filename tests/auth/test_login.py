import pytest

from ..factories import PASSWORD, make_user


@pytest.mark.parametrize("login", ["anna", "ANNA", "anna@example.test", " Anna@Example.test "])
def test_login_with_username_or_email(client, app, login):
    make_user("anna")
    response = client.post("/login", data={"login": login, "password": PASSWORD})
    assert response.status_code == 302
    assert "anna" in client.get("/").text


def test_wrong_password_keeps_login_and_says_so(client, app):
    make_user("anna")
    response = client.post("/login", data={"login": "anna", "password": "falsch falsch"})
    assert response.status_code == 200
    assert "Passwort ist falsch" in response.text
    assert 'value="anna"' in response.text


def test_unknown_account_gets_the_same_answer(client, app):
    response = client.post("/login", data={"login": "niemand", "password": "egal egal egal"})
    assert "Passwort ist falsch" in response.text


def test_logout_needs_post_and_ends_session(client, app, auth):
    user = make_user("anna")
    auth.login(user)
    assert client.get("/logout").status_code == 405
    client.post("/logout")
    assert "/login" in client.get("/account/profile").headers["Location"]


def test_remember_me_sets_a_lasting_cookie(client, app):
    make_user("anna")
    client.post("/login", data={"login": "anna", "password": PASSWORD, "remember": "y"})
    assert client.get_cookie("remember_token") is not None


def test_without_remember_me_no_lasting_cookie(client, app):
    make_user("anna")
    client.post("/login", data={"login": "anna", "password": PASSWORD})
    assert client.get_cookie("remember_token") is None


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"],
)
def test_login_refuses_redirect_to_another_host(client, app, target):
    make_user("anna")
    response = client.post(f"/login?next={target}", data={"login": "anna", "password": PASSWORD})
    assert response.headers["Location"] == "/"


def test_login_follows_local_next(client, app):
    make_user("anna")
    response = client.post(
        "/login?next=/b/dsl-festnetz?page=2", data={"login": "anna", "password": PASSWORD}
    )
    assert response.headers["Location"] == "/b/dsl-festnetz?page=2"


def test_protected_page_sends_guest_to_login_with_next(client, app):
    response = client.get("/account/profile")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_remember_me_cookie_restores_the_session_later(client, app):
    make_user("anna")
    client.post("/login", data={"login": "anna", "password": PASSWORD, "remember": "y"})
    later = app.test_client()  # a new browser session: only the lasting cookie survives
    later.set_cookie("remember_token", client.get_cookie("remember_token").value)
    assert later.get("/account/profile").status_code == 200


def test_remember_me_cookie_dies_with_a_password_change(client, app, auth):
    user = make_user("anna")
    client.post("/login", data={"login": "anna", "password": PASSWORD, "remember": "y"})
    cookie = client.get_cookie("remember_token").value
    new = "Blaue Wale singen nachts"
    client.post(
        "/account/password",
        data={"current_password": PASSWORD, "password": new, "password_confirm": new},
    )
    stolen = app.test_client()
    stolen.set_cookie("remember_token", cookie)
    assert stolen.get("/account/profile").status_code == 302
    assert user.id


def test_banned_accounts_cannot_log_in_and_lose_their_session(client, app, auth):
    from forum.extensions import db
    from forum.models import utcnow

    user = make_user("anna")
    auth.login(user)
    user.banned_at = utcnow()
    db.session.commit()
    assert client.get("/account/profile").status_code == 302  # the session ended
    response = client.post("/login", data={"login": "anna", "password": PASSWORD})
    assert response.status_code == 403 and "gesperrt" in response.text
    wrong = client.post("/login", data={"login": "anna", "password": "falsch falsch"})
    assert "gesperrt" not in wrong.text  # only the right password learns about the ban
