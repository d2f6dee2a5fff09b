"""Warnings, suspensions and bans. Moderators act on members; only admins act on
moderators, and nobody on admins here."""

from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from ..access import NotAllowed, Permission, decide
from ..auth import sessions
from ..avatars import services as avatar_files
from ..extensions import db
from ..models import User, UserWarning, utcnow
from . import audit

SUSPENSION_DAYS = (1, 3, 7, 30, 90)


def _ensure(actor: User, user: User) -> None:
    if not decide(actor, Permission.USER_MODERATE).allowed:
        raise NotAllowed(_l("Only moderators can do this."))
    if user.is_admin or (user.is_moderator and not actor.is_admin) or user.id == actor.id:
        raise NotAllowed(_l("You cannot take action against this account."))


def warn(actor: User, user: User, text: str) -> None:
    _ensure(actor, user)
    db.session.add(UserWarning(user_id=user.id, moderator_id=actor.id, text=text))
    db.session.execute(
        update(User).where(User.id == user.id).values(unseen_warnings=User.unseen_warnings + 1)
    )
    audit.record(actor, "user.warn", user, text)
    db.session.commit()


def unseen_warnings(user: User) -> list[UserWarning]:
    return list(
        db.session.scalars(
            select(UserWarning)
            .where(UserWarning.user_id == user.id, UserWarning.seen_at.is_(None))
            .order_by(UserWarning.id)
        )
    )


def acknowledge_warnings(user: User) -> None:
    db.session.execute(
        update(UserWarning)
        .where(UserWarning.user_id == user.id, UserWarning.seen_at.is_(None))
        .values(seen_at=utcnow())
    )
    user.unseen_warnings = 0
    db.session.commit()


def suspend(actor: User, user: User, days: int, reason: str) -> None:
    _ensure(actor, user)
    user.suspended_until = utcnow() + timedelta(days=days)
    user.suspension_reason = reason
    audit.record(actor, "user.suspend", user, reason, after={"days": days})
    db.session.commit()


def lift_suspension(actor: User, user: User, reason: str = "") -> None:
    _ensure(actor, user)
    user.suspended_until = user.suspension_reason = None
    audit.record(actor, "user.unsuspend", user, reason)
    db.session.commit()


def ban(actor: User, user: User, reason: str) -> None:
    """No more log-ins, every session ends; what the person wrote stays."""
    _ensure(actor, user)
    user.banned_at, user.ban_reason = utcnow(), reason
    sessions.end_all(user)
    audit.record(actor, "user.ban", user, reason)
    db.session.commit()


def unban(actor: User, user: User, reason: str = "") -> None:
    _ensure(actor, user)
    user.banned_at = user.ban_reason = None
    audit.record(actor, "user.unban", user, reason)
    db.session.commit()


def remove_avatar(actor: User, user: User, reason: str) -> None:
    """An offensive picture goes at once; the file after the commit."""
    _ensure(actor, user)
    old = user.avatar_name
    user.avatar_name = None
    audit.record(actor, "user.avatar-remove", user, reason)
    db.session.commit()
    avatar_files.delete_file(old)
