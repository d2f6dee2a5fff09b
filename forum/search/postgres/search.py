"""Searching in PostgreSQL: one SQL query finds, filters by the access policy's own
`readable_threads` and ranks; every step is bounded.

* Matches come from the GIN index. At most SEARCH_SCAN_BUDGET of them are ranked
  (the most recently active, as on Whoosh) plus up to MAX_TITLE_MATCHES whose
  title matches; counts are exact up to that budget and "about" beyond it.
* Ranking: cover density and word frequency, with the title above the text and
  whole words above parts of compounds, raised for solved questions and staff
  answers (as documents.py does for Whoosh).
"""

import math

from flask import current_app
from sqlalchemy import case, cast, exists, func, literal, literal_column, select, union
from sqlalchemy.dialects.postgresql import TSQUERY, distinct_on

from ...access.queries import readable_threads
from ...extensions import db
from ...models import Thread, ThreadStatus, canonical_username
from ...pagination import Page
from .. import results
from ..analysis import (
    PART_WEIGHT,
    SYNONYM_WEIGHT,
    All,
    Any,
    Phrase,
    Prefix,
    Term,
    analyse,
    build,
    clause_node,
)
from ..analysis import words as lexemes_of
from ..querylang import Clause, parse
from ..results import Outcome
from .tables import search_posts, search_threads, search_words
from .vectors import TITLE, author_query, tsquery

# ts_rank_cd's weights for D, C, B, A: title words, title parts, text, text parts.
WEIGHTS = literal_column("'{0.1, 0.4, 0.5, 1.0}'::float4[]")
MAX_TITLE_MATCHES = 200
# What the search added to the typed words counts this much (ts_rank cannot weight
# each word on its own, as Whoosh does).
ADDED_WEIGHT = max(PART_WEIGHT, SYNONYM_WEIGHT)
MAX_PREFIX_WORDS = 64
SUGGESTIONS = 3
NEWEST = (Thread.last_post_at.desc(), Thread.id.desc())

document = search_threads.c.document


def _tsquery(text: str):
    return cast(literal(text), TSQUERY)


def _matches(column, text: str):
    return column.bool_op("@@")(_tsquery(text))


def _boost():
    solved = case((Thread.status == ThreadStatus.SOLVED, 0.2), else_=0.0)
    staff = case((Thread.first_staff_reply_at.is_not(None), 0.1), else_=0.0)
    return 1.0 + solved + staff


def _leaves(node) -> list:
    if isinstance(node, All | Any):
        return [leaf for child in node.children for leaf in _leaves(child)]
    return [node]


def _as_typed(node):
    """The node without what the search added to the words typed (synonyms, parts
    of a typed compound): None where nothing typed is left."""
    if isinstance(node, Term):
        return node if node.weight >= 1 else None
    if isinstance(node, All):
        children = [_as_typed(child) for child in node.children]
        return None if None in children else All(tuple(children))
    if isinstance(node, Any):
        children = [c for c in (_as_typed(child) for child in node.children) if c is not None]
        return Any(tuple(children)) if children else None
    return node


def _relevance(column, node, weights):
    """Cover density (words near each other) plus how often each word occurs (which
    cover density alone ignores: a thread that says it again ranks higher)."""
    each = Any(tuple(_leaves(node)))
    first = () if weights is None else (weights,)
    return func.ts_rank_cd(*first, column, _tsquery(tsquery(node))) + func.ts_rank(
        *first, column, _tsquery(tsquery(each))
    )


def _score(column, node, weights=None):
    """The words as typed count fully, what the search added (synonyms, parts) at
    their lower weight: a thread with the typed word ranks first, as on Whoosh."""
    added = _relevance(column, node, weights) * ADDED_WEIGHT
    typed = _as_typed(node)
    return added if typed is None else _relevance(column, typed, weights) + added


