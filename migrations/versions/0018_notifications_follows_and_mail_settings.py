"""notifications, follows and mail settings

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-22 03:05:58.894859

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "mail_preferences",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("event", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_mail_preferences_user_id_users")
        ),
        sa.PrimaryKeyConstraint("user_id", "event", name=op.f("pk_mail_preferences")),
    )
    op.create_table(
        "board_subscriptions",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("board_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["board_id"], ["boards.id"], name=op.f("fk_board_subscriptions_board_id_boards")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_board_subscriptions_user_id_users")
        ),
        sa.PrimaryKeyConstraint("user_id", "board_id", name=op.f("pk_board_subscriptions")),
    )
    with op.batch_alter_table("board_subscriptions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_board_subscriptions_board_id"), ["board_id"], unique=False
        )

    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("event", sa.String(length=20), nullable=False),
        sa.Column("bundle", sa.String(length=20), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=True),
        sa.Column("post_id", sa.Integer(), nullable=True),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=True),
        sa.Column("detail", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("mailed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["users.id"], name=op.f("fk_notifications_actor_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["thread_id"],
            ["threads.id"],
            name=op.f("fk_notifications_thread_id_threads"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_notifications_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.create_index(
            "ix_notifications_unread_group",
            ["user_id", "thread_id", "bundle", "read_at"],
            unique=False,
        )
        batch_op.create_index(
            "ix_notifications_user", ["user_id", "updated_at", "id"], unique=False
        )

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("actor_id", sa.Integer(), nullable=True))

    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notified_at", sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("muted", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.create_index("ix_subscriptions_thread", ["thread_id", "muted"], unique=False)

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("unread_notifications", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("unread_notifications")

    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.drop_index("ix_subscriptions_thread")
        batch_op.drop_column("muted")

    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_column("notified_at")

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("actor_id")

    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index("ix_notifications_user")
        batch_op.drop_index("ix_notifications_unread_group")

    op.drop_table("notifications")
    with op.batch_alter_table("board_subscriptions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_board_subscriptions_board_id"))

    op.drop_table("board_subscriptions")
    op.drop_table("mail_preferences")
