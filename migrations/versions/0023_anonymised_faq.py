"""anonymised FAQ: customer's words without an author, the case it came from

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-03 17:30:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


# SQLite rebuilds the tables to add a foreign key: they keep AUTOINCREMENT (ids are
# never handed out twice, see 0017) and the highest id they ever gave out.
SQLITE_KEEPS_IDS = {"sqlite_autoincrement": True}


def _highest_ids() -> dict:
    if op.get_bind().dialect.name != "sqlite":
        return {}
    rows = op.get_bind().execute(sa.text("SELECT name, seq FROM sqlite_sequence"))
    return {name: seq for name, seq in rows if name in ("threads", "posts")}


def _restore(highest: dict) -> None:
    for table, seq in highest.items():
        current = _highest_ids().get(table, 0)
        op.execute(sa.text("DELETE FROM sqlite_sequence WHERE name = :name").bindparams(name=table))
        op.execute(
            sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES (:name, :seq)").bindparams(
                name=table, seq=max(seq, current)
            )
        )


def upgrade():
    highest = _highest_ids()
    with op.batch_alter_table("posts", schema=None, table_kwargs=SQLITE_KEEPS_IDS) as batch_op:
        batch_op.add_column(
            sa.Column(
                "anonymised_customer", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
    with op.batch_alter_table("threads", schema=None, table_kwargs=SQLITE_KEEPS_IDS) as batch_op:
        batch_op.add_column(
            sa.Column("is_faq", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("faq_case_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("faq_objected_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_threads_faq_case_id"), ["faq_case_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_threads_faq_case_id_threads"),
            "threads",
            ["faq_case_id"],
            ["id"],
            ondelete="SET NULL",
        )
    _restore(highest)
    # Drafts made before: their first post is the customer's question. (Published ones
    # cannot be told from other threads; staff review them by hand.)
    op.execute("UPDATE threads SET is_faq = true WHERE is_faq_draft = true")
    op.execute(
        "UPDATE posts SET anonymised_customer = true WHERE id IN"
        " (SELECT first_post_id FROM threads WHERE is_faq_draft = true)"
    )


def downgrade():
    highest = _highest_ids()
    with op.batch_alter_table("threads", schema=None, table_kwargs=SQLITE_KEEPS_IDS) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_threads_faq_case_id_threads"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_threads_faq_case_id"))
        batch_op.drop_column("faq_objected_at")
        batch_op.drop_column("faq_case_id")
        batch_op.drop_column("is_faq")
    with op.batch_alter_table("posts", schema=None, table_kwargs=SQLITE_KEEPS_IDS) as batch_op:
        batch_op.drop_column("anonymised_customer")
    _restore(highest)
