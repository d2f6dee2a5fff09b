"""addresses of merged threads lead to the thread they were merged into

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-22 02:20:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "thread_redirects",
        sa.Column("old_thread_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["thread_id"], ["threads.id"], name=op.f("fk_thread_redirects_thread_id_threads")
        ),
        sa.PrimaryKeyConstraint("old_thread_id", name=op.f("pk_thread_redirects")),
    )
    with op.batch_alter_table("thread_redirects", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_thread_redirects_thread_id"), ["thread_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("thread_redirects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_thread_redirects_thread_id"))
    op.drop_table("thread_redirects")
