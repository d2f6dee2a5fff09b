"""Titles and names are one line: no line breaks, control or bidirectional characters,
whichever way they are written (form, command line, service) and also in old rows."""

import pytest
from flask_migrate import upgrade
from sqlalchemy import select, text

from forum import create_app
from forum.auth import services
from forum.extensions import db
from forum.models import Board, Category, Thread, User
from forum.text import single_line

from .factories import PASSWORD, make_board, make_thread, make_user
from .test_migrations import MIGRATIONS


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Router\r\nSet-Cookie: x=1", "Router Set-Cookie: x=1"),
        ("WLAN\tbricht ab", "WLAN bricht ab"),
        ("Kein\x0bInternet\x1b[31m", "Kein Internet [31m"),
        ("Rechnung \u2028 falsch", "Rechnung falsch"),
        ("Vertrag \u202egnudnuK\u202c", "Vertrag gnudnuK"),
        ("Isoliert \u2066abc\u2069", "Isoliert abc"),
        ("  Zwei  Leerzeichen bleiben  ", "Zwei  Leerzeichen bleiben"),
        ("Umlaute äöü und Emoji 👩\u200d💻", "Umlaute äöü und Emoji 👩\u200d💻"),
    ],
)
def test_single_line_cleans_breaks_and_controls(typed, stored):
    assert single_line(typed) == stored


def test_new_thread_title_is_stored_on_one_line(client, forum, auth):
    auth.login(forum.member)
    response = client.post(
        "/b/dsl-festnetz/new",
        data={"title": "Router blinkt\r\nSet-Cookie: a=b", "body": "Seit gestern.", "submit": "1"},
    )
    assert response.status_code == 302
    thread = db.session.scalars(select(Thread).order_by(Thread.id.desc())).first()
    assert thread.title == "Router blinkt Set-Cookie: a=b"


def test_title_of_only_controls_is_refused_next_to_the_field(client, forum, auth):
    auth.login(forum.member)
    response = client.post(
        "/b/dsl-festnetz/new", data={"title": "\r\n\t\r\n", "body": "Mein Text", "submit": "1"}
    )
    assert response.status_code == 200
    assert "Mein Text" in response.text
    assert db.session.scalar(select(db.func.count()).select_from(Thread)) == 1


def test_display_name_loses_line_breaks_and_bidi_controls(client, auth):
    user = make_user("anna")
    auth.login(user)
    response = client.post(
        "/account/profile",
        data={"display_name": "Anna\n\u202eSchmidt", "bio": "Zeile 1\nZeile 2", "locale": "de"},
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.display_name == "Anna Schmidt"
    assert user.bio == "Zeile 1\nZeile 2"  # more than one line is fine where it belongs


def test_passwords_are_taken_verbatim(client, auth):
    user = make_user("anna")
    auth.login(user)
    new_password = " Neue\tblaue Fahrräder\r\nrollen "
    response = client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "password": new_password,
            "password_confirm": new_password,
        },
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert services.password_matches(user, new_password)


def test_names_written_outside_forms_are_one_line_too(app, runner):
    result = runner.invoke(args=["forum", "create-board", "Technik\nund mehr", "Glas\r\nfaser"])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(Category.name)) == "Technik und mehr"
    assert db.session.scalar(select(Board.name)) == "Glas faser"
    thread = make_thread(make_board(), make_user(), "Titel\x00mit\x07Steuerzeichen")
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(Thread, thread.id).title == "Titel mit Steuerzeichen"


def test_migration_cleans_existing_titles_and_names(scratch_database_url):
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": scratch_database_url})
    with app.app_context():
        upgrade(directory=MIGRATIONS, revision="0022")
        statements = [
            "INSERT INTO users (id, username, username_canonical, email, password_hash, is_admin,"
            " is_moderator, post_count, session_nonce, created_at, display_name) VALUES"
            " (1, 'kunde', 'kunde', 'k@x.org', 'x', false, false, 0, 'n1',"
            " '2026-01-01 08:00:00', :display_name)",
            "INSERT INTO categories (id, name, position) VALUES (1, :category, 0)",
            "INSERT INTO boards (id, category_id, name, slug, description, position, visibility,"
            " posting_policy, is_support, thread_count, post_count)"
            " VALUES (1, 1, 'B', 'b', 'Zeile 1\nZeile 2', 0, 'public', 'members', true, 2, 2)",
            "INSERT INTO threads (id, board_id, author_id, title, slug, is_pinned, is_locked,"
            " post_count, created_at, last_post_at, status, affected_count) VALUES"
            " (1, 1, 1, :title, 't', false, false, 1, '2026-01-02 10:00:00',"
            " '2026-01-02 10:00:00', 'open', 0),"
            " (2, 1, 1, 'Sauber', 's', false, false, 1, '2026-01-02 10:00:00',"
            " '2026-01-02 10:00:00', 'open', 0)",
            "INSERT INTO site_settings (key, value, updated_at)"
            " VALUES ('FORUM_TITLE', :forum_title, '2026-01-01 08:00:00')",
        ]
        values = {
            "display_name": "Anna\r\n\u202eSchmidt",
            "category": "Technik\n",
            "title": "Router\r\nSet-Cookie: x",
            "forum_title": '"Hilfe\\nForum"',
        }
        for statement in statements:
            db.session.execute(text(statement), values)
        db.session.commit()
        upgrade(directory=MIGRATIONS)
        assert db.session.scalar(text("SELECT display_name FROM users")) == "Anna Schmidt"
        assert db.session.scalar(text("SELECT name FROM categories")) == "Technik"
        assert db.session.scalar(text("SELECT description FROM boards")) == "Zeile 1\nZeile 2"
        titles = db.session.execute(text("SELECT id, title FROM threads ORDER BY id")).all()
        assert [tuple(row) for row in titles] == [(1, "Router Set-Cookie: x"), (2, "Sauber")]
        assert db.session.scalar(text("SELECT value FROM site_settings")) == '"Hilfe Forum"'
        queued = db.session.execute(text("SELECT kind, target_id FROM outbox")).all()
        assert [tuple(row) for row in queued] == [("search.thread", 1)]
        db.session.remove()
        db.engine.dispose()


def test_user_model_column_is_one_line(app):
    user = make_user("anna", display_name="Anna\nSchmidt")
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(User, user.id).display_name == "Anna Schmidt"
