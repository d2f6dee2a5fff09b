"""Read models for the index and board pages: a fixed number of queries per page."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..access import readable_boards
from ..extensions import db
from ..models import Board, Category, Post, Thread
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


def thread_page(board: Board, page: int, per_page: int) -> Page:
    stmt = (
        select(Thread)
        .where(Thread.board_id == board.id)
        .options(
            joinedload(Thread.author),
            joinedload(Thread.last_post).joinedload(Post.author),
        )
        .order_by(Thread.is_pinned.desc(), Thread.last_post_at.desc(), Thread.id.desc())
    )
    return paginate(stmt, page, per_page, total=board.thread_count)
