"""Searching the Whoosh index for a person: the access filter runs inside Whoosh
(so counts and pages are right); results.py loads the hits from the database,
which re-checks each of them, with a snippet from the best-matching post."""

import math

from flask import current_app
from whoosh.query import And, AndNot, Or, Term
from whoosh.util.times import datetime_to_long

from ..models import Thread, canonical_username
from ..pagination import Page
from . import ranking, results
from .compiler import Compiler
from .filtering import DocFilter, allowed_documents
from .querylang import Clause, ParsedQuery, parse
from .results import Outcome, SearchOptions, period_start
from .schema import ANALYZER

THREAD_FIELDS = ("title", "body")
POST_FIELDS = ("text",)


def _activity(cache):
    """The last activity of each thread document from the column store, as Whoosh's
    raw numbers (comparable, and cheap: no conversion to datetime)."""
    return cache.memo(
        "active-column",
        lambda: cache.searcher.reader().column_reader("active", translate=False),
    )


def _newest_first(cache):
    """Sort key for "newest"."""
    active = _activity(cache)
    return lambda docnum, score: active[docnum]


def _acceptance(cache, allowed: DocFilter, options: SearchOptions):
    """Which matches count: those the person may see, with the chosen marks, active
    in the chosen period. Checked per match against cached sets and the column store:
    cheaper than more terms in the query (a date range alone expands into hundreds)."""
    checks = [allowed.__contains__]
    for wanted, fieldname in ((options.solved, "solved"), (options.staff, "staff")):
        if wanted:
            checks.append(cache.docs(fieldname, True).__contains__)
    since = period_start(options)
    if since is not None:
        active = _activity(cache)
        start = datetime_to_long(since.replace(tzinfo=None))
        checks.append(lambda docnum: active[docnum] >= start)
    if len(checks) == 1:
        return checks[0]
    return lambda docnum: all(check(docnum) for check in checks)


def _thread_id(searcher, docnum: int) -> int:
    return int(searcher.stored_fields(docnum)["key"][1:])


def _filters(options: SearchOptions, authors: list[str]) -> list:
    filters = []
    if options.board_id:
        filters.append(Term("board", str(options.board_id)))
    filters.extend(Term("authors", canonical_username(name)) for name in authors)
    return filters


def search(cache, user, options: SearchOptions, per_page: int) -> Outcome:
    parsed = parse(options.q)
    outcome = Outcome(notes=list(parsed.notes))
    authors = results.authors(parsed, options)
    compiler = Compiler(cache.searcher.reader())
    matched = compiler.query(parsed, THREAD_FIELDS)
    filters = _filters(options, authors)
    if matched is None and not (authors or options.has_filters):
        return outcome
    allowed = allowed_documents(cache, user)
    if not allowed:
        outcome.page = Page(items=[], page=1, per_page=per_page, total=0)
        return outcome
    query = And([q for q in (matched, *filters) if q is not None])
    unwanted = [
        *([compiler.excluded(parsed, THREAD_FIELDS)] if matched is None else []),
        *(Term("authors", canonical_username(name)) for name in parsed.excluded_authors),
    ]
    unwanted = [q for q in unwanted if q is not None]
    query = (AndNot(query, Or(unwanted)) if unwanted else query).normalize()
    in_title = compiler.query(parsed, ("title",)) if matched is not None else None
    title_query = And([in_title, *filters]).normalize() if in_title is not None else None
    config = current_app.config
    accept = _acceptance(cache, allowed, options)

    def ranked_up_to(page: int):
        return ranking.rank(
            cache.searcher,
            query,
            accept,
            limit=page * per_page,
            budget=config["SEARCH_SCAN_BUDGET"],
            work=config["SEARCH_SCAN_WORK"],
            count_limit=config["SEARCH_COUNT_LIMIT"],
            title_query=title_query,
            sort_key=_newest_first(cache) if options.sort == "newest" else None,
        )

    ranked = ranked_up_to(options.page)
    # Pages go as far as the documents that were actually scored; the count may be a
    # lower bound beyond them.
    reachable = ranked.total if ranked.exact else ranked.scored
    page = min(options.page, max(1, math.ceil(reachable / per_page)))
    if page != options.page:
        ranked = ranked_up_to(page)
    docnums = ranked.docnums[(page - 1) * per_page : page * per_page]
    thread_ids = [_thread_id(cache.searcher, docnum) for docnum in docnums]
    hits = results.load_hits(
        user,
        thread_ids,
        lambda visible: _best_posts(cache, parsed, compiler, visible, authors),
        compiler.terms,
    )
    # Threads the database check dropped (the index is behind) are not counted.
    dropped = len(thread_ids) - len(hits)
    outcome.page = Page(items=hits, page=page, per_page=per_page, total=reachable - dropped)
    outcome.count = max(ranked.total - dropped, len(hits))
    outcome.count_is_lower_bound = not ranked.exact
    if ranked.total < 3 and parsed.clauses():
        outcome.suggestion = _suggestion(cache, options.q, parsed, filters, accept)
    return outcome


