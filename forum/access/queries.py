"""SQL twins of `decide(user, READ, ...)`: every list, count and page filters through these."""

from sqlalchemy import Select, and_, false, or_, true

from ..models import Board, Post, Thread
from .policy import (
    readable_visibilities,
    sees_all_private_cases,
    sees_hidden_threads,
)


def readable_boards(user, stmt: Select) -> Select:
    return stmt.where(Board.visibility.in_(sorted(readable_visibilities(user))))


def readable_threads(user, stmt: Select) -> Select:
    """`stmt` selects from Thread; the board is joined here. Deleted threads are in no
    list, not even an admin's: admins find them in the trash (`/admin/deleted`)."""
    stmt = readable_boards(user, stmt.join(Board, Thread.board_id == Board.id))
    stmt = stmt.where(Thread.deleted_at.is_(None))
    if not sees_hidden_threads(user):
        shown = and_(Thread.hidden_at.is_(None), held_for_others(Thread, user))
        stmt = stmt.where(or_(shown, in_moderated_boards(user)))
    return stmt if sees_all_private_cases(user) else stmt.where(visible_cases(user))


def visible_cases(user):
    """Public threads, and the private cases the user opened (not FAQ drafts)."""
    if not user.is_authenticated or user.is_banned:
        return Thread.is_private.is_(False)
    own_case = and_(Thread.author_id == user.id, Thread.is_faq_draft.is_(False))
    return or_(Thread.is_private.is_(False), own_case)


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
    shown = and_(Post.hidden_at.is_(None), held_for_others(Post, user))
    return stmt.where(or_(shown, in_moderated_boards(user)))


def moderated_posts(user, stmt: Select) -> Select:
    """`readable_posts` limited to the boards the user moderates: for the queues."""
    return readable_posts(user, stmt).where(in_moderated_boards(user))


def in_moderated_boards(user):
    """SQL: the thread is in a board the user moderates (always true for moderators of
    every board). Selects that use it have joined Thread."""
    if sees_hidden_threads(user):
        return true()
    if user.is_banned or not user.moderated_board_ids:
        return false()
    return Thread.board_id.in_(sorted(user.moderated_board_ids))
