"""What people follow and what they are told: in-app notifications and their e-mail
settings."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow


class Event(StrEnum):
    """What a notification is about; e-mail settings are per event."""

    REPLY = "reply"  # a reply in a followed thread
    STAFF_REPLY = "staff-reply"  # ... written by verified staff
    NEW_THREAD = "new-thread"  # a new thread in a followed board
    MENTION = "mention"
    SOLUTION = "solution"
    CASE_MANAGER = "case-manager"
    MODERATION = "moderation"  # a moderator acted on my post or thread
    REPORT = "report"  # my report was handled
    INCIDENT = "incident"  # an update or the end of a followed outage
    FAQ_PUBLISHED = "faq-published"  # an anonymised FAQ was made from my case
    FAQ_OBJECTION = "faq-objection"  # the customer objected to an FAQ I published (staff)


class MailMode(StrEnum):
    IMMEDIATELY = "immediately"
    DIGEST = "digest"
    OFF = "off"


# Until a person chooses: told at once about what concerns them, replies once a day.
DEFAULT_MAIL_MODES = {
    Event.REPLY: MailMode.DIGEST,
    Event.STAFF_REPLY: MailMode.IMMEDIATELY,
    Event.NEW_THREAD: MailMode.DIGEST,
    Event.MENTION: MailMode.IMMEDIATELY,
    Event.SOLUTION: MailMode.IMMEDIATELY,
    Event.CASE_MANAGER: MailMode.IMMEDIATELY,
    Event.MODERATION: MailMode.IMMEDIATELY,
    Event.REPORT: MailMode.OFF,
    Event.INCIDENT: MailMode.IMMEDIATELY,
    Event.FAQ_PUBLISHED: MailMode.IMMEDIATELY,
    Event.FAQ_OBJECTION: MailMode.IMMEDIATELY,
}

# Replies, staff replies and new posts of one thread gather in one notification.
ACTIVITY = frozenset({Event.REPLY, Event.STAFF_REPLY})


class Notification(db.Model):
    """One line on the notifications page. While unread, further events of the same
    kind in the same thread are added to it (`count`) instead of a new line."""

    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_user", "user_id", "updated_at", "id"),
        Index("ix_notifications_unread_group", "user_id", "thread_id", "bundle", "read_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    event: Mapped[str] = mapped_column(String(20))
    # Events that gather in one line share a bundle ("activity"); others are their own.
    bundle: Mapped[str] = mapped_column(String(20))
    thread_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    post_id: Mapped[int | None] = mapped_column(Integer)  # the latest post it is about
    incident_id: Mapped[int | None] = mapped_column(Integer)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    count: Mapped[int] = mapped_column(Integer, default=1)
    # For moderation notices, the audit action ("post.hide"); for reports, the outcome.
    action: Mapped[str | None] = mapped_column(String(40))
    # A moderator's reason, a removed thread's title: shown with the notification.
    detail: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Sent by e-mail (at once or in a digest); None while a mail is still due.
    mailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    thread: Mapped["Thread | None"] = relationship()  # noqa: F821
    actor: Mapped["User | None"] = relationship(foreign_keys=[actor_id])  # noqa: F821


class MailPreference(db.Model):
    """A person's choice for one event; events without a row use the default."""

    __tablename__ = "mail_preferences"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    event: Mapped[str] = mapped_column(String(20), primary_key=True)
    mode: Mapped[str] = mapped_column(String(12))


class BoardSubscription(db.Model):
    """A person follows a board: told about its new threads."""

    __tablename__ = "board_subscriptions"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id"), primary_key=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
