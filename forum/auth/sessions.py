"""Log-in sessions on the server, and the Flask-Login wiring.

Each log-in is a row (LoginSession); the browser's cookies carry only the row's
random token, as Flask-Login's "user id". A request is logged in only while its
row lives: logging out deletes the row, so a session or remember cookie copied
before opens nothing afterwards. "Log out everywhere", a password change, a ban
and deleting the account delete the account's rows.
"""

import hashlib
import logging
import secrets
import time
from datetime import timedelta

from flask import current_app, g
from flask_babel import lazy_gettext as _l
from flask_login import login_user
from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from .. import outbox
from ..extensions import db
from ..models import Guest, LoginSession, User, utcnow
from . import throttle

log = logging.getLogger(__name__)

# Known browsers and systems, most specific first (Edge also names Chrome and Safari,
# an iPhone also "Mac OS X", Android also Linux).
_BROWSERS = (
    ("Edg", "Edge"),
    ("OPR/", "Opera"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
)
_SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("CrOS", "ChromeOS"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
)
SWEEP_SECONDS = 3600
_last_sweep = {"at": float("-inf")}


def describe_device(user_agent: str) -> str:
    """Browser and system in a few words; the full user agent is not kept."""
    user_agent = user_agent[:1000]
    found = [
        next((name for marker, name in names if marker in user_agent), None)
        for names in (_BROWSERS, _SYSTEMS)
    ]
    return " · ".join(name for name in found if name)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _lifetime(remember: bool) -> timedelta:
    """How long a session lives unused: "stay logged in" as long as its cookie."""
    config = current_app.config
    seconds = config["REMEMBER_COOKIE_DURATION"] if remember else config["LOGIN_SESSION_SECONDS"]
    return seconds if isinstance(seconds, timedelta) else timedelta(seconds=seconds)


def _expired(now):
    return or_(
        and_(LoginSession.remember, LoginSession.last_seen_at < now - _lifetime(True)),
        and_(~LoginSession.remember, LoginSession.last_seen_at < now - _lifetime(False)),
    )


def issue(user: User, remember: bool, user_agent: str) -> tuple[LoginSession, str]:
    """A new session of the account and its token (committed); the account's
    expired sessions go."""
    token = secrets.token_urlsafe(32)
    db.session.execute(
        delete(LoginSession).where(LoginSession.user_id == user.id, _expired(utcnow()))
    )
    row = LoginSession(
        user_id=user.id,
        token_hash=_hash(token),
        remember=remember,
        device=describe_device(user_agent)[:80],
    )
    db.session.add(row)
    db.session.commit()
    return row, token


def start(user: User, remember: bool, user_agent: str) -> None:
    """Logs the person in on this browser, in a new session, after they proved the
    password or the mailbox: the browser becomes one of the account's devices."""
    row, user.login_token = issue(user, remember, user_agent)
    g.login_session = row
    login_user(user, remember=remember)
    throttle.remember_device(user)


def load_user(token: str) -> User | None:
    """The account of a live session (one query); None ends the request's log-in."""
    found = db.session.execute(
        select(LoginSession, User)
        .join(User, User.id == LoginSession.user_id)
        .where(LoginSession.token_hash == _hash(token))
    ).first()
    if found is None:
        return None
    row, user = found
    now = utcnow()
    if user.is_banned or user.deleted_at is not None:
        return None
    if row.last_seen_at < now - _lifetime(row.remember):
        return None
    touch_every = timedelta(seconds=current_app.config["LOGIN_SESSION_TOUCH_SECONDS"])
    if row.last_seen_at < now - touch_every:
        _touch(row, now)
    user.login_token = token
    g.login_session = row
    return user


def _touch(row: LoginSession, now) -> None:
    """Notes the use on a connection of its own: the request's own transaction stays
    untouched (a commit there would make every loaded object load again). Best
    effort: a busy database costs the note, not the page."""
    try:
        with db.engine.begin() as connection:
            connection.execute(
                update(LoginSession).where(LoginSession.id == row.id).values(last_seen_at=now)
            )
    except SQLAlchemyError as error:
        log.warning("could not note the use of log-in session %s: %s", row.id, error)


def current() -> LoginSession | None:
    """The session of this request's log-in, if any."""
    return g.get("login_session")


def active(user: User) -> list[LoginSession]:
    """The account's sessions that may still be used, the latest used first."""
    rows = db.session.scalars(
        select(LoginSession)
        .where(LoginSession.user_id == user.id)
        .order_by(LoginSession.last_seen_at.desc(), LoginSession.id.desc())
    )
    now = utcnow()
    return [row for row in rows if row.last_seen_at >= now - _lifetime(row.remember)]


def end(user: User, session_id: int) -> bool:
    """Ends one of the account's sessions (committed); False if it had none by that id."""
    ended = db.session.execute(
        delete(LoginSession).where(LoginSession.id == session_id, LoginSession.user_id == user.id)
    )
    db.session.commit()
    return ended.rowcount > 0


def end_current() -> None:
    """Log-out: this browser's session ends on the server too (committed)."""
    row = current()
    if row is not None:
        db.session.execute(delete(LoginSession).where(LoginSession.id == row.id))
        db.session.commit()
        g.pop("login_session")


def end_all(user: User) -> None:
    """Ends every session of the account; the caller commits."""
    db.session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))


def sweep_expired() -> int:
    """Deletes sessions nobody can use any more, once an hour per process (run with
    the outbox, so by the worker in production)."""
    if time.monotonic() - _last_sweep["at"] < SWEEP_SECONDS:
        return 0
    _last_sweep["at"] = time.monotonic()
    deleted = db.session.execute(delete(LoginSession).where(_expired(utcnow())))
    db.session.commit()
    return deleted.rowcount


def init_login(app, login_manager) -> None:
    login_manager.init_app(app)
    login_manager.anonymous_user = Guest
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to continue.")
    login_manager.login_message_category = "info"
    login_manager.user_loader(load_user)
    outbox.register("login-sessions", sweep_expired)
