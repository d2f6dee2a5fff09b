"""SQL twins of `decide(user, READ, ...)`: every list, count and page filters through these."""

from sqlalchemy import Select

from ..models import Board, Post, Thread
from .policy import readable_visibilities


def readable_boards(user, stmt: Select) -> Select:
    return stmt.where(Board.visibility.in_(sorted(readable_visibilities(user))))


def readable_threads(user, stmt: Select) -> Select:
    """`stmt` selects from Thread; the board is joined here."""
    return readable_boards(user, stmt.join(Board, Thread.board_id == Board.id))


def readable_posts(user, stmt: Select) -> Select:
    """`stmt` selects from Post; thread and board are joined here."""
    return readable_threads(user, stmt.join(Thread, Post.thread_id == Thread.id))
