"""How text and searches become index words, once for every search backend.

Whoosh and PostgreSQL receive the same analysed words and the same query tree,
so that a search means the same on one machine and on many. The tree is free of
fields: each backend applies it to its own (thread documents: title and body;
post documents: text).
"""

from dataclasses import dataclass

from .querylang import Clause, ParsedQuery
from .schema import ANALYZER, german_analyzer

PREFIX_ANALYZER = german_analyzer(stop_words=False)


@dataclass(frozen=True)
class Term:
    """One analysed word. Not `exact`: it may also match as a part of a compound."""

    lexeme: str
    exact: bool = True


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


def compound_parts(text: str) -> list[str]:
    """The lexemes of the parts of the text's compound words, indexed apart from
    the whole words so that exact matches rank first."""
    return []


def clause_node(clause: Clause) -> Node | None:
    if clause.kind == "prefix":
        stems = [token.text for token in PREFIX_ANALYZER(clause.text)]
        return Prefix(stems[-1]) if stems else None
    lexemes = tuple(lexeme for _, lexeme in analyse(clause.text))
    if not lexemes:
        return None
    return Term(lexemes[0]) if len(lexemes) == 1 else Phrase(lexemes)


def _either(nodes: list) -> Node | None:
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else Any(tuple(nodes))


def build(parsed: ParsedQuery, any_word: bool = False) -> Query:
    """All groups must match (any clause at all, with `any_word`); within a group,
    any of its clauses (a OR b)."""
    groups = []
    for group in parsed.required:
        group_node = _either([n for n in map(clause_node, group) if n is not None])
        if group_node is not None:
            groups.append(group_node)
    required = None
    if groups:
        required = groups[0] if len(groups) == 1 else (Any if any_word else All)(tuple(groups))
    excluded = _either([n for n in map(clause_node, parsed.excluded) if n is not None])
    return Query(required, excluded, frozenset(_words(required)))


def _words(node) -> set[str]:
    if node is None or isinstance(node, Prefix):
        return set()
    if isinstance(node, Term):
        return {node.lexeme}
    if isinstance(node, Phrase):
        return set(node.lexemes)
    return set().union(*(_words(child) for child in node.children))
