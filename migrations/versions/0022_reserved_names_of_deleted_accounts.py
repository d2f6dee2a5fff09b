"""reserved names of deleted accounts (kept as a hash)

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-22 06:40:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("former_name_hash", sa.String(length=64)))
        batch_op.create_unique_constraint(
            batch_op.f("uq_users_former_name_hash"), ["former_name_hash"]
        )


def downgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_users_former_name_hash"), type_="unique")
        batch_op.drop_column("former_name_hash")
