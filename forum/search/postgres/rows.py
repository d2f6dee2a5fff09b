"""Keeping the searchable rows current, in the transaction that changes the forum.

The change hooks (forum/search/tasks.py) only note which threads and posts
changed, in the session; right before the commit their rows are rewritten from
the database as the transaction sees it. So a post is searchable the moment its
transaction commits, on every machine, and a rolled-back write leaves no trace.
Rows are rewritten with the threads locked (in id order), so that a rebuild
running at the same time never writes an older state over a newer one.
"""

from sqlalchemy import bindparam, cast, delete, event, select
from sqlalchemy.dialects.postgresql import TSVECTOR, insert
from sqlalchemy.orm import Session

from ...extensions import db
from ...models import Post, Thread
from ..documents import post_documents, thread_documents
from ..snippets import WORD
from .tables import search_posts, search_threads, search_words
from .vectors import post_vector, thread_vector

PENDING = "search_pending"
MAX_WORD = 64


def note(thread_ids, post_ids) -> None:
    """Called by the change hooks: these rows are rewritten before the commit."""
    threads, posts = db.session.info.setdefault(PENDING, (set(), set()))
    threads.update(thread_ids)
    posts.update(post_ids)


@event.listens_for(Session, "before_commit")
def _write_noted(session) -> None:
    pending = session.info.pop(PENDING, None)
    if pending:
        session.flush()  # the final state of the transaction
        write(*pending)


@event.listens_for(Session, "after_soft_rollback")
def _forget_noted(session, previous_transaction) -> None:
    if not previous_transaction.nested:
        session.info.pop(PENDING, None)


def lock_threads(thread_ids) -> None:
    """Waits for any other transaction writing these threads' rows (or changing the
    threads themselves), so that what is read next is their newest state."""
    if thread_ids:
        db.session.execute(
            select(Thread.id)
            .where(Thread.id.in_(sorted(thread_ids)))
            .order_by(Thread.id)
            .with_for_update(key_share=True)
        )


def write(thread_ids, post_ids, thread_posts: bool = False) -> int:
    """Rewrites the rows of these threads and posts (and, with `thread_posts`, of all
    posts of these threads) from the database; returns how many rows it wrote."""
    thread_ids = set(thread_ids)
    lock_threads(thread_ids | set(_threads_of(post_ids)))
    if thread_posts:
        post_ids = set(post_ids) | set(
            db.session.scalars(select(Post.id).where(Post.thread_id.in_(thread_ids)))
        )
    threads = thread_documents(sorted(thread_ids))
    gone = [thread_id for thread_id, document in threads.items() if document is None]
    posts = {
        post_id: document
        for post_id, document in post_documents(sorted(post_ids)).items()
        if not (thread_posts and document and int(document["in_thread"]) in gone)
    }
    written = _write_posts(posts)
    written += _write_threads(threads)
    if gone:
        db.session.execute(delete(search_posts).where(search_posts.c.thread_id.in_(gone)))
    return written


def _threads_of(post_ids) -> list[int]:
    if not post_ids:
        return []
    return list(db.session.scalars(select(Post.thread_id).where(Post.id.in_(sorted(post_ids)))))


def _write_threads(documents: dict) -> int:
    rows = [
        {
            "id_": thread_id,
            "vector": thread_vector(
                document["title"], document["body"], document["authors"].split(",")
            ),
        }
        for thread_id, document in documents.items()
        if document is not None
    ]
    removed = [thread_id for thread_id, document in documents.items() if document is None]
    if removed:
        db.session.execute(delete(search_threads).where(search_threads.c.thread_id.in_(removed)))
    if rows:
        stmt = insert(search_threads).values(
            thread_id=bindparam("id_"), document=cast(bindparam("vector"), TSVECTOR)
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=[search_threads.c.thread_id],
            set_={"document": stmt.excluded.document},
        )
        db.session.execute(stmt, rows)
        _add_words(document["title"] for document in documents.values() if document)
    return len(rows)


def _write_posts(documents: dict) -> int:
    rows = [
        {
            "id_": post_id,
            "thread": int(document["in_thread"]),
            "vector": post_vector(document["text"], document["author"]),
        }
        for post_id, document in documents.items()
        if document is not None
    ]
    removed = [post_id for post_id, document in documents.items() if document is None]
    if removed:
        db.session.execute(delete(search_posts).where(search_posts.c.post_id.in_(removed)))
    if rows:
        stmt = insert(search_posts).values(
            post_id=bindparam("id_"),
            thread_id=bindparam("thread"),
            document=cast(bindparam("vector"), TSVECTOR),
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=[search_posts.c.post_id],
            set_={"thread_id": stmt.excluded.thread_id, "document": stmt.excluded.document},
        )
        db.session.execute(stmt, rows)
    return len(rows)


def _add_words(titles) -> None:
    words = sorted(
        {
            word
            for title in titles
            for word in (match.group().lower() for match in WORD.finditer(title))
            if 3 <= len(word) <= MAX_WORD and not word.isdigit()
        }
    )
    if words:
        db.session.execute(
            insert(search_words).on_conflict_do_nothing(), [{"word": word} for word in words]
        )
