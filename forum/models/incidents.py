"""Outages and other incidents that staff announce: a banner while active, a status
page, updates, followers, and the threads that are about them."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import SingleLine, UTCDateTime, utcnow


class Severity(StrEnum):
    INFO = "info"  # maintenance, a notice
    MINOR = "minor"  # some customers or functions affected
    MAJOR = "major"  # an outage


class Incident(db.Model):
    __tablename__ = "incidents"
    __table_args__ = (Index("ix_incidents_active", "resolved_at", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(SingleLine(200))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(10), default=Severity.MINOR)
    products: Mapped[str] = mapped_column(SingleLine(300), default="")  # e.g. "DSL, Festnetz"
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    created_by: Mapped["User"] = relationship()  # noqa: F821
    boards: Mapped[list["Board"]] = relationship(secondary="incident_boards")  # noqa: F821
    updates: Mapped[list["IncidentUpdate"]] = relationship(
        order_by="IncidentUpdate.id.desc()", back_populates="incident"
    )

    @property
    def is_active(self) -> bool:
        return self.resolved_at is None


class IncidentBoard(db.Model):
    """An affected board: the banner shows there only. No rows: on every page."""

    __tablename__ = "incident_boards"

    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id"), primary_key=True)


class IncidentUpdate(db.Model):
    __tablename__ = "incident_updates"
    __table_args__ = (Index("ix_incident_updates_incident", "incident_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    resolves: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    incident: Mapped[Incident] = relationship(back_populates="updates")
    author: Mapped["User"] = relationship()  # noqa: F821


class IncidentFollower(db.Model):
    __tablename__ = "incident_followers"

    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
