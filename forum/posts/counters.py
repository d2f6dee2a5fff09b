"""Recompute the denormalized counters from the rows themselves.

Services keep counters right one post at a time; this is for bulk imports and
for repairing counters after maintenance. Pure SQL: nothing is loaded.
"""

from sqlalchemy import func, select, update

from ..extensions import db
from ..models import Board, Post, Thread, User


def recount_all() -> None:
    in_thread = Post.thread_id == Thread.id
    db.session.execute(
        update(Thread).values(
            post_count=select(func.count(Post.id)).where(in_thread).scalar_subquery(),
            first_post_id=select(func.min(Post.id)).where(in_thread).scalar_subquery(),
            last_post_id=select(func.max(Post.id)).where(in_thread).scalar_subquery(),
        )
    )
    db.session.execute(
        update(Thread).values(
            last_post_at=select(Post.created_at)
            .where(Post.id == Thread.last_post_id)
            .scalar_subquery()
        )
    )
    db.session.execute(
        update(Board).values(
            thread_count=select(func.count(Thread.id))
            .where(Thread.board_id == Board.id)
            .scalar_subquery(),
            post_count=select(func.coalesce(func.sum(Thread.post_count), 0))
            .where(Thread.board_id == Board.id)
            .scalar_subquery(),
            last_post_id=select(Thread.last_post_id)
            .where(Thread.board_id == Board.id)
            .order_by(Thread.last_post_at.desc(), Thread.id.desc())
            .limit(1)
            .scalar_subquery(),
        )
    )
    db.session.execute(
        update(User).values(
            post_count=select(func.count(Post.id))
            .where(Post.author_id == User.id)
            .scalar_subquery()
        )
    )
    db.session.commit()
