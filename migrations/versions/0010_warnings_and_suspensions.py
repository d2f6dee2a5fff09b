"""warnings and suspensions

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-22 01:09:55.366325

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "user_warnings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("moderator_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["moderator_id"], ["users.id"], name=op.f("fk_user_warnings_moderator_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_user_warnings_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_warnings")),
    )
    with op.batch_alter_table("user_warnings", schema=None) as batch_op:
        batch_op.create_index("ix_user_warnings_user", ["user_id", "seen_at"], unique=False)

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ban_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("suspended_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("suspension_reason", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("unseen_warnings", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("unseen_warnings")
        batch_op.drop_column("suspension_reason")
        batch_op.drop_column("suspended_until")
        batch_op.drop_column("ban_reason")

    with op.batch_alter_table("user_warnings", schema=None) as batch_op:
        batch_op.drop_index("ix_user_warnings_user")

    op.drop_table("user_warnings")
