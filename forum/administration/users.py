"""The roles an admin grants directly: moderator and admin.

The flags are read from the account's row on every request (the session holds only
the id and the nonce, and nothing caches roles), so a revoked role ends with the
person's next request and no session needs to end. Staff and customer verification
keep their own services (`forum.staff`, `forum.customers`); suspensions and bans
are `forum.moderation.users`.
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..access import NotAllowed, Permission, ensure
from ..extensions import db
from ..models import User
from ..moderation import audit

ROLE_FLAGS = {"moderator": "is_moderator", "admin": "is_admin"}


def change_role(actor: User, user: User, role: str, granted: bool, reason: str = "") -> bool:
    """Grants or revokes `role`; False when the account had it (or lacked it) already."""
    ensure(actor, Permission.ADMIN_AREA)
    flag = ROLE_FLAGS[role]
    if getattr(user, flag) == granted:
        return False
    if granted and (user.is_banned or user.deleted_at is not None):
        raise NotAllowed(_l("A banned or deleted account cannot be given a role."))
    if role == "admin" and not granted:
        _ensure_admin_remains(actor, user)
    setattr(user, flag, granted)
    action = f"user.{role}-{'grant' if granted else 'revoke'}"
    audit.record(actor, action, user, reason, before={flag: not granted}, after={flag: granted})
    db.session.commit()
    return True


def locked_admins() -> set[int]:
    """The admins' ids, their rows locked until the commit (PostgreSQL), so that two
    admins leaving or removing each other at the same moment cannot both succeed."""
    stmt = select(User.id).where(User.is_admin, User.deleted_at.is_(None)).with_for_update()
    return set(db.session.scalars(stmt))


def _ensure_admin_remains(actor: User, user: User) -> None:
    """The forum always keeps an admin, and nobody locks themselves out."""
    admins = locked_admins()
    if actor.id not in admins:
        raise NotAllowed(_l("Only admins can do this."))
    if admins <= {user.id}:
        raise NotAllowed(_l("This is the only admin account. Make another account an admin first."))
    if user.id == actor.id:
        raise NotAllowed(_l("You cannot remove your own admin role. Ask another admin."))
