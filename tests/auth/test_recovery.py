"""Getting back into an account, confirming addresses, ending sessions."""

import re
import time

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import Post, User

from ..factories import PASSWORD, make_board, make_thread, make_user
from ..mailbox import link_in, sent_mails

NEW_PASSWORD = "Blaue Wale singen nachts"


def person(name, **kw):
    """Form fields check addresses for real: test domains are not accepted there."""
    return make_user(name, email=f"{name}@example.com", **kw)


def _reset_link(app, client, address):
    client.post("/reset", data={"email": address})
    return link_in(sent_mails(app)[-1], "/reset/")


def _to(app, address):
    return [mail for mail in sent_mails(app) if mail["To"] == address][-1]


def _choose(client, link, password=NEW_PASSWORD):
    return client.post(link, data={"password": password, "password_confirm": password})


def _later(monkeypatch, seconds):
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + seconds)


def _without_tokens(page: str, address: str) -> str:
    return re.sub(r'name="csrf_token" value="[^"]*"', "", page.replace(address, "X"))


def test_the_answer_never_tells_whether_an_address_is_registered(app, client):
    person("anna")
    known = client.post("/reset", data={"email": "Anna@Example.com"})
    unknown = client.post("/reset", data={"email": "niemand@example.com"})
    assert known.status_code == unknown.status_code == 200
    # The pages' CSRF tokens carry the second they were made in; nothing else may differ.
    assert _without_tokens(known.text, "Anna@Example.com") == _without_tokens(
        unknown.text, "niemand@example.com"
    )
    mails = sent_mails(app)
    assert [m["To"] for m in mails] == ["anna@example.com"]
    assert "Passwort" in mails[0]["Subject"]
    assert "List-Unsubscribe" not in mails[0]


def test_a_reset_link_sets_the_password_once_logs_in_and_ends_other_sessions(app, client, auth):
    user = person("anna")
    other_device = app.test_client()
    other_device.post("/login", data={"login": "anna", "password": PASSWORD})
    link = _reset_link(app, client, user.email)

    page = client.get(link)
    assert page.status_code == 200 and "anna" in page.text
    response = _choose(client, link)
    assert response.status_code == 302 and response.location == "/"
    assert "angemeldet" in client.get("/").text
    assert client.get("/account/password").status_code == 200  # logged in by the link

    db.session.refresh(user)
    assert user.check_password(NEW_PASSWORD) and not user.check_password(PASSWORD)
    assert other_device.get("/account/password").status_code == 302  # logged out
    auth.logout()
    auth.login(user, password=NEW_PASSWORD)

    again = client.get(link)
    assert again.status_code == 400
    assert "bereits verwendet" in again.text and 'href="/reset"' in again.text
    assert _choose(client, link, "Rote Katzen tanzen leise").status_code == 400
    db.session.refresh(user)
    assert user.check_password(NEW_PASSWORD)


def test_an_expired_reset_link_offers_a_new_one(app, client, monkeypatch):
    user = person("anna")
    link = _reset_link(app, client, user.email)
    _later(monkeypatch, app.config["PASSWORD_RESET_SECONDS"] + 5)
    response = _choose(client, link)
    assert response.status_code == 400
    assert "abgelaufen" in response.text and 'href="/reset"' in response.text
    db.session.refresh(user)
    assert user.check_password(PASSWORD)


@pytest.mark.parametrize("change", ["cut", "flip", "other-account", "garbage"])
def test_a_tampered_reset_link_changes_nothing(app, client, change):
    victim = person("anna")
    attacker = person("mallory")
    link = _reset_link(app, client, attacker.email)
    token = link.removeprefix("/reset/")
    payload, _, signature = token.partition(".")
    tampered = {
        "cut": token[:-4],
        # A middle character: the last one of base64 also holds unused bits.
        "flip": token[:-5] + ("A" if token[-5] != "A" else "B") + token[-4:],
        "other-account": payload.replace(payload[:4], "WzEs") + "." + signature,
        "garbage": "..%2e%2e",
    }[change]
    response = _choose(client, f"/reset/{tampered}")
    assert response.status_code in (301, 400, 404)
    for user in (victim, attacker):
        db.session.refresh(user)
        assert user.check_password(PASSWORD)


