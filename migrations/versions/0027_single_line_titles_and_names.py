"""single-line titles and names: line breaks and control characters cleaned

Titles and names are shown on one line, in mail subjects and in logs. Rows written
before the forum refused line breaks, control and bidirectional characters in them are
cleaned the way new input is (forum.text.single_line, repeated here so that this
revision stays what it was). Threads whose title changed are queued for the search
index.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-03 17:10:00

"""

import json
import re
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

BREAKING = "\x00-\x1f\x7f-\x9f\u2028\u2029"
BREAKING_RUN = re.compile(rf"[\s{BREAKING}]+")
IS_BREAKING = re.compile(rf"[{BREAKING}]")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

COLUMNS = {
    "categories": ("id", ["name"]),
    "boards": ("id", ["name"]),
    "threads": ("id", ["title"]),
    "incidents": ("id", ["title", "products"]),
    "users": ("id", ["display_name"]),
    "staff_verifications": ("user_id", ["title", "team"]),
}
SETTINGS = ("FORUM_TITLE", "COMPANY_NAME")
BATCH = 1000


def single_line(text: str) -> str:
    text = BIDI_CONTROLS.sub("", text)
    text = BREAKING_RUN.sub(
        lambda run: " " if IS_BREAKING.search(run.group()) else run.group(), text
    )
    return text.strip()


def upgrade():
    connection = op.get_bind()
    changed_threads = []
    for table_name, (key, columns) in COLUMNS.items():
        table = sa.table(table_name, sa.column(key), *(sa.column(name) for name in columns))
        last = None
        while True:
            query = sa.select(table).order_by(table.c[key]).limit(BATCH)
            if last is not None:
                query = query.where(table.c[key] > last)
            rows = connection.execute(query).all()
            if not rows:
                break
            last = rows[-1][0]
            for row in rows:
                values = row._mapping
                cleaned = {
                    name: single_line(values[name])
                    for name in columns
                    if values[name] is not None and single_line(values[name]) != values[name]
                }
                if cleaned:
                    connection.execute(
                        table.update().where(table.c[key] == values[key]).values(**cleaned)
                    )
                    if table_name == "threads":
                        changed_threads.append(values[key])
    _clean_settings(connection)
    _queue_for_search(connection, changed_threads)


def _clean_settings(connection):
    settings = sa.table("site_settings", sa.column("key"), sa.column("value"))
    for key, value in connection.execute(
        sa.select(settings.c.key, settings.c.value).where(settings.c.key.in_(SETTINGS))
    ):
        text = json.loads(value)
        if isinstance(text, str) and single_line(text) != text:
            connection.execute(
                settings.update()
                .where(settings.c.key == key)
                .values(value=json.dumps(single_line(text)))
            )


def _queue_for_search(connection, thread_ids):
    if not thread_ids:
        return
    outbox = sa.table(
        "outbox",
        sa.column("kind"),
        sa.column("target_id"),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("due_at", sa.DateTime(timezone=True)),
        sa.column("attempts"),
    )
    now = datetime.now(UTC)
    connection.execute(
        outbox.insert(),
        [
            {
                "kind": "search.thread",
                "target_id": thread_id,
                "created_at": now,
                "due_at": now,
                "attempts": 0,
            }
            for thread_id in thread_ids
        ],
    )


def downgrade():
    pass  # the removed characters are not kept anywhere
