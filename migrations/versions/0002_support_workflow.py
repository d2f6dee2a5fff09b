"""support workflow

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 21:36:52.816639

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "case_assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("assigned_by_id", sa.Integer(), nullable=False),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["assigned_by_id"], ["users.id"], name=op.f("fk_case_assignments_assigned_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["users.id"], name=op.f("fk_case_assignments_staff_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["thread_id"], ["threads.id"], name=op.f("fk_case_assignments_thread_id_threads")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_assignments")),
    )
    with op.batch_alter_table("case_assignments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_case_assignments_thread", ["thread_id", "assigned_at"], unique=False
        )

    op.create_table(
        "subscriptions",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["thread_id"], ["threads.id"], name=op.f("fk_subscriptions_thread_id_threads")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_subscriptions_user_id_users")
        ),
        sa.PrimaryKeyConstraint("user_id", "thread_id", name=op.f("pk_subscriptions")),
    )
    op.create_table(
        "thread_affected",
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["thread_id"], ["threads.id"], name=op.f("fk_thread_affected_thread_id_threads")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_thread_affected_user_id_users")
        ),
        sa.PrimaryKeyConstraint("thread_id", "user_id", name=op.f("pk_thread_affected")),
    )
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("status", sa.String(length=16), nullable=False, server_default="open")
        )
        batch_op.add_column(sa.Column("solution_post_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("first_staff_reply_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("first_staff_reply_seconds", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("last_staff_reply_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("last_asker_post_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("waiting_since", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("affected_count", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("case_manager_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            "ix_threads_case_manager", ["case_manager_id", "status"], unique=False
        )
        batch_op.create_index("ix_threads_board_status", ["board_id", "status"], unique=False)
        batch_op.create_index(
            "ix_threads_support_queue",
            ["first_staff_reply_at", "status", "created_at"],
            unique=False,
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_threads_case_manager_id_users"), "users", ["case_manager_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_threads_solution_post_id_posts"),
            "posts",
            ["solution_post_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("staff_verifications", schema=None) as batch_op:
        batch_op.create_index(
            "uq_staff_verifications_active",
            ["user_id"],
            unique=True,
            sqlite_where=sa.text("revoked_at IS NULL"),
            postgresql_where=sa.text("revoked_at IS NULL"),
        )

    _backfill_support_fields()


def _backfill_support_fields():
    """Existing questions get the status and staff timings their posts imply."""
    if op.get_bind().dialect.name == "postgresql":
        seconds = "CAST(EXTRACT(EPOCH FROM (first_staff_reply_at - created_at)) AS INTEGER)"
    else:
        seconds = (
            "CAST((julianday(first_staff_reply_at) - julianday(created_at)) * 86400 AS INTEGER)"
        )
    staff_posts = (
        "SELECT p.created_at FROM posts p JOIN staff_verifications s ON s.user_id = p.author_id "
        "AND s.revoked_at IS NULL WHERE p.thread_id = threads.id AND p.author_id <> threads.author_id"
    )
    op.execute(
        f"UPDATE threads SET first_staff_reply_at = ({staff_posts} ORDER BY p.created_at LIMIT 1), "
        f"last_staff_reply_at = ({staff_posts} ORDER BY p.created_at DESC LIMIT 1), "
        "last_asker_post_at = (SELECT MAX(p.created_at) FROM posts p "
        "WHERE p.thread_id = threads.id AND p.author_id = threads.author_id)"
    )
    op.execute(
        f"UPDATE threads SET first_staff_reply_seconds = {seconds} WHERE first_staff_reply_at IS NOT NULL"
    )
    op.execute(
        "UPDATE threads SET waiting_since = CASE WHEN last_staff_reply_at IS NULL THEN created_at "
        "ELSE (SELECT MIN(p.created_at) FROM posts p WHERE p.thread_id = threads.id "
        "AND p.author_id = threads.author_id AND p.created_at > threads.last_staff_reply_at) END"
    )
    op.execute(
        "UPDATE threads SET status = 'answered' WHERE EXISTS (SELECT 1 FROM posts p "
        "WHERE p.thread_id = threads.id AND p.author_id <> threads.author_id) "
        "AND board_id IN (SELECT id FROM boards WHERE is_support)"
    )


def downgrade():
    with op.batch_alter_table("staff_verifications", schema=None) as batch_op:
        batch_op.drop_index("uq_staff_verifications_active")
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_threads_solution_post_id_posts"), type_="foreignkey"
        )
        batch_op.drop_constraint(batch_op.f("fk_threads_case_manager_id_users"), type_="foreignkey")
        batch_op.drop_index("ix_threads_support_queue")
        batch_op.drop_index("ix_threads_case_manager")
        batch_op.drop_index("ix_threads_board_status")
        batch_op.drop_column("case_manager_id")
        batch_op.drop_column("affected_count")
        batch_op.drop_column("waiting_since")
        batch_op.drop_column("last_asker_post_at")
        batch_op.drop_column("last_staff_reply_at")
        batch_op.drop_column("first_staff_reply_seconds")
        batch_op.drop_column("first_staff_reply_at")
        batch_op.drop_column("solution_post_id")
        batch_op.drop_column("status")

    op.drop_table("thread_affected")
    op.drop_table("subscriptions")
    with op.batch_alter_table("case_assignments", schema=None) as batch_op:
        batch_op.drop_index("ix_case_assignments_thread")

    op.drop_table("case_assignments")
