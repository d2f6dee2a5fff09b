"""German compound words split into their parts, by a dictionary.

"Kündigungsbestätigung" is one word to the index, and neither "Kündigung" nor
"Bestätigung" would find it. The split is a dynamic programme over a German word
list (Debian's wngerman, from the igerman98 dictionary: the list every German
spell checker on Debian is built from, kept up to date by the distribution, and
GPL data that the forum reads at run time rather than ships). Its forms include
the inflections ("Vertrags", "Rufnummern"), so most linking letters come with
the words; the others (s, es, n, en, e, er, ns) are allowed between parts.

The split is deterministic and costs at most MAX_WORD × MAX_PART dictionary
look-ups per distinct word (cached). It happens in Python, at index and at query
time, so every search backend gets the same parts.
"""

import logging
import os
from collections import defaultdict
from functools import cache, lru_cache

log = logging.getLogger(__name__)

DICTIONARY = os.environ.get("FORUM_COMPOUND_DICTIONARY", "/usr/share/dict/ngerman")
MIN_PART = 4  # "An|schluss", "Ab|rechnung", "Aus|fall" stay whole
MAX_PART = 24
MAX_WORD = 48  # longer "words" are codes or links: not split
LINKS = ("", "s", "es", "n", "en", "e", "er", "ns")
# Words of the list that make prefixes, not parts: "Unter|schrift" is no Schrift.
NOT_PARTS = frozenset(
    [
        "unter",
        "über",
        "durch",
        "gegen",
        "hinter",
        "wider",
        "wieder",
        "weiter",
        "nach",
        "zurück",
        "nicht",
        "dass",
    ]
)
# Words that the list would split but that are no longer compounds in meaning.
WHOLE = frozenset(["passwort"])
# Support words the list lacks.
EXTRA = ("email", "wlan", "glasfaser", "smartphone", "hotline", "mesh")


class WordList:
    """A set of words in about a tenth of a Python set's memory: the words of each
    length concatenated in order, searched by bisection (a few hundred thousand
    words would otherwise cost every process some 40 MB)."""

    def __init__(self, words) -> None:
        by_length = defaultdict(set)
        for word in words:
            by_length[len(word)].add(word)
        self._buckets = {n: "".join(sorted(ws)) for n, ws in by_length.items()}

    def __len__(self) -> int:
        return sum(len(bucket) // n for n, bucket in self._buckets.items())

    def __contains__(self, word: str) -> bool:
        n = len(word)
        bucket = self._buckets.get(n)
        if not bucket:
            return False
        lo, hi = 0, len(bucket) // n
        while lo < hi:
            mid = (lo + hi) // 2
            if bucket[mid * n : mid * n + n] < word:
                lo = mid + 1
            else:
                hi = mid
        return bucket[lo * n : lo * n + n] == word


@cache
def dictionary() -> WordList:
    """The word list, normalised like the index normalises text before stemming."""
    from .schema import normalise_word

    try:
        with open(DICTIONARY, encoding="utf-8") as lines:
            # Normalised at once: the steps work within words, and one pass over the
            # text is many times faster than one per word.
            words = normalise_word(lines.read()).split("\n")
    except OSError:
        log.warning(
            "German word list %s not found (apt-get install wngerman): compound words "
            "are not split",
            DICTIONARY,
        )
        words = []
    words = [w for w in words if MIN_PART <= len(w) <= MAX_PART and w.isalpha()]
    return WordList(w for w in (*words, *EXTRA) if w not in NOT_PARTS)


@lru_cache(maxsize=200_000)
def _best(word: str) -> tuple[str, ...]:
    """The parts of a normalised word, fewest first, then fewest linking letters;
    empty when the word is no compound."""
    n = len(word)
    if n > MAX_WORD or n < 2 * MIN_PART or word in WHOLE or not word.isalpha():
        return ()
    words = dictionary()
    # best[i]: the best split of word[i:] as (parts, linking letters, parts).
    best: dict[int, tuple[int, int, tuple[str, ...]]] = {n: (0, 0, ())}
    for i in range(n - MIN_PART, -1, -1):
        chosen = None
        for j in range(i + MIN_PART, min(n, i + MAX_PART) + 1):
            part = word[i:j]
            if (i == 0 and j == n) or part not in words:
                continue
            for link in LINKS if j < n else ("",):
                k = j + len(link)
                if k == n and link:
                    continue  # a linking letter links: it never ends the word
                if k in best and word.startswith(link, j) and part + link not in NOT_PARTS:
                    count, letters, rest = best[k]
                    option = (count + 1, letters + len(link), (part, *rest))
                    if chosen is None or option[:2] < chosen[:2]:
                        chosen = option
        if chosen is not None:
            best[i] = chosen
    return best[0][2] if 0 in best else ()


def parts(word: str) -> tuple[str, ...]:
    """Every part of a normalised word, the parts of its parts too, for the index:
    "festnetzanschluss" gives fest, netzanschluss, netz, anschluss."""
    found = _best(word)
    deeper = [p for part in found for p in parts(part)]
    return tuple(dict.fromkeys((*found, *deeper)))


def leaves(word: str) -> tuple[str, ...]:
    """The smallest parts, in order, for a search: "festnetzanschluss" gives fest,
    netz, anschluss, which also find "Festnetz-Anschluss"."""
    found = _best(word)
    return tuple(leaf for part in found for leaf in (leaves(part) or (part,)))
