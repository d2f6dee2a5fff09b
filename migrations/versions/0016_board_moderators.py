"""moderators of single boards

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-22 02:45:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "board_moderators",
        sa.Column("board_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("assigned_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["assigned_by_id"], ["users.id"], name=op.f("fk_board_moderators_assigned_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["board_id"], ["boards.id"], name=op.f("fk_board_moderators_board_id_boards")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_board_moderators_user_id_users")
        ),
        sa.PrimaryKeyConstraint("board_id", "user_id", name=op.f("pk_board_moderators")),
    )
    with op.batch_alter_table("board_moderators", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_board_moderators_user_id"), ["user_id"], unique=False)
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("is_board_moderator", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("is_board_moderator")
    with op.batch_alter_table("board_moderators", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_board_moderators_user_id"))
    op.drop_table("board_moderators")
