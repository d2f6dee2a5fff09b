"""Finding accounts, and what the admin page shows about one.

The users table may hold millions of rows. A search therefore matches the start of
the username or e-mail address through their unique indexes; only when nothing starts
with the text (or the admin asks for it) does it look inside usernames, display names
and addresses, which reads the whole table. Counts stop at COUNT_LIMIT.
"""

import re
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..models import (
    AuditEntry,
    BoardModerator,
    CustomerVerification,
    Post,
    StaffVerification,
    User,
    UserWarning,
    canonical_username,
    utcnow,
)
from ..pagination import Page, paginate

COUNT_LIMIT = 10_000
QUERY_MAX_LENGTH = 100
SORTS_ALIKE = re.compile(r"[a-z0-9]*")
HISTORY_LIMIT = 30

ROLE_FILTERS = {
    "admin": _l("Admins"),
    "moderator": _l("Moderators"),
    "board-moderator": _l("Board moderators"),
    "staff": _l("Verified staff"),
    "customer": _l("Verified customers"),
    "suspended": _l("Suspended"),
    "banned": _l("Banned"),
    "unconfirmed": _l("E-mail address not confirmed"),
    "deleted": _l("Deleted accounts"),
}


def _role_condition(role: str):
    return {
        "admin": lambda: User.is_admin.is_(True),
        "moderator": lambda: User.is_moderator.is_(True),
        "board-moderator": lambda: User.is_board_moderator.is_(True),
        "staff": lambda: exists().where(
            StaffVerification.user_id == User.id, StaffVerification.revoked_at.is_(None)
        ),
        "customer": lambda: exists().where(
            CustomerVerification.user_id == User.id, CustomerVerification.revoked_at.is_(None)
        ),
        "suspended": lambda: User.suspended_until > utcnow(),
        "banned": lambda: User.banned_at.is_not(None),
        "unconfirmed": lambda: User.email_confirmed_at.is_(None),
        "deleted": lambda: User.deleted_at.is_not(None),
    }[role]()


@dataclass(frozen=True)
class UserSearch:
    text: str = ""
    role: str | None = None
    anywhere: bool = False

    @classmethod
    def from_args(cls, args) -> "UserSearch":
        role = args.get("role")
        return cls(
            text=args.get("q", "").strip()[:QUERY_MAX_LENGTH],
            role=role if role in ROLE_FILTERS else None,
            anywhere=args.get("anywhere") == "1",
        )


@dataclass
class SearchResult:
    page: Page
    # The text matched inside names and addresses, not only at their start.
    anywhere: bool
    # More accounts match than were counted.
    capped: bool


def _starting_with(column, prefix: str):
    """`column` starts with `prefix`, through the column's index: a range (LIKE would not
    use the index on SQLite) over the prefix's leading letters and digits, which every
    collation sorts alike (PostgreSQL's usual ones skip punctuation); the LIKE keeps the
    answer exact."""
    exact = column.startswith(prefix, autoescape=True)
    stem = SORTS_ALIKE.match(prefix).group().rstrip("z9")
    if not stem:
        return exact
    bound = stem[:-1] + chr(ord(stem[-1]) + 1)
    return and_(column >= stem, column < bound, exact)


def _prefix_match(text: str):
    return or_(
        _starting_with(User.username_canonical, canonical_username(text)),
        _starting_with(User.email, text.lower()),
    )


def _substring_match(text: str):
    return or_(
        User.username_canonical.contains(canonical_username(text), autoescape=True),
        User.email.contains(text.lower(), autoescape=True),
        User.display_name.icontains(text, autoescape=True),
    )


def _results(conditions, page: int, per_page: int, anywhere: bool = False) -> SearchResult:
    stmt = select(User).where(*conditions)
    counted = select(func.count()).select_from(
        stmt.with_only_columns(User.id).limit(COUNT_LIMIT + 1).subquery()
    )
    total = db.session.scalar(counted)
    found = paginate(stmt.order_by(User.id.desc()), page, per_page, min(total, COUNT_LIMIT))
    return SearchResult(found, anywhere=anywhere, capped=total > COUNT_LIMIT)


