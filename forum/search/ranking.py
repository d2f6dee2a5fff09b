"""Ranking with a bounded, deterministic amount of work, whatever the size of the forum.

Pure-Python Whoosh spends a few microseconds on every matching document, and a
common word matches most threads: ranking every match would make a search on a
million posts take most of a second. So a search does at most a fixed amount of
work, in an order chosen so that what it reaches first is what people most likely
want:

* index segments written since the last rebuild first (fresh questions and
  threads that just got answers), then the rebuilt segments, which hold threads
  newest first (the rebuild writes them in that order);
* every thread whose *title* matches is scored as well, wherever it is: titles
  are short, so matching them is cheap, and a title match is the strongest hint.

The work is counted, never timed: at most `budget` accepted matches are scored,
and the terms' postings are moved through at most `work` times (every `skip_to`
of a single term's postings counts one step, and so does every posting read past,
one `next` each). Counting matches alone would not bound the cost: where matches
are sparse (two common words that rarely meet, or a filter that rejects most
matches) one step of a compound matcher reads through thousands of postings.
Counting the terms' own steps does bound it, and depends only on the index and the
query, never on how busy the machine is: the same query on the same index gives
the same hits, order and count every time.

When the work ends the scan early, the count is what was seen: a lower bound,
shown as "at least N". Counts are capped at `count_limit` either way, so that
every backend can state the same bound.
"""

import heapq
from collections.abc import Callable
from dataclasses import dataclass

# Segments smaller than this share of the index hold recent changes: scanned first.
FRESH_SEGMENT_SHARE = 0.1
# Title matches scored beyond the budget: enough for every page anyone reads.
MAX_TITLE_MATCHES = 200


@dataclass
class Ranked:
    docnums: list[int]  # best first
    total: int  # exact when `exact`, else a lower bound
    exact: bool
    scored: int  # documents scored, and so reachable by paging


class WorkSpent(Exception):
    """Raised from inside a matcher when its scan used up its steps."""


class Meter:
    """Steps through postings lists left to a scan."""

    def __init__(self, steps: int) -> None:
        self.left = steps

    def step(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise WorkSpent


def _metered(matcher, meter: Meter):
    """A single term's postings that count every move against the meter. Only the
    moves are intercepted (on the instance, not through a wrapper): `id`,
    `is_active` and `score`, called far more often, keep their full speed."""
    move, skip, copy = matcher.next, matcher.skip_to, matcher.copy

    def next():
        meter.step()
        return move()

    def skip_to(id):
        meter.step()
        return skip(id)

    matcher.next, matcher.skip_to = next, skip_to
    matcher.copy = lambda: _metered(copy(), meter)
    return matcher


class _MeteredSearcher:
    """A segment's searcher whose postings are metered. Queries build their matchers
    from `postings()` (terms, and the terms of phrases and prefixes), so every
    compound matcher ends up moving metered postings."""

    def __init__(self, searcher, meter: Meter) -> None:
        self._searcher = searcher
        self._meter = meter

    def __getattr__(self, name):
        return getattr(self._searcher, name)

    def postings(self, fieldname, text, weighting=None, qf=1):
        return _metered(self._searcher.postings(fieldname, text, weighting, qf), self._meter)


def _matcher(query, leaf, context, meter: Meter | None = None):
    """The query's matcher on its first real match. Whoosh's AND NOT matcher does not
    check its first document against the excluded side until it moves; a skip to
    where it stands makes it check (and is a no-op for every other matcher)."""
    matcher = query.matcher(_MeteredSearcher(leaf, meter) if meter else leaf, context)
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
    work: int,
    count_limit: int | None = None,
    title_query=None,
    sort_key: Callable[[int, float], float] | None = None,
) -> Ranked:
    """The `limit` best documents for `query` among those `accept` lets through,
    scoring at most `budget` matches in at most `work` postings steps (plus all
    title matches, in as many steps again)."""
    context = searcher.context(needs_current=True)
    heap = _Heap(limit)
    key = sort_key or (lambda docnum, score: score)
    fresh, large = _scan_order(searcher)
    matched, exact = 0, True
    meter = Meter(work)

    def scan(leaf, offset, allowance: int, leaf_meter: Meter) -> int:
        """Scores up to `allowance` accepted matches; returns how many it saw."""
        nonlocal exact
        seen = 0
        try:
            matcher = _matcher(query, leaf, context, leaf_meter)
            while matcher.is_active():
                docnum = offset + matcher.id()
                if accept(docnum):
                    heap.push(key(docnum, matcher.score()), docnum)
                    seen += 1
                    if seen >= allowance:
                        matcher.next()
                        exact = exact and not matcher.is_active()
                        return seen
                matcher.next()
        except WorkSpent:
            exact = False
        return seen

    for leaf, offset in fresh:
        if matched >= budget or meter.left <= 0:
            exact = False
            break
        matched += scan(leaf, offset, budget - matched, meter)
    remaining, steps = budget - matched, meter.left
    if large and (remaining <= 0 or steps <= 0):
        exact = False
    elif large:
        # Each large segment is in rebuilt (newest first) order: each gets its share.
        large_size = sum(leaf.doc_count_all() for leaf, _ in large)
        for leaf, offset in large:
            share = leaf.doc_count_all() / large_size
            allowance = max(1, round(remaining * share))
            matched += scan(leaf, offset, allowance, Meter(max(1, round(steps * share))))

    if title_query is not None and not exact:
        _score_title_matches(searcher, query, title_query, accept, heap, key, context, work)

    scored = len(heap.seen)
    total = matched if exact else max(matched, scored)
    if count_limit is not None and total > count_limit:
        total, exact = count_limit, False
    return Ranked(heap.best_first(), total, exact, scored)


def _score_title_matches(searcher, query, title_query, accept, heap, key, context, work) -> None:
    """Threads whose title matches (at most MAX_TITLE_MATCHES, newest first, within
    `work` postings steps), scored with the full query so that their score compares
    with the others'."""
    boolean = searcher.boolean_context()
    fresh, large = _scan_order(searcher)
    meter = Meter(work)
    titles = []
    try:
        for leaf, offset in [*fresh, *large]:
            for docnum in _matcher(title_query, leaf, boolean, meter).all_ids():
                if accept(offset + docnum):
                    titles.append(offset + docnum)
                    if len(titles) >= MAX_TITLE_MATCHES:
                        break
            if len(titles) >= MAX_TITLE_MATCHES:
                break
    except WorkSpent:
        pass
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
