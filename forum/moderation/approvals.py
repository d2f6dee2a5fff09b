"""The approval queue: new accounts' posts with links, held by the posting services
(see `posts.services.needs_approval`) until a moderator approves or rejects them."""

from sqlalchemy import delete, func, select
from sqlalchemy.orm import joinedload

from ..access import Permission, ensure
from ..access.queries import moderated_posts
from ..extensions import db
from ..models import Post, PostRevision, Report, Thread, User
from ..pagination import Page, paginate
from ..posts import services as post_services
from . import audit, trash


def approve(actor: User, post: Post) -> None:
    """The post (and, for a thread's first post, its thread) appears for everyone."""
    ensure(actor, Permission.POST_HIDE, post)
    if not post.is_pending:
        return
    audit.record(actor, "post.approve", post)
    post_services.release(post)
    db.session.commit()


def reject(actor: User, post: Post, reason: str) -> None:
    """The post is removed (with its thread if it started one); the audit entry keeps
    the text, so that a wrong decision can be seen and the author contacted."""
    ensure(actor, Permission.POST_HIDE, post)
    if not post.is_pending:
        return
    thread = post.thread
    # The post is gone afterwards: the entry keeps whom to tell and what it said.
    before = {"text": post.body_source, "author": post.author.username, "author_id": post.author_id}
    if post.id == thread.first_post_id:
        before["title"] = thread.title
        audit.record(actor, "thread.reject", thread, reason, before=before)
        trash.delete_rows(thread, [post.id])
    else:
        audit.record(actor, "post.reject", post, reason, before=before)
        post_services.count_held(thread, -1)
        post_id = post.id
        db.session.expunge(post)
        for model, column in ((Report, Report.post_id), (PostRevision, PostRevision.post_id)):
            db.session.execute(delete(model).where(column == post_id))
        db.session.execute(delete(Post).where(Post.id == post_id))
    db.session.commit()


def _held(moderator: User):
    return moderated_posts(moderator, select(Post)).where(Post.pending_at.is_not(None))


def queue_page(moderator: User, page: int, per_page: int) -> Page:
    """Oldest first: the longest-waiting author is served first."""
    stmt = _held(moderator).options(
        joinedload(Post.author), joinedload(Post.thread).joinedload(Thread.board)
    )
    total = held_count(moderator)
    return paginate(stmt.order_by(Post.pending_at, Post.id), page, per_page, total)


def held_count(moderator: User) -> int:
    return db.session.scalar(_held(moderator).with_only_columns(func.count(Post.id)))
