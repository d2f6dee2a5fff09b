"""Read models for the index and board pages: a fixed number of queries per page."""

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from ..access import readable_boards, readable_threads
from ..extensions import db
from ..models import Board, Category, Post, Thread, ThreadStatus
from ..pagination import Page, paginate


def board_index(user) -> list[tuple[Category, list[Board]]]:
    boards = db.session.scalars(
        readable_boards(user, select(Board))
        .join(Category, Board.category_id == Category.id)
        .options(
            joinedload(Board.category),
            joinedload(Board.last_post).joinedload(Post.author),
            joinedload(Board.last_post).joinedload(Post.thread),
        )
        .order_by(Category.position, Category.id, Board.position, Board.id)
    ).all()
    grouped: dict[int, tuple[Category, list[Board]]] = {}
    for board in boards:
        grouped.setdefault(board.category_id, (board.category, []))[1].append(board)
    return list(grouped.values())


def board_by_slug(slug: str) -> Board | None:
    return db.session.scalar(
        select(Board).where(Board.slug == slug).options(joinedload(Board.category))
    )


def board_by_id(board_id: int | None) -> Board | None:
    return db.session.get(Board, board_id) if board_id else None


def boards_by_ids(board_ids: list[int]) -> list[Board]:
    if not board_ids:
        return []
    return list(db.session.scalars(select(Board).where(Board.id.in_(board_ids))))


# Filters of a support board's list: which question states each one shows.
QUESTION_FILTERS = {
    "open": (ThreadStatus.OPEN, ThreadStatus.ANSWERED),
    "unanswered": (ThreadStatus.OPEN,),
    "solved": (ThreadStatus.SOLVED,),
}


def thread_page(
    viewer, board: Board, page: int, per_page: int, question_filter: str | None
) -> Page:
    """The board's threads the viewer may see: public ones, and private cases they may see."""
    visible = readable_threads(viewer, select(Thread)).where(Thread.board_id == board.id)
    stmt = visible.options(
        joinedload(Thread.author),
        joinedload(Thread.last_post).joinedload(Post.author),
        joinedload(Thread.solution).joinedload(Post.author),
    ).order_by(Thread.is_pinned.desc(), Thread.last_post_at.desc(), Thread.id.desc())
    # The counter holds the threads everyone sees; private cases and hidden threads are
    # counted for those who see them.
    unlisted = visible.where(~Thread.listed())
    total = board.thread_count + db.session.scalar(
        unlisted.with_only_columns(func.count(Thread.id))
    )
    if question_filter in QUESTION_FILTERS:
        stmt = stmt.where(Thread.status.in_([s.value for s in QUESTION_FILTERS[question_filter]]))
        total = db.session.scalar(stmt.with_only_columns(func.count(Thread.id)).order_by(None))
    return paginate(stmt, page, per_page, total=total)
