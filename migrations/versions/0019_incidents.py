"""incidents

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-22 03:26:32.905541

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body_source", sa.Text(), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=False),
        sa.Column("severity", sa.String(length=10), nullable=False),
        sa.Column("products", sa.String(length=300), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_incidents_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.create_index("ix_incidents_active", ["resolved_at", "started_at"], unique=False)

    op.create_table(
        "incident_boards",
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("board_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["board_id"], ["boards.id"], name=op.f("fk_incident_boards_board_id_boards")
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_incident_boards_incident_id_incidents")
        ),
        sa.PrimaryKeyConstraint("incident_id", "board_id", name=op.f("pk_incident_boards")),
    )
    op.create_table(
        "incident_followers",
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_followers_incident_id_incidents"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_incident_followers_user_id_users")
        ),
        sa.PrimaryKeyConstraint("incident_id", "user_id", name=op.f("pk_incident_followers")),
    )
    op.create_table(
        "incident_updates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("body_source", sa.Text(), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=False),
        sa.Column("resolves", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_incident_updates_author_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_updates_incident_id_incidents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_updates")),
    )
    with op.batch_alter_table("incident_updates", schema=None) as batch_op:
        batch_op.create_index("ix_incident_updates_incident", ["incident_id", "id"], unique=False)

    # SQLite copies the table for the new foreign key: it keeps AUTOINCREMENT (0017).
    with op.batch_alter_table(
        "threads", schema=None, table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.add_column(sa.Column("incident_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_threads_incident_id_incidents"), "incidents", ["incident_id"], ["id"]
        )


def downgrade():
    with op.batch_alter_table(
        "threads", schema=None, table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_threads_incident_id_incidents"), type_="foreignkey")
        batch_op.drop_column("incident_id")

    with op.batch_alter_table("incident_updates", schema=None) as batch_op:
        batch_op.drop_index("ix_incident_updates_incident")

    op.drop_table("incident_updates")
    op.drop_table("incident_followers")
    op.drop_table("incident_boards")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index("ix_incidents_active")

    op.drop_table("incidents")
