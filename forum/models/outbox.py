"""The outbox: side effects of a write, recorded in the write's own transaction."""

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import UTCDateTime, utcnow


class OutboxTask(db.Model):
    """One thing to do after a commit, such as "index thread 12". A task is deleted
    only after its effect is durable, so a crash replays it (effects are idempotent)."""

    __tablename__ = "outbox"
    # Ids are never reused (SQLite would reuse deleted ones without AUTOINCREMENT), so
    # that an id a drainer read always means the same task.
    __table_args__ = (
        Index("ix_outbox_kind_due", "kind", "due_at", "id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    target_id: Mapped[int] = mapped_column(Integer)
    # Who caused it, where the effect depends on that (nobody is told of their own acts).
    actor_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Not before this time: failed tasks are retried later, with growing pauses.
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
