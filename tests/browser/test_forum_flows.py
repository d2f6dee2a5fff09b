"""What a newcomer does in a real browser, in German and English, at desktop and phone width."""

import re

import pytest
from playwright.sync_api import expect

from ..factories import PASSWORD, make_board, make_thread, make_user
from ..mailbox import link_in, sent_mails
from .conftest import DESKTOP, PHONE, screenshot

pytestmark = pytest.mark.browser


def _register(app, page, base, username):
    """Registers, then confirms the address and logs in through the link in the dev
    mail folder."""
    page.goto(f"{base}/register")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("E-Mail-Adresse").fill(f"{username}@example.org")
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_label("Passwort wiederholen").fill(PASSWORD)
    page.get_by_role("button", name="Konto erstellen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sehen Sie in Ihr Postfach")
    mail = [m for m in sent_mails(app) if m["To"] == f"{username}@example.org"][-1]
    page.goto(base + link_in(mail, "/confirm/"))
    page.get_by_role("button", name="Bestätigen und anmelden").click()
    expect(page.get_by_text("Ihre E-Mail-Adresse ist bestätigt")).to_be_visible()
    expect(page.get_by_role("navigation", name="Konto")).to_contain_text(username)


def _no_horizontal_scroll(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"page is {overflow}px wider than the viewport"


def test_newcomer_asks_and_another_person_answers(app, live_server, new_page):
    board = make_board("DSL & Festnetz", slug="dsl-festnetz", description="Anschluss und Router")
    make_thread(board, make_user("bestand"), "Ältere Frage zum Router", "Hallo", replies=2)

    asker = new_page()
    _register(app, asker, live_server, "fragende")
    asker.goto(live_server)
    screenshot(asker, "index-desktop")
    asker.get_by_role("link", name="DSL & Festnetz").click()
    asker.get_by_role("link", name="Frage stellen").click()
    asker.get_by_label("Titel").fill("Internet bricht abends ständig ab")
    asker.get_by_label("Ihr Text").fill("Seit Montag bricht die Verbindung **jeden Abend** ab.")
    asker.get_by_role("button", name="Vorschau").click()
    expect(asker.locator(".preview strong")).to_have_text("jeden Abend")
    screenshot(asker, "new-thread-desktop")
    asker.get_by_role("button", name="Thema erstellen").click()
    expect(asker.get_by_role("heading", level=1)).to_have_text("Internet bricht abends ständig ab")
    thread_url = asker.url

    helper = new_page()
    _register(app, helper, live_server, "helfer")
    helper.goto(thread_url)
    helper.get_by_label("Ihr Text").fill("Prüfen Sie bitte die **Leitungsdämpfung** im Router.")
    helper.get_by_role("button", name="Absenden").click()
    expect(helper.locator(".post").last).to_contain_text("Leitungsdämpfung")

    asker.reload()
    reply = asker.locator(".post").last
    expect(reply).to_contain_text("Leitungsdämpfung")
    expect(reply).to_contain_text("helfer")
    screenshot(asker, "thread-desktop")


def test_english_interface_through_the_footer_switch(app, live_server, new_page):
    make_board("Mobilfunk", slug="mobilfunk")
    page = new_page()
    page.goto(live_server)
    expect(page.get_by_role("link", name="Anmelden")).to_be_visible()
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    page.get_by_role("link", name="Mobilfunk").click()
    expect(page.get_by_role("link", name="Ask a question")).to_be_visible()
    screenshot(page, "board-english-desktop")


def test_browser_language_english_is_used(app, live_server, new_page):
    make_board("Mobilfunk", slug="mobilfunk")
    page = new_page(locale="en-GB")
    page.goto(live_server)
    expect(page.get_by_role("link", name="Register")).to_be_visible()


def test_phone_width_is_usable(app, live_server, new_page):
    board = make_board("Vertrag & Rechnung", slug="vertrag-rechnung", description="Tarife")
    author = make_user("kundin")
    thread = make_thread(
        board,
        author,
        "Rechnung doppelt abgebucht – was nun? Ein recht langer Titel zum Umbrechen",
        "| Monat | Betrag |\n|---|---|\n| März | 39,99 € |\n\n"
        "```\nIBAN DE00 0000 0000 0000 0000 00\n```",
        replies=3,
    )
    page = new_page(viewport=PHONE)
    page.goto(live_server + "/login")
    page.get_by_label("Benutzername oder E-Mail-Adresse").fill("kundin")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    for path, name in [
        ("/", "index-phone"),
        (f"/b/{board.slug}", "board-phone"),
        (f"/t/{thread.id}-{thread.slug}", "thread-phone"),
        (f"/b/{board.slug}/new", "new-thread-phone"),
    ]:
        page.goto(live_server + path)
        _no_horizontal_scroll(page)
        screenshot(page, name)
    assert page.viewport_size == PHONE


def test_permalink_to_a_post_on_a_later_page(app, live_server, new_page):
    app.config["POSTS_PER_PAGE"] = 20
    board = make_board("Hosting & Domains", slug="hosting-domains")
    author = make_user("lang")
    thread = make_thread(board, author, "Sehr lange Diskussion zu DNS", replies=130)
    target = thread.last_post_id - 3  # on page 7 of 7
    page = new_page()
    page.goto(f"{live_server}/t/{thread.id}-{thread.slug}#p{target}")
    expect(page).to_have_url(re.compile(rf"\?page=7#p{target}$"))
    expect(page.locator(f"#p{target}")).to_be_in_viewport()


def test_quote_button_fills_the_reply_box(app, live_server, new_page):
    board = make_board("E-Mail & Webmailer", slug="e-mail-webmailer")
    thread = make_thread(board, make_user("fragt"), "IMAP-Server?", "Welcher Port für IMAP?")
    make_user("antwortet")
    page = new_page()
    page.goto(live_server + "/login")
    page.get_by_label("Benutzername oder E-Mail-Adresse").fill("antwortet")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.goto(f"{live_server}/t/{thread.id}-{thread.slug}")
    page.get_by_role("link", name="Zitieren").first.click()
    quoted = re.compile(r"^> \*\*fragt:\*\*\n> Welcher Port")
    expect(page.get_by_label("Ihr Text")).to_have_value(quoted)
    assert page.url.endswith(f"/t/{thread.id}-{thread.slug}")  # stayed on the thread page


def test_desktop_pages_have_no_horizontal_scroll(app, live_server, new_page):
    make_board("DSL & Festnetz", slug="dsl-festnetz")
    page = new_page(viewport=DESKTOP)
    for path in ("/", "/b/dsl-festnetz", "/login", "/register"):
        page.goto(live_server + path)
        _no_horizontal_scroll(page)
