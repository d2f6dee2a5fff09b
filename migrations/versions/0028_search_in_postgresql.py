"""search in PostgreSQL: searchable text of threads and posts, title vocabulary

The PostgreSQL search backend (FORUM_SEARCH_BACKEND=postgresql) keeps its index in
these tables, GIN-indexed; on SQLite they exist but stay empty. Filling them is
`flask forum reindex`, run once after switching to that backend.

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-10 10:00:00

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import TSVECTOR

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None

DOCUMENT = sa.Text().with_variant(TSVECTOR(), "postgresql")


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        # Trusted since PostgreSQL 13: the database owner may create it.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_table(
        "search_threads",
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("document", DOCUMENT, nullable=False),
        sa.ForeignKeyConstraint(
            ["thread_id"],
            ["threads.id"],
            name=op.f("fk_search_threads_thread_id_threads"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("thread_id", name=op.f("pk_search_threads")),
    )
    op.create_index(
        "ix_search_threads_document", "search_threads", ["document"], postgresql_using="gin"
    )
    op.create_table(
        "search_posts",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("document", DOCUMENT, nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["posts.id"],
            name=op.f("fk_search_posts_post_id_posts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["thread_id"],
            ["threads.id"],
            name=op.f("fk_search_posts_thread_id_threads"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("post_id", name=op.f("pk_search_posts")),
    )
    op.create_index(op.f("ix_search_posts_thread_id"), "search_posts", ["thread_id"])
    op.create_index(
        "ix_search_posts_document", "search_posts", ["document"], postgresql_using="gin"
    )
    op.create_table(
        "search_words",
        sa.Column("word", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("word", name=op.f("pk_search_words")),
    )
    op.create_index(
        "ix_search_words_trigrams",
        "search_words",
        ["word"],
        postgresql_using="gin",
        postgresql_ops={"word": "gin_trgm_ops"},
    )


def downgrade():
    op.drop_table("search_words")
    op.drop_table("search_posts")
    op.drop_table("search_threads")
