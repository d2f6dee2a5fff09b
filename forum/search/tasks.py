"""What services call when they change searchable content, inside the write's own
transaction. The backend decides what that means: index tasks in the outbox,
applied by the indexer after the commit (Whoosh), or rows rewritten before the
commit (PostgreSQL)."""

from sqlalchemy import select

from ..extensions import db
from ..models import Post

THREAD_TASK = "search.thread"
POST_TASK = "search.post"
REBUILD_TASK = "search.rebuild"
KINDS = (THREAD_TASK, POST_TASK)


def _changed(thread_ids, post_ids) -> None:
    from .backend import backend

    backend().changed(thread_ids, post_ids)


def thread_changed(thread) -> None:
    """Title, board, status, privacy or the set of posts of the thread changed."""
    _changed([thread.id], [])


def post_changed(post) -> None:
    """A post was written, edited or removed; its thread's document changes too."""
    _changed([post.thread_id], [post.id])


def thread_removed(thread_id: int, post_ids) -> None:
    """The thread and its posts are gone from the database (purged)."""
    _changed([thread_id], list(post_ids))


def thread_and_posts_changed(thread) -> None:
    """The whole thread comes back (restored): its post documents were removed with it."""
    post_ids = db.session.scalars(select(Post.id).where(Post.thread_id == thread.id))
    _changed([thread.id], list(post_ids))
