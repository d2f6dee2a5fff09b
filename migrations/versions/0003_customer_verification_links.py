"""customer verification links

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 22:02:34.358784

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "customer_link_uses",
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_customer_link_uses_user_id_users")
        ),
        sa.PrimaryKeyConstraint("fingerprint", name=op.f("pk_customer_link_uses")),
    )
    with op.batch_alter_table("customer_verifications", schema=None) as batch_op:
        batch_op.create_index(
            "uq_customer_verifications_active",
            ["user_id"],
            unique=True,
            sqlite_where=sa.text("revoked_at IS NULL"),
            postgresql_where=sa.text("revoked_at IS NULL"),
        )


def downgrade():
    with op.batch_alter_table("customer_verifications", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_customer_verifications_active",
            sqlite_where=sa.text("revoked_at IS NULL"),
            postgresql_where=sa.text("revoked_at IS NULL"),
        )

    op.drop_table("customer_link_uses")