def test_a_password_change_spoils_earlier_reset_links(app, client, auth):
    user = person("anna")
    link = _reset_link(app, client, user.email)
    auth.login(user)
    client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "password": NEW_PASSWORD,
            "password_confirm": NEW_PASSWORD,
        },
    )
    assert client.get(link).status_code == 400


def test_the_new_password_must_be_strong_and_not_the_name(app, client):
    user = person("annamaria")
    link = _reset_link(app, client, user.email)
    response = _choose(client, link, "annamaria1")
    assert response.status_code == 200 and "field__error" in response.text
    db.session.refresh(user)
    assert user.check_password(PASSWORD)


def test_no_reset_mail_for_banned_accounts(app, client):
    from forum.models import utcnow

    person("anna", banned_at=utcnow())
    client.post("/reset", data={"email": "anna@example.com"})
    assert sent_mails(app) == []


@pytest.fixture
def limited(app_config):
    app_config["RATELIMIT_ENABLED"] = True
    return app_config


def test_reset_mails_to_one_account_are_limited_silently(limited, app, client):
    person("anna")
    pages = [client.post("/reset", data={"email": "anna@example.com"}) for _ in range(5)]
    assert {page.status_code for page in pages} == {200}
    assert len(sent_mails(app)) == 3


# E-mail confirmation


def _register(client, name="neuling"):
    """Registers, and logs in with the password before confirming the address."""
    response = client.post(
        "/register",
        data={
            "username": name,
            "email": f"{name}@example.com",
            "password": PASSWORD,
            "password_confirm": PASSWORD,
        },
    )
    assert response.status_code == 200
    assert client.post("/login", data={"login": name, "password": PASSWORD}).status_code == 302


def test_a_new_account_reads_but_writes_only_after_confirming(app, client):
    board = make_board()
    thread = make_thread(board, make_user())
    _register(client)
    page = client.get(f"/t/{thread.id}", follow_redirects=True)
    assert page.status_code == 200 and "bestätigen Sie Ihre E-Mail-Adresse" in page.text
    refused = client.post(f"/t/{thread.id}/reply", data={"body": "Ich auch!"})
    assert refused.status_code == 403 and "bestätigen" in refused.text

    mail = sent_mails(app)[-1]
    assert mail["To"] == "neuling@example.com"
    confirmed = client.post(link_in(mail, "/confirm/"))
    assert confirmed.status_code == 302
    assert client.post(f"/t/{thread.id}/reply", data={"body": "Ich auch!"}).status_code == 302
    assert db.session.scalar(select(Post.body_source).order_by(Post.id.desc())) == "Ich auch!"

    again = client.get(link_in(mail, "/confirm/"))
    assert again.status_code == 400 and "bereits bestätigt" in again.text


def test_confirmation_can_be_switched_off(app, client):
    app.config["REQUIRE_EMAIL_CONFIRMATION"] = False
    board = make_board()
    thread = make_thread(board, make_user())
    _register(client)
    assert client.post(f"/t/{thread.id}/reply", data={"body": "Sofort"}).status_code == 302


def test_an_expired_confirmation_link_and_a_new_one(app, client, monkeypatch):
    _register(client)
    link = link_in(sent_mails(app)[-1], "/confirm/")
    with monkeypatch.context() as patch:
        _later(patch, app.config["CONFIRMATION_SECONDS"] + 5)
        expired = client.get(link)
    assert expired.status_code == 400 and "abgelaufen" in expired.text
    assert 'href="/account/email"' in expired.text
    assert client.post("/account/confirm/resend").status_code == 302
    fresh = link_in(sent_mails(app)[-1], "/confirm/")
    assert client.post(fresh).status_code == 302
    user = db.session.scalar(select(User).where(User.username == "neuling"))
    assert user.email_confirmed_at is not None


def test_a_tampered_confirmation_link_confirms_nothing(app, client):
    _register(client)
    link = link_in(sent_mails(app)[-1], "/confirm/")
    assert client.get(link[:-3]).status_code == 400
    assert client.post(link[:-3]).status_code == 400
    user = db.session.scalar(select(User).where(User.username == "neuling"))
    assert user.email_confirmed_at is None


