"""Getting back into an account in a real browser, on a phone."""

import pytest
from playwright.sync_api import expect

from ..factories import make_user
from ..mailbox import link_in, sent_mails
from .conftest import PHONE, screenshot

pytestmark = pytest.mark.browser

NEW_PASSWORD = "Blaue Wale singen nachts"


def test_a_member_resets_a_forgotten_password_and_is_logged_in(app, live_server, new_page):
    make_user("vergesslich", email="vergesslich@example.org")
    page = new_page(viewport=PHONE)
    page.goto(f"{live_server}/login")
    page.get_by_role("link", name="Passwort vergessen?").click()
    page.get_by_label("E-Mail-Adresse").fill("vergesslich@example.org")
    page.get_by_role("button", name="Link senden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sehen Sie in Ihr Postfach")
    screenshot(page, "reset-sent-phone")

    mail = sent_mails(app)[-1]
    assert mail["To"] == "vergesslich@example.org"
    page.goto(live_server + link_in(mail, "/reset/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Neues Passwort wählen")
    page.get_by_label("Neues Passwort", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Neues Passwort wiederholen").fill(NEW_PASSWORD)
    screenshot(page, "reset-form-phone")
    page.get_by_role("button", name="Passwort speichern").click()
    expect(page.get_by_role("status").first).to_contain_text("Passwort wurde geändert")
    expect(page.get_by_role("navigation", name="Konto")).to_contain_text("vergesslich")

    page.goto(live_server + link_in(mail, "/reset/"))
    expect(page.get_by_role("alert")).to_contain_text("bereits verwendet")
    expect(page.get_by_role("link", name="Neuen Link anfordern")).to_be_visible()
    screenshot(page, "reset-used-phone")
