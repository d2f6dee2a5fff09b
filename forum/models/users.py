"""Accounts and the rows that give them roles.

Roles come only from rows an admin (or a signed portal link) wrote: the admin and
moderator flags, and active staff and customer verifications. Nothing a person
types into a name or profile field can grant one.
"""

import hashlib
import unicodedata
from datetime import datetime
from enum import StrEnum
from functools import cached_property

from flask import current_app, has_app_context
from flask_babel import lazy_gettext as _l
from flask_login import AnonymousUserMixin, UserMixin
from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, and_, select, text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from .base import SingleLine, UTCDateTime, utcnow
from .boards import BoardModerator


def mask_customer_number(number: str) -> str:
    """Staff see only the last digits (at most a third of them, at most four);
    nobody else sees the number at all."""
    shown = min(4, max(1, len(number) // 3))
    return "•" * (len(number) - shown) + number[-shown:]


class Role(StrEnum):
    GUEST = "guest"
    MEMBER = "member"
    VERIFIED_CUSTOMER = "verified_customer"
    STAFF = "staff"
    MODERATOR = "moderator"
    ADMIN = "admin"


def canonical_username(name: str) -> str:
    """The form used for uniqueness: case- and width-insensitive."""
    return unicodedata.normalize("NFKC", name).casefold()


def name_hash(canonical: str) -> str:
    return hashlib.sha256(canonical.encode()).hexdigest()


class RoleMixin:
    """Role predicates shared by members and guests, so policy code needs no None checks."""

    is_admin: bool
    is_moderator: bool

    @property
    def is_banned(self) -> bool:
        return self.banned_at is not None

    @property
    def is_suspended(self) -> bool:
        return self.suspended_until is not None and self.suspended_until > utcnow()

    @property
    def is_staff(self) -> bool:
        return self.staff_verification is not None

    @property
    def is_verified_customer(self) -> bool:
        return self.customer_verification is not None

    @property
    def public_roles(self) -> list[Role]:
        """Roles shown on the profile; being a verified customer is nobody else's business."""
        return [role for role in (Role.MODERATOR, Role.ADMIN) if role in self.roles]

    @property
    def roles(self) -> frozenset[Role]:
        if not self.is_authenticated:
            return frozenset({Role.GUEST})
        roles = {Role.MEMBER}
        if self.is_verified_customer:
            roles.add(Role.VERIFIED_CUSTOMER)
        if self.is_staff:
            roles.add(Role.STAFF)
        if self.is_moderator:
            roles.add(Role.MODERATOR)
        if self.is_admin:
            roles.add(Role.ADMIN)
        return frozenset(roles)


class Guest(RoleMixin, AnonymousUserMixin):
    id = None
    moderated_board_ids = frozenset()
    banned_at = None
    suspended_until = None
    is_admin = False
    is_moderator = False
    staff_verification = None
    customer_verification = None
    locale = None
    needs_confirmation = False


class User(RoleMixin, UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    username_canonical: Mapped[str] = mapped_column(String(64), unique=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    display_name: Mapped[str | None] = mapped_column(SingleLine(120))
    bio: Mapped[str | None] = mapped_column(Text)
    locale: Mapped[str | None] = mapped_column(String(8))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    is_moderator: Mapped[bool] = mapped_column(Boolean, default=False)
    # Moderates some boards only (board_moderators); spares everyone else the lookup.
    is_board_moderator: Mapped[bool] = mapped_column(Boolean, default=False)
    # A banned account cannot log in; its sessions end; its content stays.
    banned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ban_reason: Mapped[str | None] = mapped_column(Text)
    # A suspended account reads but does not write until then.
    suspended_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    suspension_reason: Mapped[str | None] = mapped_column(Text)
    # Warnings not yet acknowledged: every page shows them (no query when zero).
    unseen_warnings: Mapped[int] = mapped_column(Integer, default=0)
    # The bell's number, kept by the notification services (no count per page).
    unread_notifications: Mapped[int] = mapped_column(Integer, default=0)
    post_count: Mapped[int] = mapped_column(Integer, default=0)
    # Until the address is confirmed the account reads but does not write (configurable).
    email_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A new address waiting for confirmation; the old one stays in use until then.
    pending_email: Mapped[str | None] = mapped_column(String(254))
    # The uploaded picture's file name (content-addressed); none: a generated avatar.
    avatar_name: Mapped[str | None] = mapped_column(String(80))
    # The person deleted the account: the row stays for their posts, nothing personal.
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A deleted account's name stays reserved, kept only as a hash: old @mentions and
    # links must not lead to a newcomer who took the name.
    former_name_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    staff_verification: Mapped["StaffVerification | None"] = relationship(
        primaryjoin=lambda: and_(
            StaffVerification.user_id == User.id, StaffVerification.revoked_at.is_(None)
        ),
        foreign_keys=lambda: StaffVerification.user_id,
        viewonly=True,
        uselist=False,
        lazy="joined",
    )
    customer_verification: Mapped["CustomerVerification | None"] = relationship(
        primaryjoin=lambda: and_(
            CustomerVerification.user_id == User.id, CustomerVerification.revoked_at.is_(None)
        ),
        foreign_keys=lambda: CustomerVerification.user_id,
        viewonly=True,
        uselist=False,
        lazy="joined",
    )

    def __init__(self, **kwargs):
        password = kwargs.pop("password", None)
        super().__init__(**kwargs)
        self.username_canonical = canonical_username(self.username)
        if password is not None:
            self.set_password(password)

    def set_password(self, password: str) -> None:
        method = current_app.config["PASSWORD_HASH_METHOD"] if has_app_context() else "scrypt"
        self.password_hash = generate_password_hash(password, method=method)

    @property
    def needs_confirmation(self) -> bool:
        """Reads but does not write until the address is confirmed (when so configured)."""
        return self.email_confirmed_at is None and bool(
            current_app.config["REQUIRE_EMAIL_CONFIRMATION"]
        )

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    # The token of the log-in session this object was loaded or logged in with
    # (forum.auth.sessions); Flask-Login keeps it in the cookies as the "user id".
    login_token = None

    def get_id(self) -> str | None:
        return self.login_token

    @cached_property
    def moderated_board_ids(self) -> frozenset[int]:
        """The boards this account moderates as a board moderator (loaded once per
        request, and only for board moderators)."""
        if not self.is_board_moderator:
            return frozenset()
        stmt = select(BoardModerator.board_id).where(BoardModerator.user_id == self.id)
        return frozenset(db.session.scalars(stmt))

    @property
    def name(self) -> str:
        """What the forum shows: a shared team account appears as its team, never as a person."""
        if self.deleted_at is not None:
            return str(_l("Deleted user"))
        verification = self.staff_verification
        if verification is not None and verification.is_team_account:
            return verification.team
        return self.display_name or self.username

    @property
    def shows_username(self) -> bool:
        """Whether the username goes next to the name: it tells "Jana Becker" the staff
        member from a "Jana Becker" who is not (a deleted account has no name left)."""
        return self.deleted_at is None and self.name != self.username

    @property
    def credentials_fingerprint(self) -> str:
        """Changes with the password and with the address: what was signed for the account
        before (a reset link, a device cookie) stops counting once either changes."""
        return hashlib.sha256(f"{self.password_hash}\0{self.email}".encode()).hexdigest()[:20]

    @property
    def name_and_username(self) -> str:
        """The name for plain text (mails, notifications, feeds), as `user_link` shows it."""
        return f"{self.name} (@{self.username})" if self.shows_username else self.name

    def __repr__(self) -> str:
        return f"<User {self.username}>"


class VerificationRecord:
    """Who granted a role and when, and who ended it and when: kept, never deleted."""

    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    verified_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class StaffVerification(VerificationRecord, db.Model):
    """An admin's statement that an account belongs to the company's staff."""

    __tablename__ = "staff_verifications"
    __table_args__ = (
        # At most one active verification per account.
        Index(
            "uq_staff_verifications_active",
            "user_id",
            unique=True,
            sqlite_where=text("revoked_at IS NULL"),
            postgresql_where=text("revoked_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    title: Mapped[str] = mapped_column(SingleLine(120))
    team: Mapped[str] = mapped_column(SingleLine(120))
    is_team_account: Mapped[bool] = mapped_column(Boolean, default=False)


class CustomerVerification(VerificationRecord, db.Model):
    """Proof that an account belongs to a contract customer."""

    __tablename__ = "customer_verifications"
    __table_args__ = (
        Index(
            "uq_customer_verifications_active",
            "user_id",
            unique=True,
            sqlite_where=text("revoked_at IS NULL"),
            postgresql_where=text("revoked_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    customer_number: Mapped[str] = mapped_column(String(64))
    method: Mapped[str] = mapped_column(String(16))  # "portal-link" | "staff"

    user: Mapped["User"] = relationship(foreign_keys=[user_id])

    @property
    def masked_number(self) -> str:
        return mask_customer_number(self.customer_number)


class CustomerLinkUse(db.Model):
    """A portal link that has been used: each link verifies once."""

    __tablename__ = "customer_link_uses"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    used_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
