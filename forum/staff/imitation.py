"""The names of verified staff and team accounts belong to them alone.

A customer who reads "Jana Becker" under a post asking for their password must be able to
trust it is the Jana Becker who works for the company. So the usernames and display names
of current staff, and the team names that team accounts appear as, are protected like the
reserved words: nobody else may take one that looks the same (`names.name_keys`).

Accounts that took such a name before its owner became staff are found when the staff
member is verified (or renamed) and listed for the moderators (`NameImitation`). Finding
them reads every account, so it runs after the commit, from the outbox.
"""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from .. import outbox
from ..access import Permission, can
from ..extensions import db
from ..models import NameImitation, StaffVerification, User, utcnow
from .names import name_keys

SCAN = "names.scan"
SCAN_CHUNK = 1000
SCAN_LEASE = timedelta(hours=1)  # long enough to read a few million accounts


@dataclass(frozen=True)
class ProtectedName:
    staff_id: int
    shown_as: str  # how the forum shows the staff member, to explain a refusal


def protected_names(staff_id: int | None = None) -> dict[str, ProtectedName]:
    """The keys of current staff members' names (of one of them, if `staff_id` is given).

    One query, whatever the number of staff; the keys of each name are computed once per
    process (`name_keys` keeps them)."""
    stmt = (
        select(
            User.id,
            User.username,
            User.display_name,
            StaffVerification.team,
            StaffVerification.is_team_account,
        )
        .join(StaffVerification, StaffVerification.user_id == User.id)
        .where(StaffVerification.revoked_at.is_(None), User.deleted_at.is_(None))
        .order_by(User.id)
    )
    if staff_id is not None:
        stmt = stmt.where(User.id == staff_id)
    protected = {}
    for row in db.session.execute(stmt):
        team = row.team if row.is_team_account else None
        shown_as = team or row.display_name or row.username
        for name in (row.username, row.display_name, team):
            for key in name_keys(name or ""):
                protected.setdefault(key, ProtectedName(row.id, shown_as))
    return protected


def imitated_staff(name: str) -> ProtectedName | None:
    """The staff member whose name `name` could be taken for, or None."""
    protected = protected_names()
    return next((protected[key] for key in sorted(name_keys(name)) if key in protected), None)


def look_for_imitations(staff: User) -> None:
    """After the caller's commit, accounts that imitate `staff` are looked for."""
    outbox.record(SCAN, staff.id)


def run_batch() -> int:
    """The outbox consumer: one scan at a time, each with a long lease."""
    found = outbox.due([SCAN], 1)
    if not found:
        return 0
    tasks = outbox.claim(found, lease=SCAN_LEASE)
    try:
        for task in tasks:
            find_imitations(task.target_id)
        db.session.flush()
    except Exception as error:
        db.session.rollback()
        outbox.postpone(tasks, repr(error))
        raise
    outbox.finish(tasks)  # commits the entries with the task's end
    return len(found)


def find_imitations(staff_id: int | None = None) -> list[NameImitation]:
    """Every other account whose username or display name looks like a name of the staff
    member (of any staff member if `staff_id` is None), remembered for the moderators (the
    caller commits). Reads every account once. Accounts that may carry official names
    (staff, admins) are left out."""
    protected = protected_names(staff_id)
    if not protected:  # no longer staff
        return []
    suspects = {}  # (account id, staff id) -> the account's name that imitates
    last_id = 0
    while rows := _accounts_after(last_id):
        last_id = rows[-1].id
        for row in rows:
            for name in (row.display_name, row.username):
                for key in name_keys(name or "") & protected.keys():
                    if protected[key].staff_id != row.id:
                        suspects.setdefault((row.id, protected[key].staff_id), name)
    ids = list({user_id for user_id, _ in suspects})
    may_imitate = set()
    for start in range(0, len(ids), SCAN_CHUNK):
        chunk = ids[start : start + SCAN_CHUNK]
        for user in db.session.scalars(select(User).where(User.id.in_(chunk))):
            if can(user, Permission.OFFICIAL_NAME):
                may_imitate.add(user.id)
    return [
        _remember(user_id, staff, name)
        for (user_id, staff), name in suspects.items()
        if user_id not in may_imitate
    ]


def _accounts_after(last_id: int) -> list:
    return db.session.execute(
        select(User.id, User.username, User.display_name)
        .where(User.id > last_id, User.deleted_at.is_(None))
        .order_by(User.id)
        .limit(SCAN_CHUNK)
    ).all()


def _remember(user_id: int, staff_id: int, name: str) -> NameImitation:
    """A new entry, or the old one opened again if the account took another such name
    since a moderator handled it."""
    entry = db.session.scalar(
        select(NameImitation).where(
            NameImitation.user_id == user_id, NameImitation.staff_id == staff_id
        )
    )
    if entry is None:
        entry = NameImitation(user_id=user_id, staff_id=staff_id, name=name)
        db.session.add(entry)
    elif entry.name != name:
        entry.name, entry.found_at = name, utcnow()
        entry.handled_at = entry.handled_by_id = None
    return entry
