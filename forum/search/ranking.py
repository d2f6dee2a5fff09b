"""Ranking with a bounded amount of work, whatever the size of the forum.

Pure-Python Whoosh spends a few microseconds on every matching document, and a
common word matches most threads: ranking every match would make a search on a
million posts take most of a second. So a search scores at most `budget`
matches, in an order chosen so that the ones it reaches first are the ones
people most likely want:

* index segments written since the last rebuild first (fresh questions and
  threads that just got answers), then the rebuilt segments, which hold threads
  newest first (the rebuild writes them in that order);
* every thread whose *title* matches is scored as well, wherever it is: titles
  are short, so matching them is cheap, and a title match is the strongest hint.

When the budget ends the scan, the number of matches is estimated from the
share of the index that was scanned, and shown as an estimate.
"""

import heapq
import time
from collections.abc import Callable
from dataclasses import dataclass

# Segments smaller than this share of the index hold recent changes: scanned first.
FRESH_SEGMENT_SHARE = 0.1
# Title matches scored beyond the budget: enough for every page anyone reads.
MAX_TITLE_MATCHES = 200


@dataclass
class Ranked:
    docnums: list[int]  # best first
    total: int
    exact: bool
    scored: int  # documents scored, and so reachable by paging


def _matcher(query, leaf, context):
    """The query's matcher on its first real match. Whoosh's AND NOT matcher does not
    check its first document against the excluded side until it moves; a skip to
    where it stands makes it check (and is a no-op for every other matcher)."""
    matcher = query.matcher(leaf, context)
    if matcher.is_active():
        matcher.skip_to(matcher.id())
    return matcher


def _scan_order(searcher):
    """Small (recent) segments first, newest first; then the large ones."""
    leaves = list(searcher.leaf_searchers())
    size = max(1, sum(leaf.doc_count_all() for leaf, _ in leaves))
    fresh = [(s, o) for s, o in leaves if s.doc_count_all() < FRESH_SEGMENT_SHARE * size]
    large = [(s, o) for s, o in leaves if s.doc_count_all() >= FRESH_SEGMENT_SHARE * size]
    return list(reversed(fresh)), large


class _Heap:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.items: list[tuple[float, int]] = []
        self.seen: set[int] = set()

    def push(self, key: float, docnum: int) -> None:
        if docnum in self.seen:
            return
        self.seen.add(docnum)
        item = (key, -docnum)  # equal keys: the lower docnum (newer, in rebuilt order) wins
        if len(self.items) < self.limit:
            heapq.heappush(self.items, item)
        elif item > self.items[0]:
            heapq.heapreplace(self.items, item)

    def best_first(self) -> list[int]:
        return [-negative for _, negative in sorted(self.items, reverse=True)]


def rank(
    searcher,
    query,
    accept: Callable[[int], bool],
    limit: int,
    budget: int,
    title_query=None,
    sort_key: Callable[[int, float], float] | None = None,
    seconds: float | None = None,
) -> Ranked:
    """The `limit` best documents for `query` among those `accept` lets through,
    scoring at most `budget` matches in at most `seconds` (plus all title matches)."""
    context = searcher.context(needs_current=True)
    deadline = time.perf_counter() + seconds if seconds else None
    heap = _Heap(limit)
    key = sort_key or (lambda docnum, score: score)
    fresh, large = _scan_order(searcher)
    matched, covered, exact = 0, 0, True

    def scan(leaf, offset, allowance: int) -> int:
        """Scores up to `allowance` accepted matches; returns how many it saw."""
        nonlocal covered, exact
        matcher = _matcher(query, leaf, context)
        seen = 0
        while matcher.is_active():
            # Checked at every match: where matches are sparse, one step of the
            # matcher can read through thousands of postings.
            if deadline and time.perf_counter() > deadline:
                exact = False
                covered += matcher.id()
                return seen
            docnum = offset + matcher.id()
            if accept(docnum):
                heap.push(key(docnum, matcher.score()), docnum)
                seen += 1
                if seen >= allowance:
                    matcher.next()
                    if matcher.is_active():
                        exact = False
                        covered += matcher.id()
                        return seen
                    break
            matcher.next()
        covered += leaf.doc_count_all()
        return seen

    def out_of_time() -> bool:
        return bool(deadline) and time.perf_counter() > deadline

    for leaf, offset in fresh:
        if matched >= budget or out_of_time():
            exact = False
            break
        matched += scan(leaf, offset, budget - matched)
    remaining = budget - matched
    if large and (remaining <= 0 or out_of_time()):
        exact = False
    elif large:
        # Each large segment is in rebuilt (newest first) order: each gets its share.
        large_size = sum(leaf.doc_count_all() for leaf, _ in large)
        for leaf, offset in large:
            share = max(1, round(remaining * leaf.doc_count_all() / large_size))
            matched += scan(leaf, offset, share)

    if title_query is not None and not exact:
        _score_title_matches(searcher, query, title_query, accept, heap, key, context)

    scored = len(heap.seen)
    if exact:
        return Ranked(heap.best_first(), matched, True, scored)
    size = max(1, searcher.doc_count_all())
    estimate = round(matched * size / max(covered, 1))
    return Ranked(heap.best_first(), max(estimate, matched, scored), False, scored)


def _score_title_matches(searcher, query, title_query, accept, heap, key, context) -> None:
    """Threads whose title matches (at most MAX_TITLE_MATCHES, newest first), scored
    with the full query so that their score compares with the others'."""
    boolean = searcher.boolean_context()
    fresh, large = _scan_order(searcher)
    titles = []
    for leaf, offset in [*fresh, *large]:
        for docnum in _matcher(title_query, leaf, boolean).all_ids():
            if accept(offset + docnum):
                titles.append(offset + docnum)
                if len(titles) >= MAX_TITLE_MATCHES:
                    break
        if len(titles) >= MAX_TITLE_MATCHES:
            break
    for docnum, score in score_docnums(searcher, query, titles, context).items():
        heap.push(key(docnum, score), docnum)


def score_docnums(searcher, query, docnums, context=None) -> dict[int, float]:
    """Scores of the given documents that match `query`. Jumping from one to the
    next (skip_to) reads only the blocks they are in: cheap for a few documents."""
    context = context or searcher.context(needs_current=True)
    wanted = sorted(docnums)
    scores = {}
    for leaf, offset in searcher.leaf_searchers():
        end = offset + leaf.doc_count_all()
        inside = [d - offset for d in wanted if offset <= d < end]
        if not inside:
            continue
        matcher = _matcher(query, leaf, context)
        for docnum in inside:
            if not matcher.is_active():
                break
            if matcher.id() < docnum:
                matcher.skip_to(docnum)
            if matcher.is_active() and matcher.id() == docnum:
                scores[offset + docnum] = matcher.score()
    return scores
