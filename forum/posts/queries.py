"""Read models for the thread page."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..access.queries import readable_threads
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


def post_page(thread: Thread, page: int, per_page: int) -> Page:
    stmt = (
        select(Post)
        .where(Post.thread_id == thread.id)
        .options(joinedload(Post.author))
        .order_by(Post.created_at, Post.id)
    )
    return paginate(stmt, page, per_page, total=thread.post_count)


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
