"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-21 20:55:19.767635

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_categories")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("username_canonical", sa.String(length=64), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=True),
        sa.Column("bio", sa.Text(), nullable=True),
        sa.Column("locale", sa.String(length=8), nullable=True),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("is_moderator", sa.Boolean(), nullable=False),
        sa.Column("post_count", sa.Integer(), nullable=False),
        sa.Column("session_nonce", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
        sa.UniqueConstraint("username_canonical", name=op.f("uq_users_username_canonical")),
    )
    op.create_table(
        "boards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("slug", sa.String(length=140), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("visibility", sa.String(length=16), nullable=False),
        sa.Column("posting_policy", sa.String(length=16), nullable=False),
        sa.Column("is_support", sa.Boolean(), nullable=False),
        sa.Column("thread_count", sa.Integer(), nullable=False),
        sa.Column("post_count", sa.Integer(), nullable=False),
        sa.Column("last_post_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["category_id"], ["categories.id"], name=op.f("fk_boards_category_id_categories")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_boards")),
        sa.UniqueConstraint("slug", name=op.f("uq_boards_slug")),
    )
    with op.batch_alter_table("boards", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_boards_category_id"), ["category_id"], unique=False)

    op.create_table(
        "customer_verifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("customer_number", sa.String(length=64), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("verified_by_id", sa.Integer(), nullable=True),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_by_id", sa.Integer(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["revoked_by_id"],
            ["users.id"],
            name=op.f("fk_customer_verifications_revoked_by_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_customer_verifications_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["verified_by_id"],
            ["users.id"],
            name=op.f("fk_customer_verifications_verified_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_verifications")),
    )
    with op.batch_alter_table("customer_verifications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_customer_verifications_user_id"), ["user_id"], unique=False
        )

    op.create_table(
        "staff_verifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("team", sa.String(length=120), nullable=False),
        sa.Column("is_team_account", sa.Boolean(), nullable=False),
        sa.Column("verified_by_id", sa.Integer(), nullable=True),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_by_id", sa.Integer(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["revoked_by_id"], ["users.id"], name=op.f("fk_staff_verifications_revoked_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_staff_verifications_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["verified_by_id"],
            ["users.id"],
            name=op.f("fk_staff_verifications_verified_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_verifications")),
    )
    with op.batch_alter_table("staff_verifications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staff_verifications_user_id"), ["user_id"], unique=False
        )

    op.create_table(
        "threads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("board_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column("is_pinned", sa.Boolean(), nullable=False),
        sa.Column("is_locked", sa.Boolean(), nullable=False),
        sa.Column("post_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_post_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("first_post_id", sa.Integer(), nullable=True),
        sa.Column("last_post_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_threads_author_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["board_id"], ["boards.id"], name=op.f("fk_threads_board_id_boards")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_threads")),
    )
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_threads_author_id"), ["author_id"], unique=False)
        batch_op.create_index(
            "ix_threads_board_listing",
            ["board_id", "is_pinned", "last_post_at", "id"],
            unique=False,
        )

    op.create_table(
        "posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("body_source", sa.Text(), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"], name=op.f("fk_posts_author_id_users")),
        sa.ForeignKeyConstraint(
            ["thread_id"], ["threads.id"], name=op.f("fk_posts_thread_id_threads")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posts")),
    )
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.create_index("ix_posts_author_order", ["author_id", "id"], unique=False)
        batch_op.create_index("ix_posts_thread_order", ["thread_id", "id"], unique=False)

    # Boards and threads point at posts, which point back at threads: these
    # foreign keys can only be added once all three tables exist.
    with op.batch_alter_table("boards", schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f("fk_boards_last_post_id_posts"),
            "posts",
            ["last_post_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f("fk_threads_first_post_id_posts"),
            "posts",
            ["first_post_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_threads_last_post_id_posts"),
            "posts",
            ["last_post_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade():
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_threads_last_post_id_posts"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_threads_first_post_id_posts"), type_="foreignkey")
    with op.batch_alter_table("boards", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_boards_last_post_id_posts"), type_="foreignkey")
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.drop_index("ix_posts_thread_order")
        batch_op.drop_index("ix_posts_author_order")

    op.drop_table("posts")
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.drop_index("ix_threads_board_listing")
        batch_op.drop_index(batch_op.f("ix_threads_author_id"))

    op.drop_table("threads")
    with op.batch_alter_table("staff_verifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_verifications_user_id"))

    op.drop_table("staff_verifications")
    with op.batch_alter_table("customer_verifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_verifications_user_id"))

    op.drop_table("customer_verifications")
    with op.batch_alter_table("boards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_boards_category_id"))

    op.drop_table("boards")
    op.drop_table("users")
    op.drop_table("categories")
