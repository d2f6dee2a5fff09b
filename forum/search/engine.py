"""Searching for a person: the access filter runs inside Whoosh (so counts and pages
are right), the database re-checks every hit it loads (so a stale index can never
show what the person may not see), snippets come from the best-matching post."""

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import islice

from flask import current_app
from markupsafe import Markup, escape
from sqlalchemy import select
from sqlalchemy.orm import joinedload
from whoosh import highlight
from whoosh.query import And, AndNot, DateRange, Every, NullQuery, Or, Phrase, Term

from ..access.policy import readable_visibilities, sees_all_private_cases
from ..access.queries import readable_threads
from ..extensions import db
from ..models import Board, Post, Thread, canonical_username
from ..pagination import Page
from ..posts.services import positions_in_threads
from .documents import plain_text
from .querylang import Clause, ParsedQuery, parse
from .schema import ANALYZER, german_analyzer

THREAD_FIELDS = ("title", "body")
POST_FIELDS = ("text",)
PERIODS = {"week": 7, "month": 30, "year": 365}
SORTS = ("relevance", "newest")
MAX_PREFIX_TERMS = 64
PREFIX_ANALYZER = german_analyzer(stop_words=False)


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

    @property
    def total(self) -> int:
        return self.page.total if self.page else 0


class _Compiler:
    """Turns the parsed query into Whoosh queries over given fields, and remembers
    the index terms it used, for highlighting."""

    def __init__(self, reader) -> None:
        self.reader = reader
        self.terms: set[str] = set()

    def clause(self, clause: Clause, fields) -> object | None:
        if clause.kind == "prefix":
            return self._prefix(clause.text, fields)
        tokens = [token.text for token in ANALYZER(clause.text)]
        if not tokens:
            return None
        self.terms.update(tokens)
        if len(tokens) == 1:
            return Or([Term(f, tokens[0]) for f in fields])
        return Or([Phrase(f, tokens) for f in fields])

    def _prefix(self, text: str, fields):
        tokens = [token.text for token in PREFIX_ANALYZER(text)]
        if not tokens:
            return None
        expanded = []
        for fieldname in fields:
            words = list(islice(self.reader.expand_prefix(fieldname, tokens[-1]), MAX_PREFIX_TERMS))
            words = [w.decode() if isinstance(w, bytes) else w for w in words]
            self.terms.update(words)
            expanded.extend(Term(fieldname, w) for w in words)
        return Or(expanded) if expanded else NullQuery

    def query(self, parsed: ParsedQuery, fields, any_word: bool = False):
        """All groups must match (or any clause at all, with `any_word`)."""
        groups = []
        for group in parsed.required:
            alternatives = [q for q in (self.clause(c, fields) for c in group) if q is not None]
            if alternatives:
                groups.append(Or(alternatives))
        if not groups:
            return None
        matched = Or(groups) if any_word else And(groups)
        excluded = [q for q in (self.clause(c, fields) for c in parsed.excluded) if q is not None]
        return AndNot(matched, Or(excluded)) if excluded else matched


def _readable_board_ids(user) -> list[int]:
    visibilities = sorted(readable_visibilities(user))
    return list(db.session.scalars(select(Board.id).where(Board.visibility.in_(visibilities))))


def allowed_documents(cache, user) -> set[int]:
    """The thread documents the access policy lets `user` see: documents carry their
    board, privacy and owner; which boards are readable is read from the database
    per search, so a board's new visibility counts at once. The set may be shared
    with other searches: never change it. Whoosh treats an empty filter as no
    filter at all, so callers must not search when it is empty."""
    boards = tuple(_readable_board_ids(user))
    sees_all = sees_all_private_cases(user)

    def in_boards():
        return set().union(*(cache.docs("board", str(b)) for b in boards))

    readable = cache.memo(("boards", boards), in_boards)
    if sees_all:
        return readable
    public = cache.memo(("public", boards), lambda: readable - cache.docs("private", True))
    if not user.is_authenticated or user.is_banned:
        return public
    own_cases = set(Term("owner", str(user.id)).docs(cache.searcher))
    return public | (own_cases & readable)


