"""Shaping the forum from the admin pages: categories and boards, their order, who
reads and who writes in them. Each change is one commit with its audit entry.

A board's new visibility needs no reindexing: search documents carry the board's
id only, and the search filter reads which boards someone may read from the
database at every search (search/filtering.py); feeds and lists query through the
access policy's SQL filters. So every surface follows at the commit.

A board's address (slug) is fixed once the board holds threads: there is no
redirect from an old board address, and bookmarks, links in posts and feed
subscriptions must keep working."""

import re
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, exists, select, update
from sqlalchemy.exc import IntegrityError

from ..access import Permission, decide, ensure
from ..boards import services as board_services
from ..extensions import db
from ..models import (
    Board,
    BoardModerator,
    BoardSubscription,
    Category,
    Incident,
    IncidentBoard,
    Thread,
    User,
)
from ..moderation import audit, board_moderators

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_RULE = _l("Lower-case letters a–z, digits and single hyphens between them.")


class Refused(Exception):
    """A change the forum's data does not allow. `field` names the form field it is
    about (None: the form as a whole); `reason` is a lazy translation."""

    def __init__(self, reason, field: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.field = field


@dataclass
class BoardFields:
    """What the board form sets. An empty slug: made from the name (when creating)
    or kept as it is (when editing)."""

    name: str
    slug: str
    description: str
    category: Category
    visibility: str
    posting_policy: str
    is_support: bool


@dataclass
class BoardEntry:
    """A board on the admin page, with its moderators and whether each can read it."""

    board: Board
    moderators: list[tuple[User, bool]]


def overview() -> list[tuple[Category, list[BoardEntry]]]:
    """Every category in the index's order with its boards, empty categories too."""
    ordered = categories()
    grouped: dict[int, list[BoardEntry]] = {category.id: [] for category in ordered}
    for board, moderators in board_moderators.by_board():
        readers = [
            (user, decide(user, Permission.BOARD_READ, board).allowed) for user in moderators
        ]
        grouped[board.category_id].append(BoardEntry(board, readers))
    return [(category, grouped[category.id]) for category in ordered]


def categories() -> list[Category]:
    return list(db.session.scalars(select(Category).order_by(Category.position, Category.id)))


def has_threads(board: Board) -> bool:
    """Any thread at all: hidden, deleted, held and private ones count too."""
    return bool(db.session.scalar(select(exists().where(Thread.board_id == board.id))))


# Categories


def create_category(actor: User, name: str) -> Category:
    ensure(actor, Permission.ADMIN_AREA)
    category = Category(name=name.strip(), position=board_services.next_category_position())
    db.session.add(category)
    db.session.flush()
    audit.record(actor, "category.create", category, after={"name": category.name})
    db.session.commit()
    return category


def rename_category(actor: User, category: Category, name: str) -> None:
    ensure(actor, Permission.ADMIN_AREA)
    name = name.strip()
    if name == category.name:
        return
    audit.record(
        actor, "category.edit", category, before={"name": category.name}, after={"name": name}
    )
    category.name = name
    db.session.commit()


def delete_category(actor: User, category: Category) -> None:
    """Only an empty category: boards are moved or deleted one by one, on purpose."""
    ensure(actor, Permission.ADMIN_AREA)
    if db.session.scalar(select(exists().where(Board.category_id == category.id))):
        raise Refused(
            _l(
                "This category still holds boards. Move them to another category"
                " or delete them first."
            )
        )
    audit.record(actor, "category.delete", category, before={"name": category.name})
    db.session.delete(category)
    db.session.commit()


def move_category(actor: User, category: Category, step: int) -> bool:
    """One place up (-1) or down (+1); False at either end."""
    ensure(actor, Permission.ADMIN_AREA)
    return _move(actor, categories(), category, step, "category.move")


# Boards


def create_board(actor: User, fields: BoardFields) -> Board:
    """At the end of its category."""
    ensure(actor, Permission.ADMIN_AREA)
    slug = _wanted_slug(fields, None)
    board = Board(
        category=fields.category,
        name=fields.name.strip(),
        slug=slug,
        description=fields.description.strip(),
        visibility=fields.visibility,
        posting_policy=fields.posting_policy,
        is_support=fields.is_support,
        position=board_services.next_board_position(fields.category),
    )
    db.session.add(board)
    db.session.flush()
    audit.record(actor, "board.create", board, after=_snapshot(board))
    _commit_or_slug_taken(slug)
    return board


def update_board(actor: User, board: Board, fields: BoardFields) -> list[str]:
    """The names of the fields that changed; only those go into the audit entry."""
    ensure(actor, Permission.ADMIN_AREA)
    before = _snapshot(board)
    slug = _wanted_slug(fields, board)
    moved = fields.category.id != board.category_id
    if moved:
        board.position = board_services.next_board_position(fields.category)
        board.category = fields.category
    board.name = fields.name.strip()
    board.slug = slug
    board.description = fields.description.strip()
    board.visibility = fields.visibility
    board.posting_policy = fields.posting_policy
    board.is_support = fields.is_support
    after = _snapshot(board)
    # Two categories may share a name: a move counts even when the names are equal.
    changed = [key for key in before if before[key] != after[key] or (key == "category" and moved)]
    if not changed:
        db.session.rollback()
        return []
    audit.record(
        actor,
        "board.edit",
        board,
        before={key: before[key] for key in changed},
        after={key: after[key] for key in changed},
    )
    _commit_or_slug_taken(slug)
    return changed


def move_board(actor: User, board: Board, step: int) -> bool:
    """One place up (-1) or down (+1) within its category; False at either end."""
    ensure(actor, Permission.ADMIN_AREA)
    siblings = list(
        db.session.scalars(
            select(Board)
            .where(Board.category_id == board.category_id)
            .order_by(Board.position, Board.id)
        )
    )
    return _move(actor, siblings, board, step, "board.move")


def delete_board(actor: User, board: Board) -> None:
    """Only a board without threads (moderators move threads; admins purge deleted
    ones in the trash). Its moderators, followers and links from resolved incidents
    go with it; a board an active incident's banner is shown in stays."""
    ensure(actor, Permission.ADMIN_AREA)
    if has_threads(board):
        raise Refused(
            _l(
                "This board still holds threads (hidden, deleted and private ones count"
                " too). Move them to another board first; deleted threads can be purged"
                " in the trash."
            )
        )
    active_incident = (
        select(IncidentBoard.incident_id)
        .join(Incident, Incident.id == IncidentBoard.incident_id)
        .where(IncidentBoard.board_id == board.id, Incident.resolved_at.is_(None))
    )
    if db.session.scalar(active_incident.limit(1)) is not None:
        raise Refused(_l("An active incident is announced in this board. Resolve it first."))
    audit.record(actor, "board.delete", board, before=_snapshot(board))
    moderator_ids = list(
        db.session.scalars(
            select(BoardModerator.user_id).where(BoardModerator.board_id == board.id)
        )
    )
    for model in (BoardModerator, BoardSubscription, IncidentBoard):
        db.session.execute(delete(model).where(model.board_id == board.id))
    if moderator_ids:
        still_moderates = exists().where(BoardModerator.user_id == User.id)
        db.session.execute(
            update(User)
            .where(User.id.in_(moderator_ids))
            .values(is_board_moderator=still_moderates)
        )
    db.session.delete(board)
    db.session.commit()


# Helpers: they add and flush, the services above commit.


def _snapshot(board: Board) -> dict:
    """The board's settings as the audit log keeps them."""
    return {
        "name": board.name,
        "slug": board.slug,
        "description": board.description,
        "category": board.category.name,
        "visibility": str(board.visibility),
        "posting_policy": str(board.posting_policy),
        "is_support": bool(board.is_support),
    }


def _slug_owner(slug: str) -> Board | None:
    return db.session.scalar(select(Board).where(Board.slug == slug))


def _wanted_slug(fields: BoardFields, board: Board | None) -> str:
    """A typed slug must be free; one made from the name gets a number when taken."""
    typed = fields.slug.strip()
    if board is not None and typed in ("", board.slug):
        return board.slug
    if board is not None and has_threads(board):
        raise Refused(
            _l(
                "The address stays as it is: the board holds threads, and links to it"
                " and feed subscriptions must keep working."
            ),
            "slug",
        )
    if typed and not SLUG_PATTERN.match(typed):
        raise Refused(SLUG_RULE, "slug")
    if typed:
        owner = _slug_owner(typed)
        if owner is not None and owner is not board:
            raise Refused(
                _l("The board “%(name)s” has this address already.", name=owner.name), "slug"
            )
        return typed
    base = board_services.generated_slug(fields.name)
    if not base:
        raise Refused(_l("Please choose an address: the name has no letters or digits."), "slug")
    slug, number = base, 1
    while _slug_owner(slug) is not None:
        number += 1
        slug = f"{base[: board_services.SLUG_MAX_LENGTH - len(str(number)) - 1]}-{number}"
    return slug


def _commit_or_slug_taken(slug: str) -> None:
    """Two admins saving the same address at once: the unique index decides."""
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Refused(_l("Another board took this address just now."), "slug") from None


def _move(actor: User, ordered: list, item, step: int, action: str) -> bool:
    """Swaps `item` with its neighbour and numbers the list 1…n (old rows may share
    positions)."""
    index = ordered.index(item)
    target = index + step
    if step not in (-1, 1) or not 0 <= target < len(ordered):
        return False
    ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, row in enumerate(ordered, start=1):
        row.position = position
    audit.record(
        actor, action, item, before={"position": index + 1}, after={"position": target + 1}
    )
    db.session.commit()
    return True
