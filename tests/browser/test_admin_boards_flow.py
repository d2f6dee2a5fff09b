"""An admin creates a customers-only board in a real browser; a guest neither sees it
on the overview nor reaches its address."""

import pytest
from playwright.sync_api import expect

from ..factories import PASSWORD, make_board, make_user
from .conftest import PHONE, screenshot

pytestmark = pytest.mark.browser

NAME = "Tarife für Bestandskunden"


def test_admin_creates_a_customers_only_board_a_guest_cannot_see(app, live_server, new_page):
    make_board("DSL & Festnetz", slug="dsl-festnetz")
    make_user("verwalterin", admin=True)

    # English, so that the steps do not depend on the German catalog.
    admin = new_page(locale="en-US")
    admin.goto(f"{live_server}/login")
    admin.fill("input[name=login]", "verwalterin")
    admin.fill("input[name=password]", PASSWORD)
    admin.locator("input[name=password]").press("Enter")
    admin.goto(f"{live_server}/admin")
    admin.get_by_role("link", name="Boards and categories").click()
    admin.get_by_role("link", name="New board").click()
    admin.get_by_label("Name").fill(NAME)
    admin.get_by_label("Description (optional)").fill("Angebote nur für verifizierte Kunden.")
    admin.get_by_label("Who may read it").select_option("customers")
    admin.get_by_role("button", name="Create the board").click()

    expect(admin.locator(".alert--success")).to_contain_text(NAME)
    board = admin.locator(".admin-board", has_text=NAME)
    expect(board).to_contain_text("/b/tarife-fuer-bestandskunden")
    expect(board.locator(".tag--private")).to_have_text("Customers only")
    screenshot(admin, "admin-boards-created-desktop")

    guest = new_page(viewport=PHONE)
    guest.goto(live_server)
    expect(guest.get_by_role("link", name="DSL & Festnetz")).to_be_visible()
    expect(guest.get_by_text(NAME)).to_have_count(0)
    response = guest.goto(f"{live_server}/b/tarife-fuer-bestandskunden")
    assert response.status == 404
    expect(guest.get_by_text(NAME)).to_have_count(0)
    screenshot(guest, "admin-boards-guest-404-phone")
