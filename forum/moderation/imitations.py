"""Names that imitate staff, as the moderators see and handle them.

Entries are found when a staff member is verified or renamed (`staff.imitation`); a
moderator looks at each account, warns, suspends or leaves it, and marks the entry handled.
"""

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from ..access import Permission, ensure
from ..extensions import db
from ..models import NameImitation, User, utcnow
from ..pagination import Page, paginate
from . import audit

_OPEN = NameImitation.handled_at.is_(None)


def open_count() -> int:
    return db.session.scalar(select(func.count(NameImitation.id)).where(_OPEN))


def queue_page(page: int, per_page: int) -> Page:
    """The longest-waiting first."""
    stmt = (
        select(NameImitation)
        .where(_OPEN)
        .options(joinedload(NameImitation.user), joinedload(NameImitation.staff))
        .order_by(NameImitation.found_at, NameImitation.id)
    )
    return paginate(stmt, page, per_page, open_count())


def load(entry_id: int) -> NameImitation | None:
    return db.session.get(NameImitation, entry_id)


def mark_handled(actor: User, entry: NameImitation, note: str) -> None:
    ensure(actor, Permission.NAME_IMITATIONS)
    if entry.handled_at is not None:
        return
    entry.handled_at, entry.handled_by_id = utcnow(), actor.id
    after = {"name": entry.name, "imitates": entry.staff.username}
    audit.record(actor, "user.name-imitation-handled", entry.user, note, after=after)
    db.session.commit()