def _filters(options: SearchOptions, authors: list[str]) -> list:
    filters = []
    if options.board_id:
        filters.append(Term("board", str(options.board_id)))
    if options.solved:
        filters.append(Term("solved", True))
    if options.staff:
        filters.append(Term("staff", True))
    if options.period in PERIODS:
        start = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=PERIODS[options.period])
        filters.append(DateRange("active", start, None))
    filters.extend(Term("authors", canonical_username(name)) for name in authors)
    return filters


def search(cache, user, options: SearchOptions, per_page: int) -> Outcome:
    parsed = parse(options.q)
    outcome = Outcome(notes=list(parsed.notes))
    authors = [*parsed.authors, *([options.author] if options.author.strip() else [])]
    compiler = _Compiler(cache.searcher.reader())
    matched = compiler.query(parsed, THREAD_FIELDS)
    if matched is None:
        if not (authors or options.has_filters):
            return outcome
        matched = Every()
    filters = _filters(options, authors)
    query = And([matched, *filters])
    allowed = allowed_documents(cache, user)
    if not allowed:
        outcome.page = Page(items=[], page=1, per_page=per_page, total=0)
        return outcome
    sort = {"sortedby": "active", "reverse": True} if options.sort == "newest" else {}
    results = cache.searcher.search(query, limit=options.page * per_page, filter=allowed, **sort)
    total = len(results)
    page = min(options.page, max(1, math.ceil(total / per_page)))
    if page != options.page:
        results = cache.searcher.search(query, limit=page * per_page, filter=allowed, **sort)
    thread_ids = [int(hit["key"][1:]) for hit in results[(page - 1) * per_page : page * per_page]]
    hits = _hits(cache, user, parsed, compiler, thread_ids, authors)
    outcome.page = Page(items=hits, page=page, per_page=per_page, total=total)
    if total < 3 and parsed.clauses():
        outcome.suggestion = _suggestion(cache, options.q, parsed, filters, allowed)
    return outcome


def _hits(cache, user, parsed, compiler, thread_ids, authors) -> list[Hit]:
    if not thread_ids:
        return []
    threads = {
        t.id: t
        for t in db.session.scalars(
            readable_threads(user, select(Thread))
            .where(Thread.id.in_(thread_ids))
            .options(
                joinedload(Thread.board),
                joinedload(Thread.author),
                joinedload(Thread.solution).joinedload(Post.author),
            )
        ).unique()
    }
    visible = [t for t in thread_ids if t in threads]
    best = _best_posts(cache, parsed, compiler, visible, authors)
    for thread_id in visible:
        best.setdefault(thread_id, threads[thread_id].first_post_id)
    posts = {
        p.id: p
        for p in db.session.scalars(
            select(Post).where(Post.id.in_(best.values())).options(joinedload(Post.author))
        )
    }
    positions = positions_in_threads(posts)
    per_page = current_app.config["POSTS_PER_PAGE"]
    hits = []
    for thread_id in visible:
        hit = _hit(threads[thread_id], posts.get(best[thread_id]), compiler.terms)
        if hit.post is not None:
            hit.thread_page = (positions[hit.post.id] - 1) // per_page + 1
        hits.append(hit)
    return hits


def _best_posts(cache, parsed, compiler, thread_ids, authors) -> dict[int, int]:
    """The best-matching post of each thread: all words in one post if there is
    such a post, else any of the words."""
    best: dict[int, int] = {}
    author_terms = [Term("author", canonical_username(name)) for name in authors]
    for any_word in (False, True):
        missing = [t for t in thread_ids if t not in best]
        matched = compiler.query(parsed, POST_FIELDS, any_word=any_word)
        if matched is None and author_terms:
            matched = Every()
        if not missing or matched is None:
            break
        in_threads = Or([Term("in_thread", str(t)) for t in missing])
        results = cache.searcher.search(
            And([matched, in_threads, *author_terms]),
            limit=len(missing),
            collapse="in_thread",
        )
        for hit in results:
            best.setdefault(int(hit["in_thread"]), int(hit["key"][1:]))
    return best


