"""Moderators of single boards, appointed by admins. The board_moderators rows are
the truth; `users.is_board_moderator` only spares everyone else the lookup."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, exists, select
from sqlalchemy.orm import joinedload

from ..access import NotAllowed, Permission, decide, ensure
from ..extensions import db
from ..models import Board, BoardModerator, Category, User
from . import audit


def appoint(actor: User, board: Board, user: User, reason: str = "") -> None:
    ensure(actor, Permission.BOARD_MODERATORS_MANAGE)
    if user.is_banned or not decide(user, Permission.BOARD_READ, board).allowed:
        raise NotAllowed(_l("This account cannot read the board, so it cannot moderate it."))
    if user.is_moderator or user.is_admin:
        raise NotAllowed(_l("This account moderates every board already."))
    if db.session.get(BoardModerator, (board.id, user.id)) is not None:
        return
    db.session.add(BoardModerator(board_id=board.id, user_id=user.id, assigned_by_id=actor.id))
    user.is_board_moderator = True
    audit.record(actor, "board.moderator-add", board, reason, after={"user": user.username})
    db.session.commit()
    _forget_cached_boards(user)


def dismiss(actor: User, board: Board, user: User, reason: str = "") -> None:
    ensure(actor, Permission.BOARD_MODERATORS_MANAGE)
    removed = db.session.execute(
        delete(BoardModerator).where(
            BoardModerator.board_id == board.id, BoardModerator.user_id == user.id
        )
    ).rowcount
    if not removed:
        return
    still_moderates = db.session.scalar(select(exists().where(BoardModerator.user_id == user.id)))
    user.is_board_moderator = bool(still_moderates)
    audit.record(actor, "board.moderator-remove", board, reason, before={"user": user.username})
    db.session.commit()
    _forget_cached_boards(user)


def _forget_cached_boards(user: User) -> None:
    """The loaded account must not act on the boards it moderated before."""
    user.__dict__.pop("moderated_board_ids", None)


def by_board() -> list[tuple[Board, list[User]]]:
    """Every board with its moderators, in the index's order."""
    boards = db.session.scalars(
        select(Board)
        .join(Category, Board.category_id == Category.id)
        .order_by(Category.position, Category.id, Board.position, Board.id)
    ).all()
    moderators: dict[int, list[User]] = {board.id: [] for board in boards}
    for row in db.session.scalars(
        select(BoardModerator)
        .options(joinedload(BoardModerator.user))
        .order_by(BoardModerator.created_at)
    ):
        moderators[row.board_id].append(row.user)
    return [(board, moderators[board.id]) for board in boards]
