"""A member reports a post, a moderator hides it from the queue, the member sees
the placeholder — in a real browser."""

import pytest
from playwright.sync_api import expect

from forum.posts import services as posts

from ..factories import make_board, make_thread, make_user
from .conftest import PHONE, screenshot
from .test_support_flow import _log_in

pytestmark = pytest.mark.browser


def test_report_hide_and_placeholder(app, live_server, new_page):
    board = make_board("DSL & Festnetz", slug="dsl-festnetz")
    asker = make_user("fragende")
    make_user("melderin")
    make_user("moderator", moderator=True)
    spammer = make_user("billigshop")
    thread = make_thread(board, asker, "Router tauschen?", "Lohnt sich ein neuer Router?")
    posts.reply(spammer, thread, "Router 90 % billiger bei billigshop punkt example!")
    thread_url = f"{live_server}/t/{thread.id}-{thread.slug}"

    member = new_page(viewport=PHONE)
    _log_in(member, live_server, "melderin")
    member.goto(thread_url)
    spam = member.locator(".post", has_text="90 % billiger")
    spam.locator("summary", has_text="Melden").click()
    spam.get_by_label("Warum?").select_option("spam")
    spam.get_by_role("button", name="Meldung senden").click()
    expect(member.locator(".alert--success")).to_contain_text("Danke")

    moderator = new_page()
    _log_in(moderator, live_server, "moderator")
    moderator.goto(f"{live_server}/moderation/reports")
    entry = moderator.locator(".report", has_text="Router tauschen?")
    expect(entry).to_contain_text("Spam oder Werbung")
    entry.locator("summary", has_text="Beitrag ausblenden").click()
    screenshot(moderator, "moderation-report-queue-desktop")
    entry.locator("button[type=submit]", has_text="Beitrag ausblenden").click()
    expect(moderator.locator(".alert--success")).to_contain_text("ausgeblendet")
    expect(moderator.locator(".empty")).to_contain_text("Keine offenen Meldungen")

    member.goto(thread_url)
    expect(member.locator(".post--hidden")).to_contain_text("Beitrag ausgeblendet: Spam")
    expect(member.get_by_text("90 % billiger")).to_have_count(0)
    screenshot(member, "moderation-placeholder-phone")
    member.goto(f"{live_server}/reports/mine")
    expect(member.locator(".activity")).to_contain_text("Erledigt: Der Beitrag wurde ausgeblendet")
