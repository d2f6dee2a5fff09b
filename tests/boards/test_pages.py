import re

from forum.extensions import db
from forum.models import Visibility

from ..factories import backdate, make_board, make_thread, make_user


def test_index_shows_categories_boards_counts_and_latest_activity(client, forum):
    make_thread(forum.board, forum.member, "Zweites Thema hier", replies=2)
    page = client.get("/").text
    assert "DSL &amp; Festnetz" in page
    assert forum.board.category.name in page
    stats = re.search(r"Themen</dt><dd>(\d+)</dd>.*?Beiträge</dt><dd>(\d+)</dd>", page, re.S)
    assert stats.groups() == ("2", "4")
    assert "Zweites Thema hier" in page  # latest activity


def test_index_hides_boards_the_visitor_may_not_read(client, forum, auth):
    make_board("Geheimer Bereich", visibility=Visibility.STAFF, slug="intern")
    make_board("Kundenbereich", visibility=Visibility.CUSTOMERS, slug="kunden")
    assert "Geheimer Bereich" not in client.get("/").text
    assert "Kundenbereich" not in client.get("/").text
    auth.login(forum.customer)
    page = client.get("/").text
    assert "Kundenbereich" in page and "Geheimer Bereich" not in page


def test_board_lists_pinned_first_then_latest_activity(client, forum):
    old = make_thread(forum.board, forum.member, "Altes Thema")
    new = make_thread(forum.board, forum.member, "Frisches Thema")
    pinned = make_thread(forum.board, forum.member, "Wichtiger Hinweis")
    backdate(old, 48)
    backdate(pinned, 96)
    backdate(forum.thread, 24)
    pinned.is_pinned = True
    db.session.commit()
    page = client.get("/b/dsl-festnetz").text
    order = [
        page.index(t)
        for t in ("Wichtiger Hinweis", "Frisches Thema", forum.thread.title, "Altes Thema")
    ]
    assert order == sorted(order)
    assert new.title in page


def test_board_is_paginated(client, app, forum):
    app.config["THREADS_PER_PAGE"] = 3
    for number in range(7):
        make_thread(forum.board, forum.member, f"Thema Nummer {number:02d}")
    first = client.get("/b/dsl-festnetz").text
    third = client.get("/b/dsl-festnetz?page=3").text
    assert first.count('<li class="thread-row') == 3
    assert third.count('<li class="thread-row') == 2
    assert 'aria-current="page">3<' in third
    assert client.get("/b/dsl-festnetz?page=4").status_code == 404
    assert client.get("/b/dsl-festnetz?page=abc").status_code == 200


def test_unknown_board_is_404(client, app):
    assert client.get("/b/gibt-es-nicht").status_code == 404


def test_guest_sees_login_prompt_instead_of_new_thread_form(client, forum):
    response = client.get("/b/dsl-festnetz/new")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_new_thread_keeps_text_when_title_missing(client, forum, auth):
    auth.login(forum.member)
    response = client.post(
        "/b/dsl-festnetz/new", data={"title": "", "body": "Mein langer Text", "submit": "1"}
    )
    assert response.status_code == 200
    assert "Mein langer Text" in response.text
    assert 'id="title-error"' in response.text


def test_new_thread_refuses_too_long_title_and_keeps_it(client, forum, auth):
    auth.login(forum.member)
    title = "Sehr lang " * 20
    response = client.post("/b/dsl-festnetz/new", data={"title": title, "body": "x", "submit": "1"})
    assert "höchstens 150 Zeichen" in response.text
    assert title.strip() in response.text


def test_new_thread_appears_on_board_and_counts(client, forum, auth):
    auth.login(forum.member)
    response = client.post(
        "/b/dsl-festnetz/new",
        data={"title": "Kein Internet seit heute früh", "body": "Alles rot.", "submit": "1"},
    )
    assert response.status_code == 302
    assert re.match(r"^/t/\d+-kein-internet-seit-heute-frueh$", response.headers["Location"])
    db.session.refresh(forum.board)
    assert (forum.board.thread_count, forum.board.post_count) == (2, 2)
    assert "Kein Internet seit heute früh" in client.get("/b/dsl-festnetz").text


def test_read_only_board_refuses_new_threads_with_reason(client, auth, app):
    board = make_board("Archiv", posting="read-only", slug="archiv")
    auth.login(make_user("anna"))
    response = client.get(f"/b/{board.slug}/new")
    assert response.status_code == 403
    assert "nur gelesen" in response.text
