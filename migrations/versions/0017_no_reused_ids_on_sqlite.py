"""SQLite: thread and post ids are never handed out twice

A merged, purged or rejected thread leaves its id in old links, redirects and the
audit log; SQLite without AUTOINCREMENT would give the same id to the next new
row. PostgreSQL's sequences never reuse ids, so only SQLite changes.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-22 03:00:00

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# The highest id each table has ever given out, as far as the data still tells.
HIGHEST_IDS = {
    "threads": "SELECT max(m) FROM (SELECT max(id) AS m FROM threads"
    " UNION ALL SELECT max(old_thread_id) FROM thread_redirects"
    " UNION ALL SELECT max(target_id) FROM audit_log WHERE target_type = 'thread')",
    "posts": "SELECT max(m) FROM (SELECT max(id) AS m FROM posts"
    " UNION ALL SELECT max(target_id) FROM audit_log WHERE target_type = 'post')",
}


def upgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, highest in HIGHEST_IDS.items():
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": True}
        ):
            pass
        op.execute(f"DELETE FROM sqlite_sequence WHERE name = '{table}'")
        op.execute(
            f"INSERT INTO sqlite_sequence (name, seq) SELECT '{table}', coalesce(({highest}), 0)"
        )


def downgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in HIGHEST_IDS:
        with op.batch_alter_table(table, recreate="always"):
            pass
