"""SQLite: board and category ids are never handed out twice

Admins delete empty boards and categories now; their ids stay in the audit log,
and SQLite without AUTOINCREMENT would give them to the next new row, so old
entries would link to another board. PostgreSQL's sequences never reuse ids.

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-22 06:05:00

"""

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

HIGHEST_IDS = {
    "categories": "SELECT max(m) FROM (SELECT max(id) AS m FROM categories"
    " UNION ALL SELECT max(target_id) FROM audit_log WHERE target_type = 'category')",
    "boards": "SELECT max(m) FROM (SELECT max(id) AS m FROM boards"
    " UNION ALL SELECT max(target_id) FROM audit_log WHERE target_type = 'board')",
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
