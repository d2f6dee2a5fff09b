"""Posts. The Markdown source is kept for editing and quoting; the HTML was
rendered and sanitized once, when the post was saved."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow

# Who the forum names for a customer's words in an FAQ: nobody in particular.
ANONYMISED_CUSTOMER = _l("Customer (anonymised)")


class Post(db.Model):
    __tablename__ = "posts"
    __table_args__ = (
        # Reading order: by time, so that merged threads interleave their posts.
        Index("ix_posts_thread_time", "thread_id", "created_at", "id"),
        Index("ix_posts_author_order", "author_id", "id"),
        Index("ix_posts_pending", "pending_at"),
        {"sqlite_autoincrement": True},  # ids stay in permalinks and the audit log
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Hidden by a moderator: others see a placeholder with the reason.
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    hidden_reason: Mapped[str | None] = mapped_column(Text)
    # Held for a moderator's approval (a new account's link): only its author and the
    # moderators see it; it is counted and indexed once approved.
    pending_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Speaks for an anonymised customer (an FAQ's question): shown without name, badge
    # or profile, counted for and found under nobody. `author_id` is the staff member
    # who wrote it down, for the record.
    anonymised_customer: Mapped[bool] = mapped_column(Boolean, default=False)

    thread: Mapped["Thread"] = relationship(foreign_keys=[thread_id])  # noqa: F821
    author: Mapped["User"] = relationship(foreign_keys=[author_id])  # noqa: F821

    @property
    def shown_author(self) -> "User | None":  # noqa: F821
        """Whom pages, feeds and quotes name: nobody for an anonymised customer."""
        return None if self.anonymised_customer else self.author

    @property
    def author_name(self) -> str:
        """The name alone, for quotes (an @username there would mention the person)."""
        return str(ANONYMISED_CUSTOMER) if self.anonymised_customer else self.author.name

    @property
    def author_name_and_username(self) -> str:
        """For plain text (feeds, mails): the name and the username, as `user_link` shows it."""
        if self.anonymised_customer:
            return str(ANONYMISED_CUSTOMER)
        return self.author.name_and_username

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_pending(self) -> bool:
        return self.pending_at is not None

    @property
    def is_published(self) -> bool:
        return self.pending_at is None


class PostRevision(db.Model):
    """An earlier version of a post, kept when it is edited. A version that held
    personal data is redacted: the row (who, when, why) stays, the text goes."""

    __tablename__ = "post_revisions"
    __table_args__ = (Index("ix_post_revisions_post", "post_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"))
    body_source: Mapped[str | None] = mapped_column(Text)
    edited_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    redacted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    edited_by: Mapped["User"] = relationship()  # noqa: F821
