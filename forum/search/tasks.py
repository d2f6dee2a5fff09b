"""What services call when they change searchable content: index tasks in the
write's own transaction (the outbox), applied by the indexer after the commit."""

from .. import outbox

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
