"""Deleting threads. A moderator's delete is soft: the thread disappears for everyone
but admins, who restore it or purge it for good. A purge removes the rows; the
audit log keeps that it happened, what the thread was called and how many posts
it held."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select, update

from ..access import NotAllowed, Permission, ensure
from ..extensions import db
from ..models import (
    Board,
    CaseAssignment,
    Notification,
    Post,
    PostRevision,
    Report,
    StaffNote,
    Subscription,
    Thread,
    ThreadAffected,
    ThreadRedirect,
    User,
    utcnow,
)
from ..notifications.queries import recount_unread
from ..pagination import Page, paginate
from ..posts.counters import recount_boards, recount_duplicates, recount_users
from ..search import tasks as search_tasks
from . import audit


def delete_thread(actor: User, thread: Thread, reason: str) -> None:
    ensure(actor, Permission.THREAD_MODERATE, thread)
    if thread.is_deleted:
        return
    thread.deleted_at, thread.deleted_by_id, thread.deleted_reason = utcnow(), actor.id, reason
    audit.record(actor, "thread.delete", thread, reason)
    db.session.flush()
    recount_boards(thread.board_id)
    search_tasks.thread_changed(thread)
    db.session.commit()


def restore_deleted(actor: User, thread: Thread, reason: str = "") -> None:
    ensure(actor, Permission.TRASH_MANAGE)
    if not thread.is_deleted:
        return
    audit.record(actor, "thread.undelete", thread, reason, before=thread.deleted_reason)
    thread.deleted_at = thread.deleted_by_id = thread.deleted_reason = None
    db.session.flush()
    recount_boards(thread.board_id)
    search_tasks.thread_and_posts_changed(thread)
    db.session.commit()


def purge(actor: User, thread: Thread, reason: str = "") -> None:
    """For good: the thread, its posts and everything that hangs on them."""
    ensure(actor, Permission.TRASH_MANAGE)
    if not thread.is_deleted:
        raise NotAllowed(_l("Only deleted threads can be purged."))
    post_ids = list(db.session.scalars(select(Post.id).where(Post.thread_id == thread.id)))
    author_ids = set(db.session.scalars(select(Post.author_id).where(Post.thread_id == thread.id)))
    audit.record(
        actor,
        "thread.purge",
        thread,
        reason,
        before={"title": thread.title, "board": thread.board.name, "posts": len(post_ids)},
    )
    search_tasks.thread_removed(thread.id, post_ids)
    board_id, original_id = thread.board_id, thread.duplicate_of_id
    delete_rows(thread, post_ids)
    recount_boards(board_id)
    recount_duplicates(original_id)
    recount_users(*author_ids)
    db.session.commit()


def delete_rows(thread: Thread, post_ids: list[int]) -> None:
    """The thread's rows and everything that hangs on them. The caller recounts boards
    and authors; the bells of those told about the thread are recounted here."""
    thread_id = thread.id
    told = set(
        db.session.scalars(select(Notification.user_id).where(Notification.thread_id == thread_id))
    )
    db.session.expunge(thread)
    db.session.execute(
        update(Thread)
        .where(Thread.id == thread_id)
        .values(first_post_id=None, last_post_id=None, solution_post_id=None)
    )
    db.session.execute(
        update(Thread).where(Thread.duplicate_of_id == thread_id).values(duplicate_of_id=None)
    )
    db.session.execute(
        update(Thread).where(Thread.faq_case_id == thread_id).values(faq_case_id=None)
    )
    db.session.execute(
        update(Board).where(Board.last_post_id.in_(post_ids)).values(last_post_id=None)
    )
    for model, column in (
        (Report, Report.post_id),
        (PostRevision, PostRevision.post_id),
    ):
        db.session.execute(delete(model).where(column.in_(post_ids)))
    for model in (
        ThreadAffected,
        Subscription,
        CaseAssignment,
        StaffNote,
        ThreadRedirect,
        Notification,
        Post,
    ):
        db.session.execute(delete(model).where(model.thread_id == thread_id))
    db.session.execute(delete(Thread).where(Thread.id == thread_id))
    recount_unread(told)


def deleted_page(page: int, per_page: int) -> Page:
    stmt = select(Thread).where(Thread.deleted_at.is_not(None))
    total = db.session.scalar(stmt.with_only_columns(func.count(Thread.id)))
    newest_first = stmt.order_by(Thread.deleted_at.desc(), Thread.id.desc())
    return paginate(newest_first, page, per_page, total)
