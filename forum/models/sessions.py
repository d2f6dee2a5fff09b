"""Log-in sessions, kept on the server so that logging out really ends them."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import UTCDateTime, utcnow


class LoginSession(db.Model):
    """One log-in on one device. The browser holds a random token (in its session
    cookie and, with "stay logged in", the remember cookie); only the token's hash
    is stored, so that a copy of the database opens no account. Deleting the row
    ends the session, and every copy of its cookies with it."""

    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # "Stay logged in": lives as long as the remember cookie, not for one visit.
    remember: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Moved forward every few minutes of use, not on every request.
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # Browser and system ("Firefox · Windows"), so people recognise their devices.
    device: Mapped[str] = mapped_column(String(80), default="")
