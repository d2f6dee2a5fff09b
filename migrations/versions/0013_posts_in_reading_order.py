"""posts of a thread in reading order (by time), for merged threads

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-22 02:15:00

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.create_index("ix_posts_thread_time", ["thread_id", "created_at", "id"])
        batch_op.drop_index("ix_posts_thread_order")


def downgrade():
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.create_index("ix_posts_thread_order", ["thread_id", "id"])
        batch_op.drop_index("ix_posts_thread_time")
