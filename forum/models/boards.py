"""Categories, boards and threads.

Counters (threads, posts, last post) are kept on the rows by the services that
write posts, so that index and board pages never count millions of rows.
"""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import SingleLine, UTCDateTime, utcnow
from .posts import ANONYMISED_CUSTOMER


class Visibility(StrEnum):
    PUBLIC = "public"
    CUSTOMERS = "customers"
    STAFF = "staff"


class PostingPolicy(StrEnum):
    """Who may start threads in a board."""

    MEMBERS = "members"
    STAFF = "staff"
    READ_ONLY = "read-only"


class ThreadStatus(StrEnum):
    """Where a question stands. Threads outside support boards stay OPEN."""

    OPEN = "open"  # nobody but the asker has written
    ANSWERED = "answered"  # someone replied
    SOLVED = "solved"  # a reply is marked as the solution
    CLOSED = "closed"  # a moderator closed it without a solution


# Questions that still need someone: not solved, not closed.
STILL_OPEN = (ThreadStatus.OPEN.value, ThreadStatus.ANSWERED.value)


class Category(db.Model):
    __tablename__ = "categories"
    # Ids stay in the audit log after a deletion: SQLite must not hand them out again.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(SingleLine(120))
    position: Mapped[int] = mapped_column(Integer, default=0)

    boards: Mapped[list["Board"]] = relationship(
        back_populates="category", order_by="Board.position"
    )


class Board(db.Model):
    __tablename__ = "boards"
    __table_args__ = {"sqlite_autoincrement": True}  # as categories

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), index=True)
    name: Mapped[str] = mapped_column(SingleLine(120))
    slug: Mapped[str] = mapped_column(String(140), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    visibility: Mapped[str] = mapped_column(String(16), default=Visibility.PUBLIC)
    posting_policy: Mapped[str] = mapped_column(String(16), default=PostingPolicy.MEMBERS)
    is_support: Mapped[bool] = mapped_column(Boolean, default=True)
    thread_count: Mapped[int] = mapped_column(Integer, default=0)
    post_count: Mapped[int] = mapped_column(Integer, default=0)
    last_post_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", use_alter=True, ondelete="SET NULL")
    )

    category: Mapped[Category] = relationship(back_populates="boards")
    last_post: Mapped["Post | None"] = relationship(foreign_keys=[last_post_id])  # noqa: F821


