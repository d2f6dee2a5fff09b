"""names that imitate staff, listed for moderators

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-03 17:06:13

"""

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "name_imitations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("found_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("handled_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["handled_by_id"], ["users.id"], name=op.f("fk_name_imitations_handled_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["users.id"], name=op.f("fk_name_imitations_staff_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_name_imitations_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_name_imitations")),
        sa.UniqueConstraint("user_id", "staff_id", name="uq_name_imitations_user_staff"),
    )
    with op.batch_alter_table("name_imitations", schema=None) as batch_op:
        batch_op.create_index("ix_name_imitations_open", ["handled_at", "id"], unique=False)


def downgrade():
    with op.batch_alter_table("name_imitations", schema=None) as batch_op:
        batch_op.drop_index("ix_name_imitations_open")
    op.drop_table("name_imitations")
