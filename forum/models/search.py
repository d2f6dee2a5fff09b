"""Search vocabulary that admins extend in the browser."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow


class SynonymGroup(db.Model):
    """Words that find each other in a search ("Störung, Ausfall"), added by an admin
    to the groups the forum ships with. Applied when searching: no reindex."""

    __tablename__ = "search_synonyms"
    __table_args__ = ({"sqlite_autoincrement": True},)  # ids stay in the audit log

    id: Mapped[int] = mapped_column(primary_key=True)
    words: Mapped[str] = mapped_column(String(500))  # as typed, separated by ", "
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    created_by: Mapped["User | None"] = relationship()  # noqa: F821
