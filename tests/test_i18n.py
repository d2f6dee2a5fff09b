from datetime import timedelta

from forum.extensions import db
from forum.models import utcnow

from .factories import make_user


def test_german_is_the_default(client, forum):
    page = client.get("/").text
    assert '<html lang="de">' in page
    assert "Anmelden" in page


def test_browser_language_english_is_honoured(client, forum):
    page = client.get("/", headers={"Accept-Language": "en-US,en;q=0.9"}).text
    assert '<html lang="en">' in page
    assert "Log in" in page


def test_unsupported_browser_language_falls_back_to_german(client, forum):
    assert '<html lang="de">' in client.get("/", headers={"Accept-Language": "fr"}).text


def test_footer_switch_sets_language_for_guests(client, forum):
    response = client.post("/language", data={"language": "en", "next": "/b/dsl-festnetz"})
    assert response.headers["Location"] == "/b/dsl-festnetz"
    assert '<html lang="en">' in client.get("/").text
    client.post("/language", data={"language": "de", "next": "/"})
    assert '<html lang="de">' in client.get("/", headers={"Accept-Language": "en"}).text


def test_language_switch_ignores_foreign_next(client, forum):
    response = client.post("/language", data={"language": "en", "next": "https://evil.example"})
    assert response.headers["Location"] == "/"


def test_saved_user_setting_wins_over_browser(client, auth, app):
    user = make_user("anna", locale="en")
    auth.login(user)
    assert '<html lang="en">' in client.get("/", headers={"Accept-Language": "de"}).text


def test_switch_is_saved_for_logged_in_people(client, auth, app):
    user = make_user("anna")
    auth.login(user)
    client.post("/language", data={"language": "en", "next": "/"})
    db.session.refresh(user)
    assert user.locale == "en"


def test_dates_are_localised(client, forum):
    forum.thread.created_at = utcnow() - timedelta(hours=3, minutes=5)
    forum.thread.last_post_at = forum.thread.created_at
    db.session.commit()
    german = client.get("/b/dsl-festnetz").text
    assert "vor 3 Stunden" in german
    english = client.get("/b/dsl-festnetz", headers={"Accept-Language": "en"}).text
    assert "3 hours ago" in english


def test_numbers_are_localised(client, forum):
    forum.board.post_count = 12345
    db.session.commit()
    assert "12.345" in client.get("/").text
    assert "12,345" in client.get("/", headers={"Accept-Language": "en"}).text


def test_member_since_date_in_german_format(client, forum):
    forum.member.created_at = utcnow().replace(year=2026, month=11, day=21, hour=12)
    db.session.commit()
    assert "21.11.2026" in client.get("/u/mitglied").text
