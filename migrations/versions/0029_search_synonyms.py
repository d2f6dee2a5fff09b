"""search synonyms that admins add in the browser

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-04 10:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "search_synonyms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("words", sa.String(length=500), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_search_synonyms_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_synonyms")),
        sqlite_autoincrement=True,
    )


def downgrade():
    op.drop_table("search_synonyms")