def search(criteria: UserSearch, page: int, per_page: int) -> SearchResult:
    """Newest accounts first."""
    conditions = [] if criteria.role is None else [_role_condition(criteria.role)]
    if not criteria.text:
        return _results(conditions, page, per_page)
    if not criteria.anywhere:
        result = _results([*conditions, _prefix_match(criteria.text)], page, per_page)
        if result.page.total or page > 1:
            return result
    return _results([*conditions, _substring_match(criteria.text)], page, per_page, anywhere=True)


@dataclass
class AccountHistory:
    last_post_at: object
    staff: list[StaffVerification]
    customer: list[CustomerVerification]
    board_moderations: list[BoardModerator]
    warnings: list[UserWarning]
    # The latest grant of each role set by a flag: "moderator" / "admin" -> entry.
    grants: dict[str, AuditEntry]
    about: list[AuditEntry]
    by: list[AuditEntry]
    # Everyone named as having verified, revoked or assigned something.
    people: dict[int, User]


def history(user: User) -> AccountHistory:
    """Everything the admin page shows besides the row itself, in a fixed number of queries."""
    staff = list(
        db.session.scalars(
            select(StaffVerification)
            .where(StaffVerification.user_id == user.id)
            .order_by(StaffVerification.id.desc())
        )
    )
    customer = list(
        db.session.scalars(
            select(CustomerVerification)
            .where(CustomerVerification.user_id == user.id)
            .order_by(CustomerVerification.id.desc())
        )
    )
    boards = list(
        db.session.scalars(
            select(BoardModerator)
            .where(BoardModerator.user_id == user.id)
            .options(joinedload(BoardModerator.board))
            .order_by(BoardModerator.created_at)
        )
    )
    warnings = list(
        db.session.scalars(
            select(UserWarning)
            .where(UserWarning.user_id == user.id)
            .order_by(UserWarning.id.desc())
            .limit(HISTORY_LIMIT)
        )
    )
    about = _entries(AuditEntry.target_type == "user", AuditEntry.target_id == user.id)
    by = _entries(AuditEntry.actor_id == user.id)
    grants = {}
    for entry in db.session.scalars(
        select(AuditEntry)
        .where(
            AuditEntry.target_type == "user",
            AuditEntry.target_id == user.id,
            AuditEntry.action.in_(["user.moderator-grant", "user.admin-grant"]),
        )
        .options(joinedload(AuditEntry.actor))
        .order_by(AuditEntry.id)
    ):
        grants[entry.action.removeprefix("user.").removesuffix("-grant")] = entry
    ids = {
        person
        for row in [*staff, *customer]
        for person in (row.verified_by_id, row.revoked_by_id)
        if person is not None
    }
    ids |= {row.assigned_by_id for row in boards if row.assigned_by_id is not None}
    ids |= {warning.moderator_id for warning in warnings}
    return AccountHistory(
        last_post_at=db.session.scalar(
            select(Post.created_at)
            .where(Post.author_id == user.id)
            .order_by(Post.id.desc())
            .limit(1)
        ),
        staff=staff,
        customer=customer,
        board_moderations=boards,
        warnings=warnings,
        grants=grants,
        about=about,
        by=by,
        people=_people(ids),
    )


def _entries(*conditions) -> list[AuditEntry]:
    return list(
        db.session.scalars(
            select(AuditEntry)
            .where(*conditions)
            .options(joinedload(AuditEntry.actor))
            .order_by(AuditEntry.id.desc())
            .limit(HISTORY_LIMIT)
        )
    )


def _people(ids: set[int]) -> dict[int, User]:
    if not ids:
        return {}
    return {
        person.id: person for person in db.session.scalars(select(User).where(User.id.in_(ids)))
    }
