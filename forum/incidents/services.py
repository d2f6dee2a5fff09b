"""Publishing and updating incidents. Each takes an explicit actor, is audited, and
records its notifications in the outbox."""

import time

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..access import NotAllowed, Permission, ensure
from ..extensions import db
from ..models import Board, Incident, IncidentFollower, IncidentUpdate, Thread, User, utcnow
from ..moderation import audit
from ..notifications import events
from ..posts.markdown import render


def publish(
    actor: User,
    title: str,
    body: str,
    severity: str,
    products: str,
    boards: list[Board],
    started_at=None,
) -> Incident:
    """`started_at`: when the outage began, if before its announcement (default: now)."""
    ensure(actor, Permission.INCIDENT_MANAGE)
    now = utcnow()
    incident = Incident(
        title=title.strip(),
        body_source=body,
        body_html=render(body),
        severity=severity,
        products=products.strip(),
        started_at=min(started_at or now, now),
        created_by_id=actor.id,
        created_at=now,
        updated_at=now,
    )
    incident.boards = list(boards)
    db.session.add(incident)
    db.session.flush()
    db.session.add(IncidentFollower(incident_id=incident.id, user_id=actor.id))
    audit.record(actor, "incident.publish", incident, after={"title": incident.title})
    db.session.commit()
    forget_banners()
    return incident


def post_update(actor: User, incident: Incident, body: str, resolves: bool) -> IncidentUpdate:
    """An update for followers; `resolves` ends the incident (the banner goes, and
    everyone affected through a linked thread is told)."""
    ensure(actor, Permission.INCIDENT_MANAGE)
    if not incident.is_active:
        raise NotAllowed(_l("This incident is resolved already."))
    now = utcnow()
    update = IncidentUpdate(
        incident_id=incident.id,
        author_id=actor.id,
        body_source=body,
        body_html=render(body),
        resolves=resolves,
        created_at=now,
    )
    db.session.add(update)
    incident.updated_at = now
    if resolves:
        incident.resolved_at = now
        audit.record(actor, "incident.resolve", incident)
    db.session.flush()
    events.incident_updated(update, actor)
    db.session.commit()
    forget_banners()
    return update


def set_following(user: User, incident: Incident, following: bool) -> None:
    if not user.is_authenticated:
        return
    row = db.session.get(IncidentFollower, (incident.id, user.id))
    if following and row is None:
        db.session.add(IncidentFollower(incident_id=incident.id, user_id=user.id))
    elif not following and row is not None:
        db.session.delete(row)
    db.session.commit()


def follows(user: User, incident: Incident) -> bool:
    return user.is_authenticated and (
        db.session.get(IncidentFollower, (incident.id, user.id)) is not None
    )


def link_thread(actor: User, thread: Thread, incident: Incident | None) -> None:
    """Marks the thread as being about a known incident ("Bekannte Störung")."""
    ensure(actor, Permission.INCIDENT_MANAGE)
    ensure(actor, Permission.THREAD_READ, thread)
    thread.incident_id = incident.id if incident is not None else None
    audit.record(
        actor, "thread.incident", thread, after={"incident": incident.id if incident else None}
    )
    db.session.commit()


def active() -> list[Incident]:
    return list(
        db.session.scalars(
            select(Incident)
            .where(Incident.resolved_at.is_(None))
            .options(selectinload(Incident.boards))
            .order_by(Incident.started_at.desc())
        )
    )


def recent(limit: int = 20) -> list[Incident]:
    return list(
        db.session.scalars(
            select(Incident)
            .where(Incident.resolved_at.is_not(None))
            .order_by(Incident.resolved_at.desc())
            .limit(limit)
        )
    )


# The banner is on every page: active incidents are read at most every
# INCIDENT_BANNER_SECONDS per process (and app), not per request. Publishing or
# updating here forgets them.


def _banner_cache() -> dict:
    return current_app.extensions.setdefault("incident_banners", {"until": 0.0, "rows": ()})


def banners(board: Board | None) -> list[tuple]:
    """(id, title, severity, products) of the active incidents to show on a page of
    `board` (None: a page outside boards shows only forum-wide incidents)."""
    cache = _banner_cache()
    if time.monotonic() >= cache["until"]:
        cache["rows"] = tuple(
            (incident.id, incident.title, incident.severity, incident.products,
             frozenset(b.id for b in incident.boards))
            for incident in active()
        )  # fmt: skip
        cache["until"] = time.monotonic() + current_app.config["INCIDENT_BANNER_SECONDS"]
    return [
        row[:4] for row in cache["rows"] if not row[4] or (board is not None and board.id in row[4])
    ]


def forget_banners() -> None:
    _banner_cache()["until"] = 0.0
