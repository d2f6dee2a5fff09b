"""private cases, staff notes and bans

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21 22:06:03.548939

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "staff_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("body_source", sa.Text(), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_staff_notes_author_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["thread_id"], ["threads.id"], name=op.f("fk_staff_notes_thread_id_threads")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_notes")),
    )
    with op.batch_alter_table("staff_notes", schema=None) as batch_op:
        batch_op.create_index("ix_staff_notes_thread", ["thread_id", "id"], unique=False)

    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("is_private", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("is_faq_draft", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.create_index("ix_threads_private_cases", ["is_private", "author_id"], unique=False)

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("banned_at", sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("banned_at")
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.drop_index("ix_threads_private_cases")
        batch_op.drop_column("is_faq_draft")
        batch_op.drop_column("is_private")

    with op.batch_alter_table("staff_notes", schema=None) as batch_op:
        batch_op.drop_index("ix_staff_notes_thread")

    op.drop_table("staff_notes")
