"""accounts and settings: e-mail confirmation, avatars, account deletion, site settings

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-22 05:08:53.667314

"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "site_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["users.id"], name=op.f("fk_site_settings_updated_by_id_users")
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_site_settings")),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email_confirmed_at", sa.DateTime(timezone=True)))
        batch_op.add_column(sa.Column("pending_email", sa.String(length=254)))
        batch_op.add_column(sa.Column("avatar_name", sa.String(length=80)))
        batch_op.add_column(sa.Column("deleted_at", sa.DateTime(timezone=True)))
    # Accounts from before confirmation existed keep writing: their address counts as confirmed.
    op.execute("UPDATE users SET email_confirmed_at = created_at")


def downgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("deleted_at")
        batch_op.drop_column("avatar_name")
        batch_op.drop_column("pending_email")
        batch_op.drop_column("email_confirmed_at")
    op.drop_table("site_settings")
