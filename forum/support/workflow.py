"""How a new post moves a question along: the asker wrote again, or staff answered.

Called by the posting services inside their transaction; plain SQL updates, so
that concurrent replies cannot overwrite each other's timings."""

from sqlalchemy import case, func, update

from ..extensions import db
from ..models import Post, Thread, ThreadStatus, User


def note_new_post(actor: User, thread: Thread, post: Post) -> None:
    if not thread.board.is_support:
        return
    if actor.id == thread.author_id:
        values = {
            "last_asker_post_at": post.created_at,
            "waiting_since": func.coalesce(Thread.waiting_since, post.created_at),
        }
    else:
        values = {
            "status": case(
                (Thread.status == ThreadStatus.OPEN, ThreadStatus.ANSWERED.value),
                else_=Thread.status,
            )
        }
        if actor.is_staff:
            seconds = int((post.created_at - thread.created_at).total_seconds())
            first = Thread.first_staff_reply_at.is_(None)
            values |= {
                "first_staff_reply_at": case(
                    (first, post.created_at), else_=Thread.first_staff_reply_at
                ),
                "first_staff_reply_seconds": case(
                    (first, seconds), else_=Thread.first_staff_reply_seconds
                ),
                "last_staff_reply_at": post.created_at,
                "waiting_since": None,
            }
    db.session.execute(update(Thread).where(Thread.id == thread.id).values(**values))
