"""A customer follows a thread, staff replies, the customer sees the bell's count and
the notification, and the e-mail lands in the development mail folder."""

import email
from email import policy
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ..factories import make_board, make_thread, make_user
from .conftest import PHONE, screenshot
from .test_support_flow import _log_in

pytestmark = pytest.mark.browser


def test_follow_staff_reply_bell_and_mail(app, app_config, live_server, new_page):
    board = make_board("DSL & Festnetz", slug="dsl-festnetz")
    asker = make_user("fragende")
    customer = make_user("kundin", customer=True)
    make_user("jana", staff=True)
    thread = make_thread(board, asker, "Router verliert nachts die Verbindung", "Seit Montag.")
    thread_url = f"{live_server}/t/{thread.id}-{thread.slug}"

    follower = new_page(viewport=PHONE)
    _log_in(follower, live_server, "kundin")
    follower.goto(thread_url)
    follower.get_by_role("button", name="Folgen", exact=True).click()
    expect(follower.locator(".alert--success")).to_contain_text("Sie folgen diesem Thema")

    staff = new_page()
    _log_in(staff, live_server, "jana")
    staff.goto(thread_url)
    staff.locator("#reply textarea").fill(
        "Bitte starten Sie den Router neu, wir prüfen die Leitung."
    )
    staff.locator("#reply [name=submit]").click()
    expect(staff.locator(".post", has_text="wir prüfen die Leitung")).to_be_visible()

    follower.goto(f"{live_server}/")
    bell = follower.locator(".bell")
    expect(bell.locator(".count-badge")).to_have_text("1")
    bell.click()
    line = follower.locator(".notification--unread")
    expect(line).to_contain_text(
        "Ein Mitarbeiter hat in »Router verliert nachts die Verbindung« geantwortet"
    )
    screenshot(follower, "notifications-phone")
    line.locator("a").click()
    expect(follower.locator(".post", has_text="wir prüfen die Leitung")).to_be_visible()
    expect(follower.locator(".bell .count-badge")).to_have_count(0)

    folder = Path(app_config["MAIL_FOLDER"])
    mails = [
        email.message_from_bytes(p.read_bytes(), policy=policy.default) for p in folder.iterdir()
    ]
    to_customer = [m for m in mails if m["To"] == customer.email]
    assert len(to_customer) == 1
    assert "Router verliert nachts die Verbindung" in to_customer[0]["Subject"]
    assert "/notifications/" in to_customer[0].get_content()
