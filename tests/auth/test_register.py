import re

import pytest
from sqlalchemy import select

from forum.extensions import db, limiter
from forum.models import User

from ..factories import PASSWORD, make_user
from ..mailbox import link_in, sent_mails

GOOD = {
    "username": "neue.kundin",
    "email": "Neue.Kundin@Example.org",
    "password": PASSWORD,
    "password_confirm": PASSWORD,
}


def test_register_creates_the_account_and_sends_the_link_that_logs_in(client, app):
    response = client.post("/register", data=GOOD)
    assert response.status_code == 200 and "Sehen Sie in Ihr Postfach" in response.text
    user = db.session.scalar(select(User).where(User.username == "neue.kundin"))
    assert user.email == "neue.kundin@example.org"
    assert user.password_hash.startswith("scrypt:")
    assert PASSWORD not in user.password_hash
    assert client.get("/account/profile").status_code == 302  # not logged in yet
    link = link_in(sent_mails(app)[-1], "/confirm/")
    assert "Bestätigen und anmelden" in client.get(link).text
    assert client.post(link).status_code == 302
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


def test_registration_form_has_labels_for_every_input(client):
    page = client.get("/register").text
    for field in ("username", "email", "password", "password_confirm"):
        assert f'<label class="field__label" for="{field}">' in page
    assert '="None"' not in page
    assert page.count("autofocus") == 1


def _comparable(response, address: str) -> str:
    """The page without what differs by nature: the address typed and CSRF tokens."""
    return re.sub(r'name="csrf_token"[^>]*>', "", response.text.replace(address, "ADDRESS"))


def _register(app, address, username):
    client = app.test_client()
    return client.post("/register", data={**GOOD, "username": username, "email": address})


def test_the_answer_is_the_same_for_a_new_and_a_known_address(app):
    make_user("kathi", email="kathi@example.org")
    known = _register(app, "Kathi@Example.org", "andere.kathi")
    new = _register(app, "neu@example.org", "neue.kathi")
    assert known.status_code == new.status_code == 200
    assert _comparable(known, "Kathi@Example.org") == _comparable(new, "neu@example.org")
    cookies = [
        sorted(c.split("=")[0] for c in r.headers.getlist("Set-Cookie")) for r in (known, new)
    ]
    assert cookies[0] == cookies[1]
    names = set(db.session.scalars(select(User.username)))
    assert names == {"kathi", "neue.kathi"}  # no second account for the known address


def test_the_known_address_is_told_someone_tried_to_register_with_it(app):
    make_user("kathi", email="kathi@example.org")
    _register(app, "kathi@example.org", "andere.kathi")
    mail = sent_mails(app)[-1]
    assert mail["To"] == "kathi@example.org"
    assert "registrieren" in mail["Subject"]
    text = mail.get_content()
    assert "„kathi“" in text and "/login" in text and "/reset" in text
    assert "/confirm/" not in text


@pytest.fixture
def limited(app_config):
    app_config.update(RATELIMIT_ENABLED=True, RATELIMIT_REGISTER_PER_IP="100/hour")


def test_the_known_address_is_told_only_a_few_times(limited, app):
    limiter.reset()
    make_user("kathi", email="kathi@example.org")
    answers = [_register(app, "kathi@example.org", f"probe{n}") for n in range(4)]
    assert {answer.status_code for answer in answers} == {200}
    assert len(sent_mails(app)) == 2  # RATELIMIT_REGISTER_NOTICE_PER_ACCOUNT


def test_a_banned_account_is_not_written_to(app):
    from forum.models import utcnow

    make_user("kathi", email="kathi@example.org", banned_at=utcnow())
    assert _register(app, "kathi@example.org", "andere.kathi").status_code == 200
    assert sent_mails(app) == []


def test_both_answers_hash_the_password(app, monkeypatch):
    """Comparable work either way: no timing tells whether an address is registered."""
    from forum.auth import services
    from forum.models import users

    hashed = []

    def counting(real):
        return lambda password, **kw: hashed.append(password) or real(password, **kw)

    monkeypatch.setattr(
        services, "generate_password_hash", counting(services.generate_password_hash)
    )
    monkeypatch.setattr(users, "generate_password_hash", counting(users.generate_password_hash))
    make_user("kathi", email="kathi@example.org")
    hashed.clear()
    _register(app, "kathi@example.org", "andere.kathi")
    _register(app, "neu@example.org", "neue.kathi")
    assert hashed == [PASSWORD, PASSWORD]


def test_opening_the_confirmation_link_alone_confirms_nothing(app, client):
    client.post("/register", data=GOOD)
    link = link_in(sent_mails(app)[-1], "/confirm/")
    assert client.get(link).status_code == 200
    user = db.session.scalar(select(User).where(User.username == "neue.kundin"))
    assert user.email_confirmed_at is None
    assert client.get("/account/profile").status_code == 302