class MarkFormatter(highlight.Formatter):
    """<mark> around matches; everything else escaped, so the result is safe HTML."""

    between = " … "

    def _text(self, text: str) -> str:
        return str(escape(text))

    def format_token(self, text, token, replace=False) -> str:
        return f"<mark>{escape(highlight.get_text(text, token, replace))}</mark>"


SNIPPET_FRAGMENTER = highlight.ContextFragmenter(maxchars=220, surround=70)
SNIPPET_LENGTH = 260


def highlighted(text: str, terms, fragmenter=None, top: int = 2) -> Markup | None:
    if not terms:
        return None
    marked = highlight.highlight(
        text,
        frozenset(terms),
        ANALYZER,
        fragmenter or SNIPPET_FRAGMENTER,
        MarkFormatter(),
        top=top,
    )
    return Markup(marked) if marked else None  # noqa: S704 (escaped by MarkFormatter)


def _hit(thread: Thread, post: Post | None, terms) -> Hit:
    text = plain_text(post.body_html) if post else ""
    snippet = highlighted(text, terms)
    if snippet is None:
        short = text[:SNIPPET_LENGTH] + ("…" if len(text) > SNIPPET_LENGTH else "")
        snippet = escape(short)
    title = highlighted(thread.title, terms, highlight.WholeFragmenter(), top=1)
    return Hit(thread=thread, post=post, title=title or escape(thread.title), snippet=snippet)


def _suggestion(cache, raw: str, parsed: ParsedQuery, filters, allowed) -> str | None:
    """ "Did you mean": words missing from the index replaced by close words from
    its vocabulary; offered only if the corrected search finds something this
    person may see, so that the vocabulary of private places never shows."""
    reader = cache.searcher.reader()
    corrected, changed = raw, False
    for clause in parsed.clauses():
        if clause.kind != "word":
            continue
        tokens = [t.text for t in ANALYZER(clause.text)]
        if not tokens or any(reader.doc_frequency(f, t) for f in THREAD_FIELDS for t in tokens):
            continue
        word = clause.text.lower()
        options = cache.searcher.corrector("body").suggest(word, limit=1, maxdist=2, prefix=1)
        if not options:
            options = cache.searcher.corrector("title").suggest(word, limit=1, maxdist=2, prefix=1)
        if options:
            corrected = _replace_word(corrected, clause.text, options[0])
            changed = True
    if not changed:
        return None
    compiler = _Compiler(reader)
    query = compiler.query(parse(corrected), THREAD_FIELDS)
    if query is None:
        return None
    if cache.searcher.search(And([query, *filters]), limit=1, filter=allowed).is_empty():
        return None
    return corrected


def _replace_word(text: str, word: str, replacement: str) -> str:
    start = text.lower().find(word.lower())
    return text if start < 0 else text[:start] + replacement + text[start + len(word) :]


def similar_threads(cache, user, title: str, limit: int = 5) -> list[Thread]:
    """Threads like a title being typed, solved ones first: read before asking again."""
    words = [Clause(w) for w in title.replace('"', " ").split()[:12]]
    compiler = _Compiler(cache.searcher.reader())
    alternatives = [q for q in (compiler.clause(c, THREAD_FIELDS) for c in words) if q]
    if not alternatives:
        return []
    # Most of the words should match, not just one common word.
    query = Or(alternatives, minmatch=max(1, math.ceil(len(alternatives) * 0.5)))
    allowed = allowed_documents(cache, user)
    if not allowed:
        return []
    results = cache.searcher.search(query, limit=limit * 3, filter=allowed)
    ids = [int(hit["key"][1:]) for hit in results]
    if not ids:
        return []
    threads = {
        t.id: t
        for t in db.session.scalars(
            readable_threads(user, select(Thread))
            .where(Thread.id.in_(ids))
            .options(joinedload(Thread.board))
        )
    }
    ranked = [threads[i] for i in ids if i in threads]
    ranked.sort(key=lambda t: t.status != "solved")  # stable: relevance within each group
    return ranked[:limit]