class Search:
    """One person's search: the threads they may read that pass the filters."""

    def __init__(self, user, options: results.SearchOptions) -> None:
        self.user, self.options = user, options
        self.parsed = parse(options.q)
        self.query = build(self.parsed)
        self.authors = results.authors(self.parsed, options)

    def filtered(self, *columns):
        """Readable threads with a document, filtered, before any word is matched."""
        options = self.options
        stmt = readable_threads(
            self.user,
            select(*columns).join_from(
                search_threads, Thread, Thread.id == search_threads.c.thread_id
            ),
        )
        if options.board_id:
            stmt = stmt.where(Thread.board_id == options.board_id)
        if options.solved:
            stmt = stmt.where(Thread.status == ThreadStatus.SOLVED)
        if options.staff:
            stmt = stmt.where(Thread.first_staff_reply_at.is_not(None))
        since = results.period_start(options)
        if since is not None:
            stmt = stmt.where(Thread.last_post_at >= since)
        for name in self.authors:
            stmt = stmt.where(_matches(document, author_query(canonical_username(name))))
        for name in self.parsed.excluded_authors:
            stmt = stmt.where(~_matches(document, author_query(canonical_username(name))))
        return stmt

    def matching(self, *columns):
        stmt = self.filtered(*columns)
        if self.query.required is not None:
            stmt = stmt.where(_matches(document, tsquery(self.query.required)))
        if self.query.excluded is not None:
            stmt = stmt.where(~_matches(document, tsquery(self.query.excluded)))
        return stmt

    def findable(self, node) -> bool:
        """Whether a query finds anything for this person with these filters."""
        stmt = self.filtered(search_threads.c.thread_id).where(_matches(document, tsquery(node)))
        return bool(db.session.scalar(select(exists(stmt))))


def search(user, options: results.SearchOptions, per_page: int) -> Outcome:
    found = Search(user, options)
    outcome = Outcome(notes=list(found.parsed.notes))
    if found.query.required is None and not (found.authors or options.has_filters):
        return outcome
    config = current_app.config
    budget, count_limit = config["SEARCH_SCAN_BUDGET"], config["SEARCH_COUNT_LIMIT"]
    ids = found.matching(search_threads.c.thread_id)
    counted = db.session.scalar(
        select(func.count()).select_from(ids.limit(count_limit + 1).subquery())
    )
    candidates = _candidates(found, budget)
    reachable = counted
    if counted > min(count_limit, budget):
        reachable = db.session.scalar(select(func.count()).select_from(candidates))
    page = min(options.page, max(1, math.ceil(reachable / per_page)))
    thread_ids = list(db.session.scalars(_ranked(found, candidates, page, per_page)))
    terms = found.query.highlight | _prefix_words(found.query.required)
    hits = results.load_hits(user, thread_ids, lambda visible: _best_posts(found, visible), terms)
    # Threads the database check dropped (another transaction changed them) are not counted.
    dropped = len(thread_ids) - len(hits)
    outcome.page = Page(items=hits, page=page, per_page=per_page, total=reachable - dropped)
    outcome.count = max(min(counted, count_limit) - dropped, len(hits))
    outcome.count_is_lower_bound = counted > count_limit
    if counted < 3 and found.parsed.clauses():
        outcome.suggestion = _suggestion(found, counted)
    return outcome


def _candidates(found: Search, budget: int):
    """What is ranked: the most recently active matches, and those matching in the title."""
    newest = found.matching(search_threads.c.thread_id).order_by(*NEWEST).limit(budget)
    required = found.query.required
    if found.options.sort == "newest" or required is None:
        return newest.subquery()
    titled = (
        found.matching(search_threads.c.thread_id)
        .where(_matches(document, tsquery(required, TITLE)))
        .order_by(*NEWEST)
        .limit(MAX_TITLE_MATCHES)
    )
    return union(select(newest.subquery()), select(titled.subquery())).subquery()


def _ranked(found: Search, candidates, page: int, per_page: int):
    stmt = (
        select(candidates.c.thread_id)
        .join(search_threads, search_threads.c.thread_id == candidates.c.thread_id)
        .join(Thread, Thread.id == candidates.c.thread_id)
    )
    required = found.query.required
    if found.options.sort != "newest" and required is not None:
        score = _score(document, required, WEIGHTS) * _boost()
        stmt = stmt.order_by(score.desc(), *NEWEST)
    else:
        stmt = stmt.order_by(*NEWEST)
    return stmt.limit(per_page).offset((page - 1) * per_page)


