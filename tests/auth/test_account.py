from forum.extensions import db

from ..factories import PASSWORD, make_user

NEW_PASSWORD = "Blaue Wale singen nachts"


def test_change_password_needs_current_password(client, app, auth):
    user = make_user("anna")
    auth.login(user)
    response = client.post(
        "/account/password",
        data={
            "current_password": "falsch",
            "password": NEW_PASSWORD,
            "password_confirm": NEW_PASSWORD,
        },
    )
    assert "aktuelle Passwort ist falsch" in response.text
    db.session.refresh(user)
    assert user.check_password(PASSWORD)


def test_change_password_ends_other_sessions_but_keeps_this_one(app, auth, client):
    user = make_user("anna")
    other_device = app.test_client()
    other_device.post("/login", data={"login": "anna", "password": PASSWORD})
    auth.login(user)
    response = client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "password": NEW_PASSWORD,
            "password_confirm": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert client.get("/account/profile").status_code == 200
    assert other_device.get("/account/profile").status_code == 302
    db.session.refresh(user)
    assert user.check_password(NEW_PASSWORD)


def test_weak_new_password_is_refused(client, app, auth):
    auth.login(make_user("anna"))
    response = client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "password": "anna12345",
            "password_confirm": "anna12345",
        },
    )
    assert 'id="password-error"' in response.text


def test_edit_profile_shows_on_public_profile(client, app, auth):
    user = make_user("anna")
    auth.login(user)
    response = client.post(
        "/account/profile",
        data={"display_name": "Anna Schmidt", "bio": "Glasfaser seit 2024.", "locale": "de"},
    )
    assert response.status_code == 302
    page = client.get("/u/anna").text
    assert "Anna Schmidt" in page and "Glasfaser seit 2024." in page


def test_profile_bio_is_escaped(client, app, auth):
    auth.login(make_user("anna"))
    client.post(
        "/account/profile",
        data={"display_name": "", "bio": "<script>alert(1)</script>", "locale": "de"},
    )
    page = client.get("/u/anna").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_too_long_bio_is_refused_and_kept(client, app, auth):
    auth.login(make_user("anna"))
    response = client.post(
        "/account/profile", data={"display_name": "", "bio": "x" * 501, "locale": "de"}
    )
    assert 'id="bio-error"' in response.text
    assert "x" * 501 in response.text


def test_unknown_profile_is_404(client, app):
    assert client.get("/u/niemand").status_code == 404


def test_profile_names_moderators_and_admins_but_not_customers(client, app):
    make_user("mod", moderator=True)
    make_user("kundin", customer=True)
    assert "Moderator</span>" in client.get("/u/mod").text
    page = client.get("/u/kundin").text
    assert "tag--role" not in page and "Kunde" not in page.split("<main")[1].split("</h1>")[0]


def test_a_suspended_account_keeps_its_public_profile_but_may_change_language(client, auth):
    from datetime import timedelta

    from forum.models import utcnow

    user = make_user("anna", display_name="Anna")
    auth.login(user)
    user.suspended_until = utcnow() + timedelta(days=3)
    user.suspension_reason = "Beleidigung"
    db.session.commit()
    response = client.post(
        "/account/profile",
        data={"display_name": "Werbung hier", "bio": "Kauft bei mir!", "locale": "en"},
        follow_redirects=True,
    )
    assert "Name und Text bleiben, wie sie waren" in response.text  # said before the switch
    assert 'lang="en"' in response.text
    db.session.refresh(user)
    assert (user.display_name, user.bio, user.locale) == ("Anna", None, "en")
