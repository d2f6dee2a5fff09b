"""Snippets with the searched words marked, as safe HTML.

Whoosh's highlighter runs the whole analyzer over every token of every snippet,
which costs more than the search itself. Here the text is split with the same
tokenizer pattern and each distinct word is analysed once per process (cached),
so a snippet costs a regex scan and dictionary lookups. A compound word is marked
when one of its parts matched ("Kündigungsbestätigung" for "Kündigung"), and so is
a synonym the search added: the terms given include both.
"""

from functools import lru_cache

from markupsafe import Markup, escape

from .analysis import WORD, word_parts  # the pattern the index itself splits words with
from .schema import ANALYZER

SNIPPET_LENGTH = 320  # characters in all, over at most FRAGMENTS windows
CONTEXT_BEFORE = 50
FRAGMENTS = 2


@lru_cache(maxsize=200_000)
def _index_terms(word: str) -> frozenset[str]:
    return frozenset(token.text for token in ANALYZER(word)) | frozenset(word_parts(word))


def _matches(text: str, terms) -> list[tuple[int, int, str]]:
    found = []
    for match in WORD.finditer(text):
        hits = _index_terms(match.group()) & terms
        if hits:
            found.append((match.start(), match.end(), min(hits)))
    return found


def matched_terms(text: str, terms) -> set[str]:
    """Which of the index terms occur in the text (in any inflection)."""
    return {term for *_, term in _matches(text, frozenset(terms))}


def _marked(text: str, start: int, end: int, matches) -> str:
    parts, position = [], start
    for match_start, match_end, _ in matches:
        if match_start < start or match_end > end:
            continue
        parts.append(str(escape(text[position:match_start])))
        parts.append(f"<mark>{escape(text[match_start:match_end])}</mark>")
        position = match_end
    parts.append(str(escape(text[position:end])))
    return "".join(parts)


def mark_all(text: str, terms) -> Markup:
    """The whole text (a title) with every match marked."""
    return Markup(_marked(text, 0, len(text), _matches(text, frozenset(terms))))  # noqa: S704


def excerpt(text: str, terms, length: int = SNIPPET_LENGTH) -> Markup:
    """Up to two windows of the text around the matches with the most distinct
    searched words; the start of the text when nothing matches."""
    matches = _matches(text, frozenset(terms))
    if not matches:
        return escape(text[:length] + ("…" if len(text) > length else ""))
    if len(text) <= length:
        return Markup(_marked(text, 0, len(text), matches))  # noqa: S704 (escaped)
    window = length // FRAGMENTS
    windows = []
    for index, (start, _, _) in enumerate(matches):
        # Every search here stays within one window's length of the match, so that
        # a long text with a match in every word costs time linear in its length.
        context = max(0, start - CONTEXT_BEFORE)
        begin = text.rfind(" ", max(0, context - CONTEXT_BEFORE), context) + 1 or context
        finish = min(len(text), begin + window)
        if finish < len(text):
            finish = max(text.rfind(" ", begin, finish), start + 1)
        end = index
        while end < len(matches) and matches[end][1] <= finish:
            end += 1
        inside = matches[index:end]
        windows.append((len({term for *_, term in inside}), len(inside), -begin, begin, finish))
    chosen = []
    for *_, begin, finish in sorted(windows, reverse=True):
        if not any(begin < f and finish > b for b, f in chosen):
            chosen.append((begin, finish))
        if len(chosen) == FRAGMENTS:
            break
    chosen.sort()
    joined = " … ".join(_marked(text, begin, finish, matches) for begin, finish in chosen)
    lead = "… " if chosen[0][0] > 0 else ""
    tail = " …" if chosen[-1][1] < len(text) else ""
    return Markup(lead + joined + tail)  # noqa: S704 (every piece escaped in _marked)
