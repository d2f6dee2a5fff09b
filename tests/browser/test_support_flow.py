"""A customer's question answered by verified staff, in a real browser."""

import pytest
from playwright.sync_api import expect

from ..factories import PASSWORD, make_board, make_user
from .conftest import PHONE, screenshot

pytestmark = pytest.mark.browser


def _log_in(page, base, username):
    page.goto(f"{base}/login")
    page.get_by_label("Benutzername oder E-Mail-Adresse").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()


def test_customer_asks_staff_answers_customer_marks_the_solution(app, live_server, new_page):
    make_board("DSL & Festnetz", slug="dsl-festnetz")
    make_user("kundin", customer=True)
    make_user("jana", staff=True, display_name="Jana Becker")

    customer = new_page()
    _log_in(customer, live_server, "kundin")
    customer.goto(f"{live_server}/b/dsl-festnetz/new")
    customer.get_by_label("Titel").fill("Router zeigt Fehler 691")
    customer.get_by_label("Ihr Text").fill("Seit heute kommt die Einwahl nicht zustande.")
    customer.get_by_role("button", name="Thema erstellen").click()
    thread_url = customer.url

    staff = new_page()
    _log_in(staff, live_server, "jana")
    staff.goto(f"{live_server}/staff/queue")
    staff.get_by_role("link", name="Router zeigt Fehler 691").click()
    staff.get_by_label("Ihr Text").fill(
        "Fehler 691 heißt: Zugangsdaten falsch. Bitte neu eintragen."
    )
    staff.get_by_role("button", name="Absenden").click()
    expect(staff.locator(".post").last.locator(".staff-badge")).to_contain_text(
        "Verifizierter Mitarbeiter"
    )

    customer.goto(thread_url)
    answer = customer.locator(".post").last
    expect(answer.locator(".staff-badge")).to_contain_text("Verifizierter Mitarbeiter")
    answer.get_by_role("button", name="Als Lösung markieren").click()
    expect(customer.locator(".solution-box")).to_contain_text("Zugangsdaten falsch")
    screenshot(customer, "question-solved-desktop")

    customer.goto(f"{live_server}/b/dsl-festnetz")
    row = customer.locator(".thread-row", has_text="Router zeigt Fehler 691")
    expect(row).to_contain_text("Gelöst")
    expect(row).to_contain_text("Lösung vom Mitarbeiter")

    staff.goto(f"{live_server}/staff/queue")
    expect(staff.get_by_text("Router zeigt Fehler 691")).to_have_count(0)


def test_staff_queue_and_badge_page_at_phone_width(app, live_server, new_page):
    make_board("Mobilfunk", slug="mobilfunk")
    make_user("jana", staff=True)
    page = new_page(viewport=PHONE)
    _log_in(page, live_server, "jana")
    for path, name in (
        ("/staff/queue", "staff-queue-phone"),
        ("/staff/dashboard", "staff-dashboard-phone"),
        ("/staff", "staff-directory-phone"),
    ):
        page.goto(live_server + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (path, overflow)
        screenshot(page, name)
