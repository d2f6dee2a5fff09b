"""Read models for public profiles."""

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from ..access import readable_posts
from ..extensions import db
from ..models import Post, Thread, User, canonical_username
from ..pagination import Page, paginate


def user_by_name(username: str) -> User | None:
    return db.session.scalar(
        select(User).where(User.username_canonical == canonical_username(username))
    )


def visible_posts_page(viewer, author: User, page: int, per_page: int) -> Page:
    """The author's posts that the viewer may read, newest first. An anonymised customer's
    words that a staff member wrote down for an FAQ are not theirs."""
    own = select(Post).where(Post.author_id == author.id, Post.anonymised_customer.is_(False))
    visible = readable_posts(viewer, own)
    total = db.session.scalar(visible.with_only_columns(func.count(Post.id)))
    stmt = visible.options(joinedload(Post.thread).joinedload(Thread.board)).order_by(
        Post.id.desc()
    )
    return paginate(stmt, page, per_page, total=total)