def _best_posts(cache, parsed, compiler, thread_ids, authors) -> dict[int, int]:
    """The best-matching post of each thread: all words in one post if there is
    such a post, else any of the words. With `von:`, only the person's own posts,
    even where none has the words: the snippet never shows someone else's words under
    that search."""
    searcher = cache.searcher
    thread_of = {
        docnum: thread_id
        for thread_id in thread_ids
        for docnum in Term("in_thread", str(thread_id)).docs(searcher)
    }
    author_terms = [Term("author", canonical_username(name)) for name in authors]
    levels = [
        matched
        for matched in (compiler.query(parsed, POST_FIELDS, any_word=a) for a in (False, True))
        if matched is not None
    ]
    if author_terms:
        levels.append(None)  # the person's posts without the words
    best: dict[int, int] = {}
    for matched in levels:
        candidates = [d for d, thread_id in thread_of.items() if thread_id not in best]
        if not candidates:
            break
        parts = [q for q in (matched, *author_terms) if q is not None]
        query = And(parts).normalize() if len(parts) > 1 else parts[0]
        scores = ranking.score_docnums(searcher, query, candidates)
        winners: dict[int, int] = {}
        for docnum, _ in sorted(scores.items(), key=lambda item: item[1], reverse=True):
            winners.setdefault(thread_of[docnum], docnum)
        for thread_id, docnum in winners.items():
            best[thread_id] = int(searcher.stored_fields(docnum)["key"][1:])
    return best


def _suggestion(cache, raw: str, parsed: ParsedQuery, filters, accept) -> str | None:
    """ "Did you mean": words missing from the index replaced by close words from
    its vocabulary; offered only if the corrected search finds something this
    person may see, so that the vocabulary of private places never shows."""
    reader = cache.searcher.reader()
    compiler = Compiler(reader)
    corrected, changed = raw, False

    def findable(query) -> bool:
        found = ranking.rank(
            cache.searcher,
            And([query, *filters]),
            accept,
            limit=1,
            budget=1,
            work=current_app.config["SEARCH_SCAN_WORK"],
        )
        return bool(found.docnums)

    for clause in parsed.clauses():
        if clause.kind != "word":
            continue
        tokens = [t.text for t in ANALYZER(clause.text)]
        if not tokens or any(reader.doc_frequency(f, t) for f in THREAD_FIELDS for t in tokens):
            continue
        word = clause.text.lower()
        for option in cache.searcher.corrector("title").suggest(word, limit=3, prefix=1):
            # Each word on its own must lead to something this person may read.
            replacement = compiler.clause(Clause(option), THREAD_FIELDS)
            if replacement is not None and findable(replacement):
                corrected = results.replace_word(corrected, clause.text, option)
                changed = True
                break
    if not changed:
        return None
    query = compiler.query(parse(corrected), THREAD_FIELDS)
    return corrected if query is not None and findable(query) else None


def similar_threads(cache, user, title: str, limit: int = 5) -> list[Thread]:
    """Threads with a title like the one being typed, solved ones first: read before
    asking again."""
    words = [Clause(w) for w in title.replace('"', " ").split()[:12]]
    compiler = Compiler(cache.searcher.reader())
    alternatives = [q for q in (compiler.clause(c, ("title",)) for c in words) if q]
    allowed = allowed_documents(cache, user)
    if not alternatives or not allowed:
        return []
    ranked = ranking.rank(
        cache.searcher,
        Or(alternatives),
        allowed.__contains__,
        limit=limit * 6,
        budget=current_app.config["SEARCH_SCAN_BUDGET"],
        work=current_app.config["SEARCH_SCAN_WORK"],
    )
    ids = [_thread_id(cache.searcher, docnum) for docnum in ranked.docnums]
    return results.similar(user, ids, compiler.terms, len(alternatives), limit)
