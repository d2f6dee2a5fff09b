"""Reading notifications: the page, and what one leads to."""

from sqlalchemy import func, select, update
from sqlalchemy.orm import joinedload

from ..access import Permission, can
from ..extensions import db
from ..models import Notification, Post, Thread, User, utcnow
from ..pagination import Page, paginate


def page_of(user: User, page: int, per_page: int) -> Page:
    stmt = (
        select(Notification)
        .where(Notification.user_id == user.id)
        .options(
            joinedload(Notification.thread).joinedload(Thread.board),
            joinedload(Notification.actor),
        )
        .order_by(Notification.updated_at.desc(), Notification.id.desc())
    )
    total = db.session.scalar(
        select(func.count(Notification.id)).where(Notification.user_id == user.id)
    )
    return paginate(stmt, page, per_page, total)


def readable_thread(user: User, line: Notification) -> Thread | None:
    """The thread a line names, if the person may still read it (checked again at
    reading time: it may have moved since)."""
    thread = line.thread
    return thread if thread is not None and can(user, Permission.THREAD_READ, thread) else None


def target_post(user: User, line: Notification) -> Post | None:
    post = db.session.get(Post, line.post_id) if line.post_id else None
    if post is None or post.thread_id != line.thread_id:
        return None
    return post if can(user, Permission.POST_READ, post) else None


def mark_read(user: User, line: Notification) -> None:
    if line.read_at is None:
        line.read_at = utcnow()
        recount_unread([user.id])
        db.session.expire(user, ["unread_notifications"])
    db.session.commit()


def mark_all_read(user: User) -> None:
    db.session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    recount_unread([user.id])
    db.session.expire(user, ["unread_notifications"])
    db.session.commit()


def recount_unread(user_ids) -> None:
    """The bells of these people, from the rows, so that they can never drift."""
    if not user_ids:
        return
    db.session.execute(
        update(User)
        .where(User.id.in_(list(user_ids)))
        .values(
            unread_notifications=select(func.count(Notification.id))
            .where(Notification.user_id == User.id, Notification.read_at.is_(None))
            .scalar_subquery()
        )
    )
