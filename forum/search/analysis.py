"""How text and searches become index words, once for every search backend.

Whoosh and PostgreSQL receive the same analysed words and the same query tree,
so that a search means the same on one machine and on many. The tree is free of
fields: each backend applies it to its own (thread documents: title and body;
post documents: text).

What customers type is widened here, once: a word also finds the compounds it is a
part of, a compound also finds its parts written apart, and a word finds its
synonyms and word family (synonyms.py), each weighted below the word as typed so
that exact matches rank first.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from whoosh.lang import stemmer_for_language

from . import compounds, synonyms
from .querylang import Clause, ParsedQuery
from .schema import ANALYZER, JOINED, WORD_PATTERN, german_analyzer, normalise_word

PREFIX_ANALYZER = german_analyzer(stop_words=False)
WORD = re.compile(WORD_PATTERN)
STEM = stemmer_for_language("de")
# How much a match counts beside the word as typed (1.0).
PART_WEIGHT = 0.25  # the parts of a typed compound, found apart
SYNONYM_WEIGHT = 0.25


@dataclass(frozen=True)
class Term:
    """One analysed word. Not `exact`: it may also match as a part of a compound.
    `weight`: how much a match counts; below 1 for what the search added to the
    words typed (synonyms, parts), so that exact matches rank first."""

    lexeme: str
    exact: bool = True
    weight: float = 1.0


@dataclass(frozen=True)
class Phrase:
    """Consecutive whole words."""

    lexemes: tuple[str, ...]


@dataclass(frozen=True)
class Prefix:
    """Whole words starting with an (analysed) stem."""

    stem: str


@dataclass(frozen=True)
class All:
    children: tuple


@dataclass(frozen=True)
class Any:
    children: tuple


Node = Term | Phrase | Prefix | All | Any


@dataclass(frozen=True)
class Query:
    required: Node | None
    excluded: Node | None
    # Index words to mark in titles and snippets.
    highlight: frozenset[str]


def analyse(text: str) -> list[tuple[int, str]]:
    """The whole words of a text as the index holds them: (position, lexeme)."""
    return [(token.pos, token.text) for token in ANALYZER(text, positions=True)]


@lru_cache(maxsize=200_000)
def word_parts(word: str, smallest: bool = False) -> tuple[str, ...]:
    """The lexemes of the parts of one word as written ("Kündigungsbestätigungen":
    kundig, bestat); empty for a word that is no compound. All parts at every level
    (for the index), or the `smallest` only (for a search)."""
    normal = normalise_word(re.sub(JOINED, "", word))
    found = compounds.leaves(normal) if smallest else compounds.parts(normal)
    return tuple(dict.fromkeys(STEM(part) for part in found))


def compound_parts_at(text: str) -> list[tuple[int, str]]:
    """The parts of the text's compound words at their compound's position in
    `analyse(text)`: (position, lexeme). Indexed apart from the whole words so that
    exact matches rank first, but where the compound stands, so that a part is as
    near its neighbours as the whole word is (PostgreSQL ranks by that)."""
    return [
        (token.pos, lexeme)
        for token in ANALYZER(text, positions=True, chars=True)
        for lexeme in word_parts(text[token.startchar : token.endchar])
    ]


def compound_parts(text: str) -> list[str]:
    """The same parts without positions (Whoosh keeps them in a field of their own)."""
    return [lexeme for _, lexeme in compound_parts_at(text)]


def clause_node(clause: Clause, widen: bool = True) -> Node | None:
    """A clause as a node; `widen`: a single word also matches as a part of
    compounds, its own parts written apart, and its synonyms."""
    if clause.kind == "prefix":
        stems = [token.text for token in PREFIX_ANALYZER(clause.text)]
        return Prefix(stems[-1]) if stems else None
    lexemes = tuple(lexeme for _, lexeme in analyse(clause.text))
    if not lexemes:
        return None
    if len(lexemes) > 1:
        return Phrase(lexemes)
    if not widen or clause.kind != "word":
        return Term(lexemes[0])
    return _widened(clause.text, lexemes[0])


def _widened(word: str, lexeme: str) -> Node:
    options: list = [Term(lexeme, exact=False)]
    parts = [p for p in word_parts(word, smallest=True) if p != lexeme]
    if parts:
        options.append(All(tuple(Term(p, exact=False, weight=PART_WEIGHT) for p in parts)))
    options.extend(Term(other, exact=False, weight=SYNONYM_WEIGHT) for other in synonyms.of(lexeme))
    return _either(options)


def _either(nodes: list) -> Node | None:
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else Any(tuple(nodes))


def _joined(groups: list[list[Clause]]) -> list[list[Clause]]:
    """Words typed apart that the index reads as one ("Fritz Box") searched as one."""
    joined: list[list[Clause]] = []
    for group in groups:
        previous = joined[-1] if joined else None
        if previous and len(previous) == 1 == len(group) and previous[0].kind == "word":
            together = f"{previous[0].text} {group[0].text}"
            if group[0].kind == "word" and WORD.fullmatch(together):
                joined[-1] = [Clause(together)]
                continue
        joined.append(group)
    return joined


def build(parsed: ParsedQuery, any_word: bool = False) -> Query:
    """All groups must match (any clause at all, with `any_word`); within a group,
    any of its clauses (a OR b)."""
    groups = []
    for group in _joined(parsed.required):
        group_node = _either([n for n in map(clause_node, group) if n is not None])
        if group_node is not None:
            groups.append(group_node)
    required = None
    if groups:
        required = groups[0] if len(groups) == 1 else (Any if any_word else All)(tuple(groups))
    # An excluded word is excluded as written, not its family.
    excluded = _either(
        [n for n in (clause_node(c, widen=False) for c in parsed.excluded) if n is not None]
    )
    return Query(required, excluded, frozenset(words(required)))


def words(node) -> set[str]:
    """The lexemes a node matches by (prefixes expand per backend): for highlighting."""
    if node is None or isinstance(node, Prefix):
        return set()
    if isinstance(node, Term):
        return {node.lexeme}
    if isinstance(node, Phrase):
        return set(node.lexemes)
    return set().union(*(words(child) for child in node.children))
