"""What a search answers, whichever backend found it: the options people choose,
the hits on a page, and how hits are loaded from the database.

A backend only finds thread ids (and the best post of each); the database then
re-checks every hit through the access policy (an index may be behind the
database, a thread just moved or made private), and titles and snippets come
from database rows, marked with the searched words."""

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from flask import current_app
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..access import Permission, can
from ..extensions import db
from ..models import Post, Thread
from ..pagination import Page
from ..posts.services import positions_in_threads
from . import snippets
from .documents import plain_text
from .querylang import ParsedQuery

PERIODS = {"week": 7, "month": 30, "year": 365}
SORTS = ("relevance", "newest")


class SearchUnavailable(Exception):
    """The backend cannot answer now (an index missing, corrupt or being repaired):
    search answers with the 503 page, the rest of the forum works."""


@dataclass
class SearchOptions:
    q: str = ""
    board_id: int | None = None
    solved: bool = False
    staff: bool = False
    period: str | None = None
    author: str = ""
    sort: str = "relevance"
    page: int = 1

    @property
    def has_filters(self) -> bool:
        return bool(self.board_id or self.author)


@dataclass
class Hit:
    thread: Thread
    post: Post | None
    title: Markup
    snippet: Markup
    # The page of the thread that shows the post.
    thread_page: int = 1


@dataclass
class Outcome:
    page: Page | None = None
    notes: list = field(default_factory=list)
    suggestion: str | None = None
    # How many threads match: exact, or (when the search stopped early, or beyond
    # SEARCH_COUNT_LIMIT) a lower bound, shown as "at least".
    count: int = 0
    count_is_lower_bound: bool = False

    @property
    def total(self) -> int:
        return self.count


def authors(parsed: ParsedQuery, options: SearchOptions) -> list[str]:
    """Whose posts the threads must contain: `von:` in the query and the author filter."""
    return [*parsed.authors, *([options.author] if options.author.strip() else [])]


def period_start(options: SearchOptions) -> datetime | None:
    """The earliest last activity the chosen period lets through."""
    if options.period not in PERIODS:
        return None
    return datetime.now(UTC) - timedelta(days=PERIODS[options.period])


def readable(user, stmt) -> dict[int, Thread]:
    """The threads of a hit list that the person may read, by the access policy itself.
    Loaded by id first: with a short id list that is always the fast plan."""
    return {
        thread.id: thread
        for thread in db.session.scalars(stmt).unique()
        if can(user, Permission.THREAD_READ, thread)
    }


def load_hits(
    user, thread_ids: list[int], best_posts: Callable[[list[int]], dict[int, int]], terms
) -> list[Hit]:
    """The hits of a page in rank order: threads the person may read, each with its
    best-matching post (`best_posts(thread_ids) -> {thread_id: post_id}`; the first
    post where it names none) as the snippet."""
    if not thread_ids:
        return []
    threads = readable(
        user,
        select(Thread)
        .where(Thread.id.in_(thread_ids))
        .options(
            joinedload(Thread.board),
            joinedload(Thread.author),
            joinedload(Thread.solution).joinedload(Post.author),
        ),
    )
    visible = [t for t in thread_ids if t in threads]
    best = best_posts(visible) if visible else {}
    for thread_id in visible:
        best.setdefault(thread_id, threads[thread_id].first_post_id)
    # Hidden and held posts give no snippet, even while the index still holds them.
    posts = {
        p.id: p
        for p in db.session.scalars(
            select(Post).where(Post.id.in_(best.values())).options(joinedload(Post.author))
        )
        if not (p.is_hidden or p.is_pending)
    }
    positions = positions_in_threads(posts)
    per_page = current_app.config["POSTS_PER_PAGE"]
    hits = []
    for thread_id in visible:
        hit = _hit(threads[thread_id], posts.get(best[thread_id]), terms)
        if hit.post is not None:
            hit.thread_page = (positions[hit.post.id] - 1) // per_page + 1
        hits.append(hit)
    return hits


def _hit(thread: Thread, post: Post | None, terms) -> Hit:
    text = plain_text(post.body_html) if post else ""
    return Hit(
        thread=thread,
        post=post,
        title=snippets.mark_all(thread.title, terms),
        snippet=snippets.excerpt(text, terms),
    )


def similar(user, thread_ids: list[int], terms, words: int, limit: int) -> list[Thread]:
    """Threads with a title like the one being typed, from candidates in rank order:
    those the person may read whose title holds at least half of the typed words
    (not just one common word), solved ones first (read before asking again)."""
    if not thread_ids:
        return []
    threads = readable(
        user, select(Thread).where(Thread.id.in_(thread_ids)).options(joinedload(Thread.board))
    )
    needed = math.ceil(words / 2)
    ranked = [
        threads[i]
        for i in thread_ids
        if i in threads and len(snippets.matched_terms(threads[i].title, terms)) >= needed
    ]
    ranked.sort(key=lambda t: t.status != "solved")  # stable: relevance within each
    return ranked[:limit]


def replace_word(text: str, word: str, replacement: str) -> str:
    """The query with a misspelt word replaced, for "Did you mean …?"."""
    start = text.lower().find(word.lower())
    return text if start < 0 else text[:start] + replacement + text[start + len(word) :]
