"""What services call when they change searchable content: index tasks in the
write's own transaction (the outbox), applied by the indexer after the commit."""

from sqlalchemy import select

from .. import outbox
from ..extensions import db
from ..models import Post

THREAD_TASK = "search.thread"
POST_TASK = "search.post"
REBUILD_TASK = "search.rebuild"
KINDS = (THREAD_TASK, POST_TASK)


def thread_changed(thread) -> None:
    """Title, board, status, privacy or the set of posts of the thread changed."""
    outbox.record(THREAD_TASK, thread.id)


def post_changed(post) -> None:
    """A post was written, edited or removed; its thread's document changes too."""
    outbox.record(POST_TASK, post.id)
    outbox.record(THREAD_TASK, post.thread_id)


def thread_removed(thread_id: int, post_ids) -> None:
    """The thread and its posts are gone from the database (purged)."""
    outbox.record(THREAD_TASK, thread_id)
    for post_id in post_ids:
        outbox.record(POST_TASK, post_id)


def thread_and_posts_changed(thread) -> None:
    """The whole thread comes back (restored): its post documents were removed with it."""
    thread_changed(thread)
    for post_id in db.session.scalars(select(Post.id).where(Post.thread_id == thread.id)):
        outbox.record(POST_TASK, post_id)
