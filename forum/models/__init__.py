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
from .incidents import Incident, IncidentBoard, IncidentFollower, IncidentUpdate, Severity
from .moderation import AuditEntry, NameImitation, Report, UserWarning
from .notifications import (
    ACTIVITY,
    DEFAULT_MAIL_MODES,
    BoardSubscription,
    Event,
    MailMode,
    MailPreference,
    Notification,
)
from .outbox import OutboxTask
from .posts import Post, PostRevision
from .search import SynonymGroup
from .sessions import LoginSession
from .settings import SiteSetting
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
    "ACTIVITY",
    "DEFAULT_MAIL_MODES",
    "STILL_OPEN",
    "AuditEntry",
    "Board",
    "BoardModerator",
    "BoardSubscription",
    "CaseAssignment",
    "Category",
    "CustomerLinkUse",
    "CustomerVerification",
    "Event",
    "Guest",
    "Incident",
    "IncidentBoard",
    "IncidentFollower",
    "IncidentUpdate",
    "LoginSession",
    "MailMode",
    "MailPreference",
    "NameImitation",
    "Notification",
    "OutboxTask",
    "Post",
    "PostRevision",
    "PostingPolicy",
    "Report",
    "Role",
    "Severity",
    "SiteSetting",
    "StaffNote",
    "StaffVerification",
    "Subscription",
    "SynonymGroup",
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
