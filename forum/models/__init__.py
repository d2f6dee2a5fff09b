"""The shared data model. Every capability imports its models from here."""

from .base import UTCDateTime, utcnow
from .boards import Board, Category, PostingPolicy, Thread, Visibility
from .posts import Post
from .users import (
    CustomerVerification,
    Guest,
    Role,
    StaffVerification,
    User,
    canonical_username,
)

__all__ = [
    "Board",
    "Category",
    "CustomerVerification",
    "Guest",
    "Post",
    "PostingPolicy",
    "Role",
    "StaffVerification",
    "Thread",
    "UTCDateTime",
    "User",
    "Visibility",
    "canonical_username",
    "utcnow",
]
