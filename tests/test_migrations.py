from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import text

from forum import PROJECT_ROOT, create_app
from forum.extensions import db

MIGRATIONS = str(PROJECT_ROOT / "migrations")


def test_migrations_build_exactly_the_models(app):
    """The schema built by `flask db upgrade` has nothing more or less than the models."""
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_support_migration_backfills_existing_questions(scratch_database_url):
    """Threads written before the support workflow get status and staff timings."""
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": scratch_database_url})
    with app.app_context():
        upgrade(directory=MIGRATIONS, revision="0001")
        statements = [
            "INSERT INTO users (id, username, username_canonical, email, password_hash, is_admin,"
            " is_moderator, post_count, session_nonce, created_at) VALUES"
            " (1, 'kunde', 'kunde', 'k@x.org', 'x', false, false, 0, 'n1', '2026-01-01 08:00:00'),"
            " (2, 'jana', 'jana', 'j@x.org', 'x', false, false, 0, 'n2', '2026-01-01 08:00:00')",
            "INSERT INTO staff_verifications (user_id, title, team, is_team_account, verified_at)"
            " VALUES (2, 'Service', 'Team', false, '2026-01-01 08:00:00')",
            "INSERT INTO categories (id, name, position) VALUES (1, 'K', 0)",
            "INSERT INTO boards (id, category_id, name, slug, description, position, visibility,"
            " posting_policy, is_support, thread_count, post_count)"
            " VALUES (1, 1, 'B', 'b', '', 0, 'public', 'members', true, 2, 4)",
            "INSERT INTO threads (id, board_id, author_id, title, slug, is_pinned, is_locked,"
            " post_count, created_at, last_post_at) VALUES"
            " (1, 1, 1, 'Frage eins', 'f1', false, false, 3, '2026-01-02 10:00:00',"
            " '2026-01-02 15:00:00'),"
            " (2, 1, 1, 'Frage zwei', 'f2', false, false, 1, '2026-01-03 10:00:00',"
            " '2026-01-03 10:00:00')",
            "INSERT INTO posts (id, thread_id, author_id, body_source, body_html, created_at)"
            " VALUES"
            " (1, 1, 1, 'q', 'q', '2026-01-02 10:00:00'),"
            " (2, 1, 2, 'a', 'a', '2026-01-02 12:30:00'),"
            " (3, 1, 1, 'd', 'd', '2026-01-02 15:00:00'),"
            " (4, 2, 1, 'q', 'q', '2026-01-03 10:00:00')",
        ]
        for statement in statements:
            db.session.execute(text(statement))
        db.session.commit()
        upgrade(directory=MIGRATIONS)
        rows = db.session.execute(
            text(
                "SELECT id, status, first_staff_reply_seconds, affected_count FROM threads"
                " ORDER BY id"
            )
        ).all()
        assert [tuple(row) for row in rows] == [(1, "answered", 9000, 0), (2, "open", None, 0)]
        db.session.remove()
        db.engine.dispose()
