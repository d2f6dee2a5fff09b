"""Merging two threads and splitting replies off into a new one. Posts keep their
ids, so every permalink still works; a merged thread's address leads to the
thread it was merged into."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, insert, select, update

from ..access import NotAllowed, Permission, ensure
from ..extensions import db
from ..models import (
    Board,
    CaseAssignment,
    Notification,
    Post,
    StaffNote,
    Subscription,
    Thread,
    ThreadAffected,
    ThreadRedirect,
    User,
)
from ..posts.counters import recount_boards, recount_duplicates, recount_threads
from ..posts.services import slug_for
from ..search import tasks as search_tasks
from . import audit
from .services import ensure_target_board


def merge(actor: User, one: Thread, other: Thread, reason: str = "") -> Thread:
    """The older thread stays and takes the other's posts, interleaved by time; the
    newer one's address redirects to it. Returns the thread that stays."""
    ensure(actor, Permission.THREAD_MODERATE, one)
    ensure(actor, Permission.THREAD_MODERATE, other)
    if one.id == other.id:
        raise NotAllowed(_l("Choose another thread to merge with."))
    for thread in (one, other):
        _ensure_live(thread)
    if (one.is_private, one.is_private and one.author_id) != (
        other.is_private,
        other.is_private and other.author_id,
    ):
        raise NotAllowed(_l("Only threads with the same audience can be merged."))
    target, source = sorted((one, other), key=lambda thread: (thread.created_at, thread.id))
    audit.record(
        actor,
        "thread.merge",
        target,
        reason,
        before={"thread": source.id, "title": source.title, "board": source.board.name},
    )
    if target.solution_post_id is None and source.solution_post_id is not None:
        target.solution_post_id = source.solution_post_id
    source_id, boards = source.id, {source.board_id, target.board_id}
    source_original = source.duplicate_of_id
    db.session.flush()
    _move_thread_rows(source_id, target.id)
    db.session.expunge(source)
    db.session.execute(delete(Thread).where(Thread.id == source_id))
    recount_threads(target.id)
    recount_duplicates(target.id, source_original)
    recount_boards(*boards)
    search_tasks.thread_removed(source_id, [])
    search_tasks.thread_and_posts_changed(target)
    db.session.commit()
    db.session.refresh(target)
    return target


def _ensure_live(thread: Thread) -> None:
    """Merging or splitting a thread that is out of sight would bring its posts back
    without the restore that belongs to it."""
    if thread.is_hidden or thread.is_deleted:
        raise NotAllowed(_l("Show the hidden thread again before merging or splitting it."))
    if thread.is_pending:
        raise NotAllowed(_l("Approve the waiting thread before merging or splitting it."))


def _move_thread_rows(source_id: int, target_id: int) -> None:
    """Everything that hangs on the source thread moves to the target; per-person
    rows that the target has already are dropped."""
    for model in (ThreadAffected, Subscription):
        already = select(model.user_id).where(model.thread_id == target_id)
        db.session.execute(
            delete(model).where(model.thread_id == source_id, model.user_id.in_(already))
        )
    for model in (Post, ThreadAffected, Subscription, CaseAssignment, StaffNote, Notification):
        db.session.execute(
            update(model).where(model.thread_id == source_id).values(thread_id=target_id)
        )
    db.session.execute(
        update(Thread)
        .where(Thread.id == source_id)
        .values(first_post_id=None, last_post_id=None, solution_post_id=None)
    )
    db.session.execute(
        update(Thread)
        .where(Thread.duplicate_of_id == source_id, Thread.id != target_id)
        .values(duplicate_of_id=target_id)
    )
    db.session.execute(
        update(Thread)
        .where(Thread.id == target_id, Thread.duplicate_of_id == source_id)
        .values(duplicate_of_id=None)
    )
    db.session.execute(
        update(ThreadRedirect)
        .where(ThreadRedirect.thread_id == source_id)
        .values(thread_id=target_id)
    )
    db.session.execute(insert(ThreadRedirect).values(old_thread_id=source_id, thread_id=target_id))


def split(
    actor: User, thread: Thread, post_ids: list[int], title: str, board: Board, reason: str = ""
) -> Thread:
    """The chosen replies become a new thread, started by the author of the earliest
    of them. A private case's replies stay private to the same customer."""
    ensure(actor, Permission.THREAD_MODERATE, thread)
    ensure_target_board(actor, board)
    _ensure_live(thread)
    posts = list(
        db.session.scalars(
            select(Post)
            .where(Post.id.in_(post_ids), Post.thread_id == thread.id)
            .order_by(Post.created_at, Post.id)
        )
    )
    if not posts or len(posts) != len(set(post_ids)):
        raise NotAllowed(_l("Choose replies of this thread."))
    if any(post.is_pending for post in posts):
        raise NotAllowed(_l("Approve or reject the waiting replies first."))
    if posts[0].is_hidden:
        raise NotAllowed(_l("A new thread cannot start with a hidden post."))
    if thread.first_post_id in {post.id for post in posts}:
        raise NotAllowed(_l("The first post stays with its thread."))
    if thread.is_private and posts[0].author_id != thread.author_id:
        raise NotAllowed(_l("A private case can only be split at a post of its customer."))
    title = title.strip()
    new = Thread(
        board=board,
        author_id=posts[0].author_id,
        title=title,
        slug=slug_for(title),
        created_at=posts[0].created_at,
        last_post_at=posts[-1].created_at,
        waiting_since=posts[0].created_at if board.is_support else None,
        is_private=thread.is_private,
        # Split off at an anonymised customer's words: the new thread names no starter.
        is_faq=posts[0].anonymised_customer,
    )
    db.session.add(new)
    db.session.flush()
    moved = [post.id for post in posts]
    if thread.solution_post_id in moved:
        new.solution_post_id, thread.solution_post_id = thread.solution_post_id, None
    audit.record(actor, "thread.split", thread, reason, after={"thread": new.id, "posts": moved})
    db.session.flush()
    db.session.execute(update(Post).where(Post.id.in_(moved)).values(thread_id=new.id))
    recount_threads(thread.id, new.id)
    recount_boards(thread.board_id, board.id)
    search_tasks.thread_changed(thread)
    search_tasks.thread_and_posts_changed(new)
    db.session.commit()
    db.session.refresh(thread)
    return new
