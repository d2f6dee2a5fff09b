"""Rows of the support workflow: who is affected, who follows, who owns a case."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow


class ThreadAffected(db.Model):
    """One "I have the same problem" per person and thread."""

    __tablename__ = "thread_affected"

    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    thread: Mapped["Thread"] = relationship()  # noqa: F821
    user: Mapped["User"] = relationship()  # noqa: F821


class Subscription(db.Model):
    """A person follows a thread, or has muted it (then nothing about it reaches them,
    and writing in it does not follow it again)."""

    __tablename__ = "subscriptions"
    __table_args__ = (Index("ix_subscriptions_thread", "thread_id", "muted"),)

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id"), primary_key=True)
    muted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CaseAssignment(db.Model):
    """Who owned a case, from when to when: the hand-over history of a thread."""

    __tablename__ = "case_assignments"
    __table_args__ = (Index("ix_case_assignments_thread", "thread_id", "assigned_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    assigned_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    assigned_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    thread: Mapped["Thread"] = relationship()  # noqa: F821
    staff: Mapped["User"] = relationship(foreign_keys=[staff_id])  # noqa: F821
    assigned_by: Mapped["User"] = relationship(foreign_keys=[assigned_by_id])  # noqa: F821


class StaffNote(db.Model):
    """An internal remark on a thread (ticket number, hand-over) that only staff see."""

    __tablename__ = "staff_notes"
    __table_args__ = (Index("ix_staff_notes_thread", "thread_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped["User"] = relationship()  # noqa: F821
