"""From database rows to index documents. What is searchable is decided here, once."""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import UTC

from markupsafe import Markup
from sqlalchemy import case, func, literal, select

from ..extensions import db
from ..models import Post, Thread, ThreadStatus, User
from .analysis import compound_parts
from .schema import post_key, thread_key

# A thread document keeps this much text; longer threads are still found by their
# title and first pages, and every post by its own document.
MAX_THREAD_TEXT = 400_000


def plain_text(body_html: str) -> str:
    """What readers see, without markup: the text that is indexed and highlighted."""
    return Markup(body_html).striptags()  # noqa: S704 (sanitized at save time; read, not output)


def _naive_utc(moment):
    return moment.astimezone(UTC).replace(tzinfo=None)


THREAD_COLUMNS = (
    Thread.id,
    # Hidden, deleted and held threads are found by nobody: not indexed at all.
    Thread.live().label("searchable"),
    Thread.title,
    Thread.board_id,
    Thread.author_id,
    Thread.is_private,
    Thread.is_faq_draft,
    Thread.status,
    Thread.first_staff_reply_at,
    Thread.last_post_at,
)


def _thread_rows(stmt):
    """Plain rows, not ORM objects: indexing may run inside a request's session and
    must neither fill nor disturb its identity map."""
    return list(db.session.execute(stmt))


# What is searchable of posts: neither hidden by a moderator nor held for approval.
SEARCHABLE_POST = Post.hidden_at.is_(None) & Post.pending_at.is_(None)


def searchable_posts():
    """An anonymised customer's words are found under no name (`von:` finds neither the
    staff member who wrote them down nor the customer)."""
    author = case((Post.anonymised_customer, literal("")), else_=User.username_canonical)
    return (
        select(Post.id, Post.thread_id, Post.body_html, author.label("username_canonical"))
        .join(User, Post.author_id == User.id)
        .where(SEARCHABLE_POST)
    )


def _post_rows(thread_ids: Iterable[int]):
    return db.session.execute(
        searchable_posts()
        .where(Post.thread_id.in_(list(thread_ids)))
        .order_by(Post.thread_id, Post.id)
    )


def thread_document(thread, posts: list) -> dict:
    texts, size = [], 0
    for post in posts:
        text = plain_text(post.body_html)
        size += len(text)
        if size > MAX_THREAD_TEXT:
            break
        texts.append(text)
    solved = thread.status == ThreadStatus.SOLVED
    staff = thread.first_staff_reply_at is not None
    body = "\n".join(texts)
    document = {
        "key": thread_key(thread.id),
        "title": thread.title,
        "body": body,
        "title_parts": _parts(thread.title),
        "body_parts": _parts(body),
        "board": str(thread.board_id),
        "private": thread.is_private,
        "solved": solved,
        "staff": staff,
        "authors": ",".join(sorted({p.username_canonical for p in posts} - {""})),
        "active": _naive_utc(thread.last_post_at),
        # When relevance is otherwise close, solved questions and staff answers win.
        "_boost": 1.0 + (0.2 if solved else 0.0) + (0.1 if staff else 0.0),
    }
    if thread.is_private and not thread.is_faq_draft:  # drafts are the staff's alone
        document["owner"] = str(thread.author_id)
    return document


def _parts(text: str) -> str:
    """The parts of the text's compound words, for the "_parts" fields."""
    return " ".join(compound_parts(text))


def post_document(post_id: int, thread_id: int, body_html: str, username: str) -> dict:
    text = plain_text(body_html)
    return {
        "key": post_key(post_id),
        "text": text,
        "text_parts": _parts(text),
        "author": username,
        "in_thread": str(thread_id),
    }


def thread_documents(thread_ids: Iterable[int]) -> dict[int, dict | None]:
    """The current document of each thread; None where the thread is gone."""
    thread_ids = list(thread_ids)
    rows = _thread_rows(select(*THREAD_COLUMNS).where(Thread.id.in_(thread_ids)))
    threads = {row.id: row for row in rows if row.searchable}
    posts = defaultdict(list)
    for row in _post_rows(threads):
        posts[row.thread_id].append(row)
    return {
        thread_id: thread_document(threads[thread_id], posts[thread_id])
        if thread_id in threads
        else None
        for thread_id in thread_ids
    }


def post_documents(post_ids: Iterable[int]) -> dict[int, dict | None]:
    post_ids = list(post_ids)
    rows = db.session.execute(searchable_posts().where(Post.id.in_(post_ids)))
    found = {row.id: post_document(*row) for row in rows}
    return {post_id: found.get(post_id) for post_id in post_ids}


def all_documents(chunk: int = 500) -> Iterator[dict]:
    """Every document for a rebuild, threads with the latest activity first: searches
    score matches in index order within a time budget (see ranking.py)."""
    order = select(Thread.id).order_by(Thread.last_post_at.desc(), Thread.id.desc())
    thread_ids = list(db.session.scalars(order))
    for start in range(0, len(thread_ids), chunk):
        ids = thread_ids[start : start + chunk]
        rows = {
            row.id: row for row in _thread_rows(select(*THREAD_COLUMNS).where(Thread.id.in_(ids)))
        }
        posts = defaultdict(list)
        for row in _post_rows(ids):
            posts[row.thread_id].append(row)
        for thread_id in ids:
            if thread_id not in rows or not rows[thread_id].searchable:
                continue
            yield thread_document(rows[thread_id], posts[thread_id])
            for row in posts[thread_id]:
                yield post_document(*row)


def searchable_counts() -> dict:
    """What the index should hold, to compare with what it holds."""
    return {
        "database_threads": db.session.scalar(select(func.count(Thread.id)).where(Thread.live())),
        "database_posts": db.session.scalar(select(func.count(Post.id)).where(SEARCHABLE_POST)),
    }
