"""threads closed as duplicates of others

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-22 01:18:45.432431

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.add_column(sa.Column("duplicate_of_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("duplicate_count", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_threads_duplicate_of_id_threads"), "threads", ["duplicate_of_id"], ["id"]
        )


def downgrade():
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_threads_duplicate_of_id_threads"), type_="foreignkey"
        )
        batch_op.drop_column("duplicate_count")
        batch_op.drop_column("duplicate_of_id")