class Thread(db.Model):
    __tablename__ = "threads"
    __table_args__ = (
        Index("ix_threads_board_listing", "board_id", "is_pinned", "last_post_at", "id"),
        Index("ix_threads_support_queue", "first_staff_reply_at", "status", "created_at"),
        Index("ix_threads_case_manager", "case_manager_id", "status"),
        Index("ix_threads_board_status", "board_id", "status"),
        Index("ix_threads_private_cases", "is_private", "author_id"),
        # Ids stay in old links and the audit log: SQLite must not hand them out again.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    title: Mapped[str] = mapped_column(SingleLine(300))
    slug: Mapped[str] = mapped_column(String(120))
    is_pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    is_locked: Mapped[bool] = mapped_column(Boolean, default=False)
    lock_reason: Mapped[str | None] = mapped_column(Text)  # shown on the locked thread
    # Hidden by a moderator: gone for everyone else (lists, counts, search, its URL).
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_reason: Mapped[str | None] = mapped_column(Text)
    # Deleted by a moderator: gone for everyone but admins, who restore or purge it.
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    deleted_reason: Mapped[str | None] = mapped_column(Text)
    # Its first post waits for a moderator's approval: only author and moderators see it.
    pending_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Closed as a duplicate of another thread; the other counts its duplicates, so
    # that only threads that have some look them up.
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id"))
    duplicate_count: Mapped[int] = mapped_column(Integer, default=0)
    # A private case: only its author, staff, moderators and admins know it exists.
    is_private: Mapped[bool] = mapped_column(Boolean, default=False)
    # An anonymised FAQ made from a solved private case (`faq_case_id`): its question
    # speaks for the customer, so the thread names no starter. A draft (private, only
    # staff see it) until a staff member reviewed and published it; back to a draft
    # when the customer objects.
    is_faq: Mapped[bool] = mapped_column(Boolean, default=False)
    is_faq_draft: Mapped[bool] = mapped_column(Boolean, default=False)
    faq_case_id: Mapped[int | None] = mapped_column(
        ForeignKey("threads.id", ondelete="SET NULL"), index=True
    )
    faq_objected_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    post_count: Mapped[int] = mapped_column(Integer, default=0)
    # Posts waiting for approval (not in post_count): the thread page counts the
    # ones its viewer sees only when there are any.
    held_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_post_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    first_post_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", use_alter=True, ondelete="SET NULL")
    )
    last_post_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", use_alter=True, ondelete="SET NULL")
    )

    # The support workflow (questions in support boards).
    status: Mapped[str] = mapped_column(String(16), default=ThreadStatus.OPEN)
    solution_post_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", use_alter=True, ondelete="SET NULL")
    )
    first_staff_reply_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Kept as a number so that response-time figures are plain SQL on both databases.
    first_staff_reply_seconds: Mapped[int | None] = mapped_column(Integer)
    last_staff_reply_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_asker_post_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Since when the asker has been waiting for staff: the question, or their first
    # post after the last staff reply. Later posts do not push them back in the queue.
    waiting_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    affected_count: Mapped[int] = mapped_column(Integer, default=0)
    case_manager_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # "Bekannte Störung": staff linked the thread to an announced incident.
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"))

    board: Mapped[Board] = relationship()
    author: Mapped["User"] = relationship(foreign_keys=[author_id])  # noqa: F821
    last_post: Mapped["Post | None"] = relationship(foreign_keys=[last_post_id])  # noqa: F821
    # post_update: a thread and its solution point at each other.
    solution: Mapped["Post | None"] = relationship(  # noqa: F821
        foreign_keys=[solution_post_id], post_update=True
    )
    case_manager: Mapped["User | None"] = relationship(foreign_keys=[case_manager_id])  # noqa: F821
    duplicate_of: Mapped["Thread | None"] = relationship(
        remote_side=[id], foreign_keys=[duplicate_of_id]
    )
    faq_case: Mapped["Thread | None"] = relationship(remote_side=[id], foreign_keys=[faq_case_id])
    # The FAQs made from this case (one; an objection keeps it as a draft).
    faqs: Mapped[list["Thread"]] = relationship(foreign_keys=[faq_case_id], viewonly=True)
    deleted_by: Mapped["User | None"] = relationship(foreign_keys=[deleted_by_id])  # noqa: F821
    incident: Mapped["Incident | None"] = relationship()  # noqa: F821

    @classmethod
    def live(cls):
        """SQL: neither hidden, deleted nor waiting for approval: a real question for
        queues and figures."""
        return cls.hidden_at.is_(None) & cls.deleted_at.is_(None) & cls.pending_at.is_(None)

    @classmethod
    def listed(cls):
        """SQL: the threads every reader of the board sees, which its counters count."""
        return cls.is_private.is_(False) & cls.live()

    @property
    def is_listed(self) -> bool:
        return not (self.is_private or self.is_hidden or self.is_deleted or self.is_pending)

    @property
    def shown_author(self) -> "User | None":  # noqa: F821
        """Whom pages and feeds name as the starter: nobody for an FAQ."""
        return None if self.is_faq else self.author

    @property
    def author_name_and_username(self) -> str:
        """For plain text (feeds, mails): an FAQ's question speaks for an anonymised customer."""
        return str(ANONYMISED_CUSTOMER) if self.is_faq else self.author.name_and_username

    @property
    def is_pending(self) -> bool:
        return self.pending_at is not None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_question(self) -> bool:
        return self.board.is_support

    @property
    def reply_count(self) -> int:
        return max(self.post_count - 1, 0)


class ThreadRedirect(db.Model):
    """The address of a thread that was merged into another leads to that one."""

    __tablename__ = "thread_redirects"

    old_thread_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class BoardModerator(db.Model):
    """A moderator of one board: moderation tools there, and nowhere else."""

    __tablename__ = "board_moderators"

    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True, index=True)
    assigned_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    board: Mapped[Board] = relationship()
    user: Mapped["User"] = relationship(foreign_keys=[user_id])  # noqa: F821
