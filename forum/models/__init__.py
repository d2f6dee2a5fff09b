"""The shared data model. Every capability imports its models from here."""

from .base import UTCDateTime, utcnow
from .boards import (
    STILL_OPEN,
    Board,
    BoardModerator,
    Category,
    PostingPolicy,
    Thread,
    ThreadRedirect,
    ThreadStatus,
    Visibility,
)
from .moderation import AuditEntry, Report, UserWarning
from .outbox import OutboxTask
from .posts import Post, PostRevision
from .support import CaseAssignment, StaffNote, Subscription, ThreadAffected
from .users import (
    CustomerLinkUse,
    CustomerVerification,
    Guest,
    Role,
    StaffVerification,
    User,
    canonical_username,
)

__all__ = [
    "STILL_OPEN",
    "AuditEntry",
    "Board",
    "BoardModerator",
    "CaseAssignment",
    "Category",
    "CustomerLinkUse",
    "CustomerVerification",
    "Guest",
    "OutboxTask",
    "Post",
    "PostRevision",
    "PostingPolicy",
    "Report",
    "Role",
    "StaffNote",
    "StaffVerification",
    "Subscription",
    "Thread",
    "ThreadAffected",
    "ThreadRedirect",
    "ThreadStatus",
    "UTCDateTime",
    "User",
    "UserWarning",
    "Visibility",
    "canonical_username",
    "utcnow",
]
