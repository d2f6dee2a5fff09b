"""Recompute the denormalized counters from the rows themselves.

Services keep counters right one post at a time; this is for bulk imports and
for repairing counters after maintenance. Pure SQL: nothing is loaded.
"""

from sqlalchemy import Integer, case, cast, exists, func, select, update
from sqlalchemy.orm import aliased

from ..extensions import db
from ..models import (
    Board,
    Post,
    StaffVerification,
    Thread,
    ThreadAffected,
    ThreadStatus,
    User,
)


def recount_all() -> None:
    recount_threads()
    recount_boards()
    recount_users()
    db.session.commit()


def recount_threads(*thread_ids: int) -> None:
    """Post counts, first and last post (in reading order: by time) and the support
    figures of the given threads (all when none are given): after posts moved."""
    in_thread = _published_in_thread()
    any_in_thread = Post.thread_id == Thread.id  # the first post starts it, held or not
    held = any_in_thread & Post.pending_at.is_not(None)
    db.session.execute(
        _threads(thread_ids).values(
            post_count=select(func.count(Post.id)).where(in_thread).scalar_subquery(),
            held_count=select(func.count(Post.id)).where(held).scalar_subquery(),
            first_post_id=select(Post.id)
            .where(any_in_thread)
            .order_by(Post.created_at, Post.id)
            .limit(1)
            .scalar_subquery(),
            last_post_id=select(Post.id)
            .where(in_thread)
            .order_by(Post.created_at.desc(), Post.id.desc())
            .limit(1)
            .scalar_subquery(),
        )
    )
    db.session.execute(
        _threads(thread_ids).values(
            last_post_at=select(Post.created_at)
            .where(Post.id == Thread.last_post_id)
            .scalar_subquery()
        )
    )
    _recount_support(thread_ids)


def recount_duplicates(*thread_ids: int | None) -> None:
    """How many threads are closed as duplicates of each given one (None is skipped):
    after a duplicate disappeared in a merge or purge."""
    ids = [thread_id for thread_id in thread_ids if thread_id is not None]
    if not ids:
        return
    duplicate = aliased(Thread)
    db.session.execute(
        update(Thread)
        .where(Thread.id.in_(ids))
        .values(
            duplicate_count=select(func.count(duplicate.id))
            .where(duplicate.duplicate_of_id == Thread.id)
            .scalar_subquery()
        )
    )


def _published_in_thread():
    """Posts held for approval are not counted until they are approved."""
    return (Post.thread_id == Thread.id) & Post.pending_at.is_(None)


def _threads(thread_ids):
    return update(Thread).where(Thread.id.in_(thread_ids)) if thread_ids else update(Thread)


def recount_users(*user_ids: int) -> None:
    """Post counts of the given users (all when none are given)."""
    stmt = update(User)
    if user_ids:
        stmt = stmt.where(User.id.in_(user_ids))
    db.session.execute(
        stmt.values(
            post_count=select(func.count(Post.id))
            .where(
                Post.author_id == User.id,
                Post.pending_at.is_(None),
                Post.anonymised_customer.is_(False),
            )
            .scalar_subquery()
        )
    )


def recount_boards(*board_ids: int) -> None:
    """Thread and post counts and the latest post of the given boards (all when none
    are given), from the threads every reader of the board sees."""
    listed_in_board = (Thread.board_id == Board.id) & Thread.listed()
    stmt = update(Board)
    if board_ids:
        stmt = stmt.where(Board.id.in_(board_ids))
    db.session.execute(
        stmt.values(
            thread_count=select(func.count(Thread.id)).where(listed_in_board).scalar_subquery(),
            post_count=select(func.coalesce(func.sum(Thread.post_count), 0))
            .where(listed_in_board)
            .scalar_subquery(),
            last_post_id=select(Thread.last_post_id)
            .where(listed_in_board)
            .order_by(Thread.last_post_at.desc(), Thread.id.desc())
            .limit(1)
            .scalar_subquery(),
        )
    )


def _seconds_between(later, earlier):
    if db.engine.dialect.name == "postgresql":
        return cast(func.extract("epoch", later - earlier), Integer)
    return cast((func.julianday(later) - func.julianday(earlier)) * 86400, Integer)


def _recount_support(thread_ids) -> None:
    """Status and staff timings of every question, as the posting services keep them."""
    in_thread = _published_in_thread()
    by_staff = (
        select(Post.created_at)
        .join(StaffVerification, StaffVerification.user_id == Post.author_id)
        .where(
            in_thread, Post.author_id != Thread.author_id, StaffVerification.revoked_at.is_(None)
        )
    )
    someone_else_replied = exists().where(in_thread, Post.author_id != Thread.author_id)
    is_question = exists().where(Board.id == Thread.board_id, Board.is_support)
    db.session.execute(
        _threads(thread_ids).values(
            first_staff_reply_at=by_staff.order_by(Post.created_at).limit(1).scalar_subquery(),
            last_staff_reply_at=by_staff.order_by(Post.created_at.desc())
            .limit(1)
            .scalar_subquery(),
            affected_count=select(func.count())
            .select_from(ThreadAffected)
            .where(ThreadAffected.thread_id == Thread.id)
            .scalar_subquery(),
            last_asker_post_at=select(func.max(Post.created_at))
            .where(in_thread, Post.author_id == Thread.author_id)
            .scalar_subquery(),
            status=case(
                (Thread.status == ThreadStatus.CLOSED.value, Thread.status),
                (~is_question, ThreadStatus.OPEN.value),
                (Thread.solution_post_id.is_not(None), ThreadStatus.SOLVED.value),
                (someone_else_replied, ThreadStatus.ANSWERED.value),
                else_=ThreadStatus.OPEN.value,
            ),
        )
    )
    asker_after_staff = (
        select(func.min(Post.created_at))
        .where(
            in_thread,
            Post.author_id == Thread.author_id,
            Post.created_at > Thread.last_staff_reply_at,
        )
        .scalar_subquery()
    )
    db.session.execute(
        _threads(thread_ids).values(
            waiting_since=case(
                (~is_question, None),
                (Thread.last_staff_reply_at.is_(None), Thread.created_at),
                else_=asker_after_staff,
            )
        )
    )
    db.session.execute(
        _threads(thread_ids).values(
            first_staff_reply_seconds=_seconds_between(
                Thread.first_staff_reply_at, Thread.created_at
            )
        )
    )
