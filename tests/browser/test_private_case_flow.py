"""A customer verifies through the portal link, opens a private case, staff answer it,
and another customer cannot find it anywhere."""

import pytest
from playwright.sync_api import expect

from forum.customers import signing

from ..factories import PASSWORD, make_board, make_user
from .conftest import screenshot

pytestmark = pytest.mark.browser
SECRET = "geteiltes-portal-geheimnis"


@pytest.fixture
def app_config(app_config):
    return {**app_config, "CUSTOMER_LINK_SECRET": SECRET}


def _log_in(page, base, username):
    page.goto(f"{base}/login")
    page.get_by_label("Benutzername oder E-Mail-Adresse").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()


def test_private_case_from_portal_link_to_staff_answer(app, live_server, new_page):
    make_board("Vertrag & Rechnung", slug="vertrag-rechnung")
    make_user("lena", email="lena@example.org")
    make_user("jana", staff=True)
    make_user("nachbar", customer=True)

    customer = new_page()
    link = "/customers/verify?" + signing.link_query(SECRET, "4711002233", "lena@example.org")
    customer.goto(live_server + link)  # the portal's link; log in first, then back here
    customer.get_by_label("Benutzername oder E-Mail-Adresse").fill("lena")
    customer.get_by_label("Passwort").fill(PASSWORD)
    customer.get_by_role("button", name="Anmelden").click()
    expect(customer.get_by_text("•••••••233")).to_be_visible()
    customer.get_by_role("button", name="Mein Konto bestätigen").click()
    expect(customer.get_by_role("status")).to_contain_text("verifiziert")

    customer.goto(f"{live_server}/b/vertrag-rechnung/new")
    customer.get_by_label("Titel").fill("Gutschrift fehlt auf meiner Rechnung")
    customer.get_by_label("Ihr Text").fill("Die zugesagte Gutschrift fehlt.")
    customer.get_by_label("Als privaten Fall eröffnen").check()
    customer.get_by_role("button", name="Thema erstellen").click()
    expect(customer.locator(".private-note")).to_be_visible()
    case_url = customer.url

    staff = new_page()
    _log_in(staff, live_server, "jana")
    staff.goto(f"{live_server}/staff/queue")
    staff.get_by_role("link", name="Gutschrift fehlt auf meiner Rechnung").click()
    staff.get_by_label("Ihr Text").fill("Ich habe die Gutschrift nachgetragen.")
    staff.get_by_role("button", name="Absenden").click()

    customer.reload()
    expect(customer.locator(".post").last).to_contain_text("Gutschrift nachgetragen")
    screenshot(customer, "private-case-desktop")

    neighbour = new_page()
    _log_in(neighbour, live_server, "nachbar")
    for path in ("/", "/b/vertrag-rechnung", "/u/lena"):
        neighbour.goto(live_server + path)
        expect(neighbour.get_by_text("Gutschrift fehlt")).to_have_count(0)
    response = neighbour.goto(case_url)
    assert response.status == 404
