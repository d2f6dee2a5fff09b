import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import User

from ..factories import PASSWORD, make_user

GOOD = {
    "username": "neue.kundin",
    "email": "Neue.Kundin@Example.org",
    "password": PASSWORD,
    "password_confirm": PASSWORD,
}


def test_register_creates_account_logs_in_and_stores_hash(client):
    response = client.post("/register", data=GOOD)
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.username == "neue.kundin"))
    assert user.email == "neue.kundin@example.org"
    assert user.password_hash.startswith("scrypt:")
    assert PASSWORD not in user.password_hash
    assert "neue.kundin" in client.get("/").text  # logged in: name in the header


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"username": "ab"}, "username", "mindestens 3 Zeichen"),
        ({"username": "x" * 31}, "username", "höchstens 30 Zeichen"),
        ({"username": "<script>"}, "username", "Buchstaben"),
        ({"email": "keine-adresse"}, "email", "gültige E-Mail-Adresse"),
        ({"password": "kurz", "password_confirm": "kurz"}, "password", "mindestens 10 Zeichen"),
        ({"password": "passwort123", "password_confirm": "passwort123"}, "password", "zu leicht"),
        ({"password_confirm": "etwas anderes hier"}, "password_confirm", "stimmen nicht überein"),
    ],
)
def test_register_explains_bad_input_next_to_the_field(client, changes, field, message):
    response = client.post("/register", data={**GOOD, **changes})
    assert response.status_code == 200
    page = response.text
    assert f'id="{field}-error"' in page
    assert message in page
    assert 'value="neue.kundin"' in page or field == "username"  # what was typed is kept
    assert db.session.scalar(select(User.id)) is None


def test_register_refuses_taken_username_in_any_case(client, app):
    make_user("Kathi84")
    response = client.post("/register", data={**GOOD, "username": "kathi84"})
    assert "bereits vergeben" in response.text
    assert 'id="username-error"' in response.text


def test_register_refuses_taken_email(client, app):
    make_user("jemand", email="neue.kundin@example.org")
    response = client.post("/register", data=GOOD)
    assert 'id="email-error"' in response.text
    assert "bereits ein Konto" in response.text


def test_register_follows_only_local_next(client):
    response = client.post("/register?next=https://evil.example/phish", data=GOOD)
    assert response.headers["Location"] == "/"


def test_registration_form_has_labels_for_every_input(client):
    page = client.get("/register").text
    for field in ("username", "email", "password", "password_confirm"):
        assert f'<label class="field__label" for="{field}">' in page
    assert '="None"' not in page
    assert page.count("autofocus") == 1
