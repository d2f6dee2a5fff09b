"""stored HTML re-rendered by cmark-gfm where it differs

Markdown is rendered once, when a text is saved, and the HTML is stored. This
release renders with cmark-gfm instead of Python-Markdown. Most texts come out
the same; some come out differently (a list right after a line of text, a table
after a line of text, "1)" lists, ~~struck~~ text, Markdown inside a raw HTML
block, table alignment). So that a text looks the same whether it was saved
before or after the upgrade, and the same again once edited, every stored HTML
is rendered again from its source and written where it differs.

This imports the application's renderer on purpose: the stored HTML has to be
exactly what the installed release renders, and the installed release is the
one running this migration (a later release that changes the renderer again
brings its own migration). Mentions link to the accounts they linked to before,
taken from the old HTML, not to whoever holds a name today.

The search index is not touched: the words of a text stay the same, only its
markup changes. Rows are read in batches by id, so memory stays bounded.

Revision ID: 0024
Revises: 0023
Create Date: 2026-11-23 09:00:00

"""

import sqlalchemy as sa
from alembic import op

from forum.posts.markdown import mentioned_accounts, render_with_mentions

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

RENDERED_TABLES = ("posts", "staff_notes", "incidents", "incident_updates")
BATCH = 500


def rerender(connection, batch: int = BATCH) -> int:
    """Renders every stored text again; returns how many rows changed."""
    changed = 0
    for name in RENDERED_TABLES:
        table = sa.table(name, sa.column("id"), sa.column("body_source"), sa.column("body_html"))
        write = (
            sa.update(table)
            .where(table.c.id == sa.bindparam("row_id"))
            .values(body_html=sa.bindparam("html"))
        )
        last_id = 0
        while rows := connection.execute(
            sa.select(table.c.id, table.c.body_source, table.c.body_html)
            .where(table.c.id > last_id)
            .order_by(table.c.id)
            .limit(batch)
        ).all():
            last_id = rows[-1].id
            updates = []
            for row in rows:
                html = render_with_mentions(row.body_source, mentioned_accounts(row.body_html))
                if html != row.body_html:
                    updates.append({"row_id": row.id, "html": html})
            if updates:
                connection.execute(write, updates)
                changed += len(updates)
    return changed


def upgrade():
    rerender(op.get_bind())


def downgrade():
    # The HTML rendered by cmark-gfm is plain sanitized HTML that the earlier
    # release shows as it is; nothing to undo.
    pass
