"""Read models for the thread page."""

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from ..access.policy import moderates
from ..access.queries import held_for_others, readable_threads
from ..extensions import db
from ..models import Post, Thread, ThreadRedirect
from ..pagination import Page, paginate


def load_thread(thread_id: int) -> Thread | None:
    """With what the thread page and the policy read, in one query."""
    return db.session.scalar(
        select(Thread)
        .where(Thread.id == thread_id)
        .options(
            joinedload(Thread.board),
            joinedload(Thread.author),
            joinedload(Thread.case_manager),
            joinedload(Thread.solution).joinedload(Post.author),
        )
    )


def merged_into(old_thread_id: int) -> int | None:
    """Where the address of a merged thread leads, if it was merged."""
    return db.session.scalar(
        select(ThreadRedirect.thread_id).where(ThreadRedirect.old_thread_id == old_thread_id)
    )


def load_post(post_id: int) -> Post | None:
    return db.session.scalar(
        select(Post)
        .where(Post.id == post_id)
        .options(joinedload(Post.thread).joinedload(Thread.board), joinedload(Post.author))
    )


def post_page(viewer, thread: Thread, page: int, per_page: int) -> Page:
    """Posts held for approval show to their authors and the moderators; hidden ones
    show to everyone (as a placeholder for most)."""
    stmt = select(Post).where(Post.thread_id == thread.id)
    total = thread.post_count
    if moderates(viewer, thread.board):
        total += thread.held_count
    else:
        stmt = stmt.where(held_for_others(Post, viewer))
        if thread.held_count and viewer.is_authenticated:
            total += db.session.scalar(
                select(func.count(Post.id)).where(
                    Post.thread_id == thread.id,
                    Post.pending_at.is_not(None),
                    Post.author_id == viewer.id,
                )
            )
    stmt = stmt.options(joinedload(Post.author)).order_by(Post.created_at, Post.id)
    return paginate(stmt, page, per_page, total=total)


def duplicates(viewer, thread: Thread) -> list[Thread]:
    """The threads closed as duplicates of this one that the viewer may see."""
    return list(
        db.session.scalars(
            readable_threads(viewer, select(Thread))
            .where(Thread.duplicate_of_id == thread.id)
            .order_by(Thread.id)
            .limit(50)
        )
    )
