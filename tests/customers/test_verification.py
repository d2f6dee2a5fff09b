"""Verified customers: the portal's signed link and verification by staff."""

import time
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import func, select

from forum.customers import signing
from forum.extensions import db
from forum.models import CustomerVerification, Visibility

from ..factories import make_board, make_thread, make_user

SECRET = "portal-und-forum-teilen-das"


@pytest.fixture
def app_config(app_config):
    return {**app_config, "CUSTOMER_LINK_SECRET": SECRET}


def _link(email="kundin@example.test", number="4711002233", secret=SECRET, valid=3600):
    return "/customers/verify?" + signing.link_query(secret, number, email, valid_seconds=valid)


@pytest.fixture
def customer(app, auth):
    user = make_user("kundin")
    auth.login(user)
    return user


def test_valid_link_verifies_after_confirmation(client, customer):
    url = _link()
    page = client.get(url)
    assert page.status_code == 200
    shown = page.text.replace("c=4711002233", "")  # the link's own address may carry it
    assert "•••••••233" in shown and "4711002233" not in shown
    assert not customer.is_verified_customer  # nothing happens on GET
    response = client.post(url)
    assert response.status_code == 302
    db.session.refresh(customer)
    verification = customer.customer_verification
    assert verification.customer_number == "4711002233" and verification.method == "portal-link"


def test_verified_customer_reads_customer_only_boards(client, customer):
    board = make_board("Exklusiv", slug="exklusiv", visibility=Visibility.CUSTOMERS)
    make_thread(board, make_user("andere", customer=True), "Nur für Kunden")
    assert client.get("/b/exklusiv").status_code == 404
    client.post(_link())
    assert "Nur für Kunden" in client.get("/b/exklusiv").text


@pytest.mark.parametrize(
    ("make_url", "message"),
    [
        (lambda: _link(valid=-10), "abgelaufen"),
        (lambda: _link(secret="falsches-geheimnis"), "nicht gültig"),
        (lambda: _link().replace("4711002233", "4711002234"), "nicht gültig"),
        (lambda: _link().replace("kundin%40example.test", "other%40example.test"), "nicht gültig"),
        (lambda: "/customers/verify?c=4711&e=x", "unvollständig"),
    ],
    ids=["expired", "wrong-secret", "tampered-number", "tampered-address", "incomplete"],
)
def test_bad_links_are_refused_with_a_clear_message(client, customer, make_url, message):
    url = make_url()
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 400
        assert message in response.text
    assert db.session.scalar(select(func.count(CustomerVerification.id))) == 0


def test_a_link_works_once(client, app, customer):
    url = _link()
    client.post(url)
    customer_verification = db.session.scalar(select(CustomerVerification))
    customer_verification.revoked_at = customer_verification.verified_at
    db.session.commit()
    again = client.post(url)
    assert again.status_code == 409 and "bereits verwendet" in again.text


def test_a_link_for_another_address_does_not_verify_this_account(client, customer):
    response = client.post(_link(email="jemand.anders@example.test"))
    assert response.status_code == 409
    assert "andere E-Mail-Adresse" in response.text
    db.session.refresh(customer)
    assert not customer.is_verified_customer


def test_guests_are_asked_to_log_in_first_and_come_back(client, app):
    url = _link()
    response = client.get(url)
    assert response.status_code == 302
    assert "/login?next=" in response.headers["Location"]
    assert "%2Fcustomers%2Fverify%3Fc%3D4711002233" in response.headers["Location"]


def test_no_secret_means_no_link_verification(client, app, customer):
    app.config["CUSTOMER_LINK_SECRET"] = None
    response = client.get(_link())
    assert response.status_code == 400 and "nicht eingerichtet" in response.text


def test_signature_covers_number_address_and_expiry():
    expires = int(time.time()) + 60
    good = signing.sign(SECRET, "123456", "a@b.example", expires)
    assert good != signing.sign(SECRET, "123457", "a@b.example", expires)
    assert good != signing.sign(SECRET, "123456", "a@c.example", expires)
    assert good != signing.sign(SECRET, "123456", "a@b.example", expires + 1)
    assert good == signing.sign(SECRET, "123456", " A@B.example ", expires)


def test_cli_prints_a_link_that_verifies(runner, client, customer):
    result = runner.invoke(args=["forum", "customer-link", "kundin@example.test", "99887766"])
    assert result.exit_code == 0, result.output
    parts = urlsplit(result.output.strip())
    assert parts.path == "/customers/verify" and parse_qs(parts.query)["c"] == ["99887766"]
    assert client.post(f"{parts.path}?{parts.query}").status_code == 302
    db.session.refresh(customer)
    assert customer.customer_verification.customer_number == "99887766"


@pytest.mark.parametrize(
    ("role", "status"),
    [("member", 404), ("customer", 404), ("moderator", 404), ("staff", 200), ("admin", 200)],
)
def test_only_staff_verify_by_hand(client, auth, forum, role, status):
    auth.login(getattr(forum, role))
    assert client.get("/staff/customers").status_code == status
    client.post("/staff/customers", data={"username": "mitglied", "customer_number": "12345678"})
    db.session.refresh(forum.member)
    assert forum.member.is_verified_customer is (status == 200)


def test_staff_see_numbers_masked_and_can_revoke(client, auth, forum):
    auth.login(forum.staff)
    client.post("/staff/customers", data={"username": "mitglied", "customer_number": "55512345678"})
    page = client.get("/staff/customers").text
    assert "••••••••678" in page and "55512345678" not in page
    verification = forum.member.customer_verification
    assert verification.verified_by_id == forum.staff.id
    client.post(f"/staff/customers/{forum.member.id}/revoke")
    db.session.refresh(forum.member)
    assert not forum.member.is_verified_customer
    assert db.session.get(CustomerVerification, verification.id).revoked_by_id == forum.staff.id


def test_bad_customer_numbers_are_explained(client, auth, forum):
    auth.login(forum.staff)
    response = client.post(
        "/staff/customers", data={"username": "mitglied", "customer_number": "12ab"}
    )
    assert 'id="customer_number-error"' in response.text and "4 bis 20 Ziffern" in response.text


def test_customer_numbers_never_appear_on_public_pages(client, forum):
    number = forum.customer.customer_verification.customer_number
    for url in ("/u/kunde", f"/t/{forum.thread.id}-{forum.thread.slug}", "/"):
        assert number not in client.get(url).text
