"""Rate limits on requests that cost work without writing anything: previews, the
similar threads shown while a title is typed, and searches; per IP and per account,
each with a message in German and, for forms, the typed text kept."""

import pytest
from sqlalchemy import select

from forum.extensions import db, limiter
from forum.models import Post

from .factories import make_user
from .search.conftest import index_now

OTHER_IP = {"REMOTE_ADDR": "10.9.8.7"}


@pytest.fixture
def app_config(app_config):
    return {
        **app_config,
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_PREVIEW_PER_ACCOUNT": "2/minute",
        "RATELIMIT_PREVIEW_PER_IP": "100/minute",
        "RATELIMIT_SEARCH_PER_ACCOUNT": "2/minute",
        "RATELIMIT_SEARCH_PER_IP": "3/minute",
        "RATELIMIT_SIMILAR_PER_ACCOUNT": "2/minute",
        "RATELIMIT_SIMILAR_PER_IP": "3/minute",
    }


@pytest.fixture(autouse=True)
def fresh_counters(app):
    limiter.reset()


def _preview(client, forum, text="Entwurf"):
    return client.post(f"/t/{forum.thread.id}/reply", data={"body": text, "preview": "1"})


def test_previews_per_account_are_limited_with_the_text_kept(client, auth, forum):
    auth.login(forum.member)
    for _ in range(2):
        assert "<p>Entwurf</p>" in _preview(client, forum).text
    response = _preview(client, forum, "Mein **langer** Text")
    assert response.status_code == 429
    assert "sehr oft die Vorschau angefordert" in response.text
    assert "Mein **langer** Text" in response.text  # in the text field, not rendered
    assert "<strong>langer</strong>" not in response.text
    # Sending still works: the preview limit is no posting limit.
    sent = client.post(f"/t/{forum.thread.id}/reply", data={"body": "Fertig", "submit": "1"})
    assert sent.status_code == 302


def test_previews_per_ip_are_limited_for_every_account(app, client, auth, forum):
    app.config["RATELIMIT_PREVIEW_PER_IP"] = "2/minute"
    auth.login(forum.member)
    _preview(client, forum)
    auth.logout()
    auth.login(forum.customer)
    _preview(client, forum)
    assert _preview(client, forum).status_code == 429
    other_ip = client.post(
        f"/t/{forum.thread.id}/reply",
        data={"body": "Entwurf", "preview": "1"},
        environ_base=OTHER_IP,
    )
    assert other_ip.status_code == 200


def test_previews_of_edits_and_new_threads_count_too(client, auth, forum):
    auth.login(forum.author)
    post = db.session.scalar(select(Post).where(Post.thread_id == forum.thread.id))
    client.post(f"/p/{post.id}/edit", data={"body": "Neu", "preview": "1"})
    client.post(
        f"/b/{forum.board.slug}/new", data={"title": "Router rot", "body": "x", "preview": "1"}
    )
    edit = client.post(f"/p/{post.id}/edit", data={"body": "Neuer Text", "preview": "1"})
    assert edit.status_code == 429 and "Neuer Text" in edit.text
    new = client.post(
        f"/b/{forum.board.slug}/new", data={"title": "Router rot", "body": "y", "preview": "1"}
    )
    assert new.status_code == 429 and "Vorschau angefordert" in new.text
    assert 'value="Router rot"' in new.text


def test_searches_per_account_answer_with_the_results_page_and_429(client, auth, forum):
    index_now()
    auth.login(forum.member)
    for _ in range(2):
        assert client.get("/search", query_string={"q": "Router"}).status_code == 200
    response = client.get("/search", query_string={"q": "Gewitter"})
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    assert "sehr oft gesucht" in response.text
    assert 'value="Gewitter"' in response.text  # the search form keeps the words
    assert "Router blinkt rot" not in response.text
    # The empty search page costs nothing and is not counted.
    assert client.get("/search").status_code == 200


def test_searches_per_ip_limit_guests(client, forum):
    index_now()
    for _ in range(3):
        assert client.get("/search", query_string={"q": "Router"}).status_code == 200
    assert client.get("/search", query_string={"q": "Router"}).status_code == 429
    other_ip = client.get("/search", query_string={"q": "Router"}, environ_base=OTHER_IP)
    assert other_ip.status_code == 200


def test_similar_thread_lookups_are_limited_per_account(client, auth, forum):
    index_now()
    auth.login(forum.member)
    for _ in range(2):
        response = client.get("/search/similar", query_string={"title": "Router rot"})
        assert response.json["threads"]
    response = client.get("/search/similar", query_string={"title": "Router rot"})
    assert response.status_code == 429
    assert response.json["threads"] == []
    assert "sehr oft gesucht" in response.json["message"]


def test_similar_thread_lookups_are_limited_per_ip(client, forum):
    index_now()
    for _ in range(3):
        client.get("/search/similar", query_string={"title": "Router rot"})
    assert client.get("/search/similar", query_string={"title": "Router"}).status_code == 429
    other_ip = client.get(
        "/search/similar", query_string={"title": "Router rot"}, environ_base=OTHER_IP
    )
    assert other_ip.status_code == 200


def test_the_new_limits_are_admin_settings(client, auth):
    admin = make_user("chefin", admin=True)
    auth.login(admin)
    page = client.get("/admin/settings").text
    for key in (
        "RATELIMIT_PREVIEW_PER_ACCOUNT",
        "RATELIMIT_PREVIEW_PER_IP",
        "RATELIMIT_SEARCH_PER_ACCOUNT",
        "RATELIMIT_SEARCH_PER_IP",
        "RATELIMIT_SIMILAR_PER_ACCOUNT",
        "RATELIMIT_SIMILAR_PER_IP",
    ):
        assert f'name="{key}"' in page