def test_a_new_address_counts_once_confirmed_and_the_old_one_is_told(app, client, auth):
    user = person("anna")
    auth.login(user)
    wrong = client.post(
        "/account/email", data={"email": "neu@example.com", "current_password": "falsch"}
    )
    assert "aktuelle Passwort ist falsch" in wrong.text
    person("berta")
    taken = client.post(
        "/account/email", data={"email": "berta@example.com", "current_password": PASSWORD}
    )
    assert "Es gibt bereits ein Konto" in taken.text and 'value="berta@example.com"' in taken.text

    client.post("/account/email", data={"email": "neu@example.com", "current_password": PASSWORD})
    db.session.refresh(user)
    assert (user.email, user.pending_email) == ("anna@example.com", "neu@example.com")
    mails = {mail["To"]: mail for mail in sent_mails(app)}
    assert "neu@example.com" in mails["anna@example.com"].get_content()
    link = link_in(mails["neu@example.com"], "/confirm/")
    assert "Bestätigen</button>" in client.get(link).text  # no log-in: a change
    assert client.post(link).status_code == 302
    db.session.refresh(user)
    assert (user.email, user.pending_email) == ("neu@example.com", None)


def test_a_link_for_a_replaced_address_is_outdated(app, client, auth):
    user = person("anna")
    auth.login(user)
    client.post("/account/email", data={"email": "eins@example.com", "current_password": PASSWORD})
    first = link_in(_to(app, "eins@example.com"), "/confirm/")
    client.post("/account/email", data={"email": "zwei@example.com", "current_password": PASSWORD})
    response = client.get(first)
    assert response.status_code == 400 and "nicht mehr verwendet" in response.text
    db.session.refresh(user)
    assert user.email == "anna@example.com"


def test_no_notification_mail_to_an_unconfirmed_address(app, client):
    from forum.notifications import mail
    from forum.posts import services as posts

    board = make_board()
    member = person("anna")
    thread = make_thread(board, member)
    member.email_confirmed_at = None
    mail.set_modes(member, dict.fromkeys(mail.modes(member), mail.MailMode.IMMEDIATELY))
    db.session.commit()
    posts.reply(make_user(staff=True), thread, "Wir kümmern uns.")
    assert sent_mails(app) == []


# Sessions


def test_log_out_everywhere_ends_every_session(app, client, auth):
    user = person("anna")
    other_device = app.test_client()
    other_device.post("/login", data={"login": "anna", "password": PASSWORD, "remember": "y"})
    auth.login(user)
    response = client.post("/account/sessions/end")
    assert response.status_code == 302 and response.location.endswith("/login")
    assert client.get("/account/password").status_code == 302
    assert other_device.get("/account/password").status_code == 302


def test_account_pages_need_a_login(client):
    for path in ("/account/email",):
        assert client.get(path).status_code == 302
    assert client.post("/account/sessions/end").status_code == 302
    assert client.post("/account/confirm/resend").status_code == 302


def test_address_changes_are_limited_and_send_one_mail_per_address(limited, app, client, auth):
    user = person("anna")
    auth.login(user)
    for _ in range(2):
        client.post(
            "/account/email", data={"email": "neu@example.com", "current_password": PASSWORD}
        )
    assert [m["To"] for m in sent_mails(app)].count("neu@example.com") == 1
    answers = [
        client.post(
            "/account/email", data={"email": f"probe{n}@example.com", "current_password": PASSWORD}
        )
        for n in range(4)
    ]
    assert [a.status_code for a in answers[:3]] == [302, 302, 302]
    assert "Zu viele Versuche" in answers[3].text


def test_a_reset_link_to_a_former_address_opens_nothing(app, client, auth):
    user = person("anna")
    link = _reset_link(app, client, user.email)
    auth.login(user)
    client.post("/account/email", data={"email": "neu@example.com", "current_password": PASSWORD})
    client.post(link_in(_to(app, "neu@example.com"), "/confirm/"))
    auth.logout()
    assert client.get(link).status_code == 400
