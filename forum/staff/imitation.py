"""The names of verified staff and team accounts belong to them alone.

A customer who reads "Jana Becker" under a post asking for their password must be able to
trust it is the Jana Becker who works for the company. So the usernames and display names
of current staff, and the team names that team accounts appear as, are protected like the
reserved words: nobody else may take one that looks the same (`names.name_keys`).
"""

from dataclasses import dataclass

from sqlalchemy import select

from ..extensions import db
from ..models import StaffVerification, User
from .names import name_keys


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
