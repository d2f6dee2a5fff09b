"""SQL twins of `decide(user, READ, ...)`: every list, count and page filters through these."""

from sqlalchemy import Select, or_

from ..models import Board, Post, Thread
from .policy import (
    readable_visibilities,
    sees_all_private_cases,
    sees_deleted_threads,
    sees_hidden_threads,
)


def readable_boards(user, stmt: Select) -> Select:
    return stmt.where(Board.visibility.in_(sorted(readable_visibilities(user))))


def readable_threads(user, stmt: Select) -> Select:
    """`stmt` selects from Thread; the board is joined here."""
    stmt = readable_boards(user, stmt.join(Board, Thread.board_id == Board.id))
    if not sees_hidden_threads(user):
        stmt = stmt.where(Thread.hidden_at.is_(None), held_for_others(Thread, user))
    if not sees_deleted_threads(user):
        stmt = stmt.where(Thread.deleted_at.is_(None))
    return stmt if sees_all_private_cases(user) else stmt.where(visible_cases(user))


def visible_cases(user):
    """Public threads, and the private cases the user opened."""
    if not user.is_authenticated or user.is_banned:
        return Thread.is_private.is_(False)
    return or_(Thread.is_private.is_(False), Thread.author_id == user.id)


def held_for_others(model, user):
    """SQL: not held for approval, or held but written by the user (Thread or Post)."""
    if not user.is_authenticated or user.is_banned:
        return model.pending_at.is_(None)
    return or_(model.pending_at.is_(None), model.author_id == user.id)


def readable_posts(user, stmt: Select) -> Select:
    """`stmt` selects from Post; thread and board are joined here. Hidden posts are
    readable only by those who moderate; held posts also by their authors."""
    stmt = readable_threads(user, stmt.join(Thread, Post.thread_id == Thread.id))
    if sees_hidden_threads(user):
        return stmt
    return stmt.where(Post.hidden_at.is_(None), held_for_others(Post, user))