def _best_posts(found: Search, thread_ids: list[int]) -> dict[int, int]:
    """The best-matching post of each thread: all words in one post if there is
    such a post, else any of the words. With `von:`, only the person's own posts,
    even where none has the words (as the Whoosh backend does)."""
    levels = [
        query.required
        for query in (found.query, build(found.parsed, any_word=True))
        if query.required is not None
    ]
    if found.authors:
        levels.append(None)  # the person's posts without the words
    posts = search_posts.c
    best: dict[int, int] = {}
    for node in levels:
        remaining = [t for t in thread_ids if t not in best]
        if not remaining:
            break
        stmt = select(posts.thread_id, posts.post_id).where(posts.thread_id.in_(remaining))
        rank = literal(0.0)
        if node is not None:
            stmt = stmt.where(_matches(posts.document, tsquery(node)))
            rank = _score(posts.document, node)
        if found.query.excluded is not None:
            stmt = stmt.where(~_matches(posts.document, tsquery(found.query.excluded)))
        for name in found.authors:
            stmt = stmt.where(_matches(posts.document, author_query(canonical_username(name))))
        stmt = stmt.order_by(posts.thread_id, rank.desc(), posts.post_id)
        stmt = stmt.ext(distinct_on(posts.thread_id))
        best.update(db.session.execute(stmt).all())
    return best


def _prefix_words(node) -> set[str]:
    """Index words a prefix stands for, to mark them: from the title vocabulary."""
    stems = _prefixes(node)
    if not stems:
        return set()
    words = search_words.c.word
    found = set()
    for stem in sorted(stems):
        like = stem.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        candidates = select(words).where(words.like(like)).limit(MAX_PREFIX_WORDS)
        for word in db.session.scalars(candidates):
            found.update(lexeme for _, lexeme in analyse(word) if lexeme.startswith(stem))
    return found


def _prefixes(node) -> set[str]:
    if isinstance(node, Prefix):
        return {node.stem}
    if node is None or isinstance(node, Term | Phrase):
        return set()
    return set().union(*(_prefixes(child) for child in node.children))


def _suggestion(found: Search, counted: int) -> str | None:
    """ "Did you mean": words missing from the index replaced by close title words;
    offered only if the corrected search finds something this person may see, so
    that the vocabulary of private places never shows."""
    corrected, changed = found.options.q, False
    words = search_words.c.word
    # A word every hit must contain is in the index when there are hits: no query.
    certain = {group[0] for group in found.parsed.required if len(group) == 1} if counted else set()
    for clause in found.parsed.clauses():
        if clause.kind != "word" or clause in certain:
            continue
        lexemes = [lexeme for _, lexeme in analyse(clause.text)]
        if not lexemes or _indexed(lexemes):
            continue
        typed = clause.text.lower()
        options = db.session.scalars(
            select(words)
            .where(words.bool_op("%")(typed), func.left(words, 1) == typed[:1])
            .order_by(func.similarity(words, typed).desc(), words)
            .limit(SUGGESTIONS)
        )
        for option in options:
            # Each word on its own must lead to something this person may read.
            node = clause_node(Clause(option))
            if node is not None and found.findable(node):
                corrected = results.replace_word(corrected, clause.text, option)
                changed = True
                break
    if not changed:
        return None
    node = build(parse(corrected)).required
    return corrected if node is not None and found.findable(node) else None


def _indexed(lexemes: list[str]) -> bool:
    node = Any(tuple(Term(lexeme) for lexeme in lexemes))
    return bool(db.session.scalar(select(exists().where(_matches(document, tsquery(node))))))


def similar_threads(user, title: str, limit: int = 5) -> list[Thread]:
    """Threads with a title like the one being typed (see results.similar)."""
    nodes = [n for n in (clause_node(Clause(w)) for w in title.replace('"', " ").split()[:12]) if n]
    if not nodes:
        return []
    words = tsquery(Any(tuple(nodes)), TITLE)
    stmt = (
        readable_threads(
            user,
            select(search_threads.c.thread_id).join_from(
                search_threads, Thread, Thread.id == search_threads.c.thread_id
            ),
        )
        .where(_matches(document, words))
        .order_by(func.ts_rank_cd(WEIGHTS, document, _tsquery(words)).desc(), *NEWEST)
        .limit(limit * 6)
    )
    terms = set().union(*(lexemes_of(node) for node in nodes))
    return results.similar(user, list(db.session.scalars(stmt)), terms, len(nodes), limit)
