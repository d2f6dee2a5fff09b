"""Finding an existing answer instead of asking again, in a real browser."""

import pytest
from playwright.sync_api import expect

from forum.posts import services as posts
from forum.support import services as support

from ..factories import make_board, make_thread, make_user
from .conftest import PHONE, screenshot
from .test_support_flow import _log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def answered(app):
    board = make_board("DSL & Festnetz", slug="dsl-festnetz")
    asker = make_user("fragesteller")
    staff = make_user("jana", staff=True, display_name="Jana Becker")
    make_user("kundin", customer=True)
    thread = make_thread(
        board, asker, "WLAN bricht abends ständig ab", "Jeden Abend gegen 20 Uhr ist das WLAN weg."
    )
    answer = posts.reply(staff, thread, "Stellen Sie den WLAN-Kanal fest auf 1, 6 oder 11 ein.")
    support.mark_solution(asker, thread, answer)
    make_thread(board, asker, "Telefon rauscht", "Seit den Störungen letzte Woche rauscht es.")
    return thread


def test_a_customer_sees_a_similar_solved_thread_while_typing(live_server, new_page, answered):
    page = new_page()
    _log_in(page, live_server, "kundin")
    page.goto(f"{live_server}/b/dsl-festnetz/new")
    page.get_by_label("Titel").press_sequentially("WLAN bricht ab", delay=20)
    similar = page.locator(".similar-threads")
    expect(similar).to_be_visible()
    expect(similar).to_contain_text("WLAN bricht abends ständig ab")
    expect(similar).to_contain_text("Gelöst")
    screenshot(page, "new-thread-similar-desktop")
    with page.expect_popup() as popup:
        similar.get_by_role("link", name="WLAN bricht abends ständig ab").click()
    expect(popup.value.locator(".solution-box")).to_contain_text("WLAN-Kanal")


def test_search_finds_another_inflection_and_highlights_it(live_server, new_page, answered):
    for viewport, name in ((None, "desktop"), (PHONE, "phone")):
        page = new_page(viewport=viewport) if viewport else new_page()
        page.goto(live_server)
        box = page.get_by_role("searchbox", name="Forum durchsuchen")
        box.fill("Störung")
        box.press("Enter")
        hit = page.locator(".search-hit", has_text="Telefon rauscht")
        expect(hit.locator("mark")).to_have_text("Störungen")
        expect(page.locator(".search-count")).to_contain_text("1 Thema gefunden")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        screenshot(page, f"search-results-{name}")
    page.goto(f"{live_server}/search?q=WLAN&solved=1")
    expect(page.locator(".search-hit")).to_have_count(1)
    expect(page.locator(".search-hit")).to_contain_text("Lösung vom Mitarbeiter")
