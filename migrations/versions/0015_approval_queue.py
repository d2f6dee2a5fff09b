"""posts (and threads) held for a moderator's approval

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-22 02:40:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pending_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_posts_pending", ["pending_at"], unique=False)
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pending_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("held_count", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade():
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.drop_column("held_count")
        batch_op.drop_column("pending_at")
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.drop_index("ix_posts_pending")
        batch_op.drop_column("pending_at")
