import re

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import Post
from forum.posts import services

from ..factories import make_thread


def test_thread_shows_posts_in_order_with_anchors(client, forum):
    make_thread(forum.board, forum.author, "Zweiter Versuch", replies=0)
    thread = make_thread(forum.board, forum.author, "Mit Antworten", replies=3)
    page = client.get(f"/t/{thread.id}-{thread.slug}").text
    positions = [page.index(f"Antwort {n}") for n in (1, 2, 3)]
    assert positions == sorted(positions)
    for post_id in db.session.scalars(select(Post.id).where(Post.thread_id == thread.id)):
        assert f'id="p{post_id}"' in page


def test_wrong_or_missing_slug_redirects_to_canonical_url(client, forum):
    thread = forum.thread
    for path in (f"/t/{thread.id}", f"/t/{thread.id}-falscher-name"):
        response = client.get(path)
        assert response.status_code == 301
        assert response.headers["Location"] == f"/t/{thread.id}-{thread.slug}"


def test_unknown_thread_and_post_are_404(client, app):
    assert client.get("/t/999999-nichts").status_code == 404
    assert client.get("/p/999999").status_code == 404


def test_permalink_finds_a_post_on_a_later_page(client, app, forum):
    app.config["POSTS_PER_PAGE"] = 5
    thread = make_thread(forum.board, forum.author, "Lange Diskussion", replies=34)
    target = db.session.scalars(
        select(Post.id).where(Post.thread_id == thread.id).order_by(Post.id).offset(31)
    ).first()
    response = client.get(f"/p/{target}")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/t/{thread.id}-{thread.slug}?page=7#p{target}"
    page = client.get(f"/t/{thread.id}-{thread.slug}?page=7").text
    assert f'id="p{target}"' in page


def test_thread_pages_beyond_the_end_go_to_the_last_page(client, app, forum):
    app.config["POSTS_PER_PAGE"] = 5
    thread = make_thread(forum.board, forum.author, "Kurz", replies=6)
    response = client.get(f"/t/{thread.id}-{thread.slug}?page=9")
    assert response.headers["Location"] == f"/t/{thread.id}-{thread.slug}?page=2"


def test_member_replies_and_is_sent_to_the_new_post(client, forum, auth):
    auth.login(forum.member)
    response = client.post(
        f"/t/{forum.thread.id}/reply", data={"body": "Neustart hilft.", "submit": "1"}
    )
    assert response.status_code == 302
    post_id = int(re.search(r"#p(\d+)$", response.headers["Location"]).group(1))
    page = client.get(response.headers["Location"]).text
    assert f'id="p{post_id}"' in page and "Neustart hilft." in page
    db.session.refresh(forum.thread)
    assert forum.thread.post_count == 2 and forum.thread.last_post_id == post_id


def test_empty_reply_is_refused_with_message(client, forum, auth):
    auth.login(forum.member)
    response = client.post(f"/t/{forum.thread.id}/reply", data={"body": "   ", "submit": "1"})
    assert response.status_code == 200
    assert 'id="body-error"' in response.text


def test_too_long_reply_is_refused_and_the_text_kept(client, app, forum, auth):
    app.config["BODY_MAX_LENGTH"] = 50
    auth.login(forum.member)
    body = "Ein ausführlicher Bericht " * 3
    response = client.post(f"/t/{forum.thread.id}/reply", data={"body": body, "submit": "1"})
    assert "höchstens 50 Zeichen" in response.text
    assert body.strip() in response.text
    assert db.session.get(Post, 2) is None


@pytest.mark.parametrize("bad", ["Null\x00Byte", "kaputt \ufffd"])
def test_nul_bytes_and_invalid_text_are_refused_cleanly(client, forum, auth, bad):
    auth.login(forum.member)
    response = client.post(f"/t/{forum.thread.id}/reply", data={"body": bad, "submit": "1"})
    assert response.status_code == 200
    assert 'id="body-error"' in response.text
    assert forum.thread.post_count == 1


def test_invalid_utf8_in_raw_request_is_refused(client, forum, auth):
    auth.login(forum.member)
    response = client.post(
        f"/t/{forum.thread.id}/reply",
        data=b"body=%FF%FEabc&submit=1",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert "kein gültiger Text" in response.text
    assert client.get("/b/dsl-festnetz?page=%FF").status_code == 400
    db.session.refresh(forum.thread)
    assert forum.thread.post_count == 1


def test_preview_renders_markdown_without_saving(client, forum, auth):
    auth.login(forum.member)
    response = client.post(
        f"/t/{forum.thread.id}/reply", data={"body": "**fett** und `code`", "preview": "1"}
    )
    assert response.status_code == 200
    assert "<strong>fett</strong>" in response.text
    assert "**fett** und `code`</textarea>" in response.text
    db.session.refresh(forum.thread)
    assert forum.thread.post_count == 1


def test_quote_prefills_the_reply(client, forum, auth):
    auth.login(forum.member)
    page = client.get(f"/t/{forum.thread.id}/reply?quote={forum.thread.first_post_id}").text
    assert "&gt; **autorin:**\n&gt; Was tun?" in page
    data = client.get(f"/p/{forum.thread.first_post_id}/quote").get_json()
    assert data["markdown"].startswith("> **autorin:**\n> Was tun?")


def test_locked_thread_refuses_replies_with_explanation(client, forum, auth):
    forum.thread.is_locked = True
    db.session.commit()
    auth.login(forum.member)
    response = client.post(f"/t/{forum.thread.id}/reply", data={"body": "Hallo?", "submit": "1"})
    assert response.status_code == 403
    assert "geschlossen" in response.text.lower()
    assert 'id="reply"' not in client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text


def test_guest_cannot_reply(client, forum):
    response = client.post(f"/t/{forum.thread.id}/reply", data={"body": "Hallo", "submit": "1"})
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_latest_post_never_moves_backwards(forum):
    """Two replies that commit in the opposite order of their ids."""
    first = services.reply(forum.member, forum.thread, "früher")
    second = services.reply(forum.author, forum.thread, "später")
    services._count_new_post(forum.member, forum.thread, first, new_thread=False)
    db.session.commit()
    db.session.refresh(forum.thread)
    db.session.refresh(forum.board)
    assert forum.thread.last_post_id == second.id
    assert forum.thread.last_post_at == second.created_at
    assert forum.board.last_post_id == second.id


def test_post_links_carry_their_page_without_javascript(client, app, forum):
    app.config["POSTS_PER_PAGE"] = 2
    thread = make_thread(forum.board, forum.author, "Seitenweise", replies=3)
    page = client.get(f"/t/{thread.id}-{thread.slug}?page=2").text
    last = thread.last_post_id
    assert f'href="/t/{thread.id}-{thread.slug}?page=2#p{last}"' in page
