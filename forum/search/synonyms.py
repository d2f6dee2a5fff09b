"""Support synonyms and word families: a searched word also finds the other words of
its groups ("kündigen" finds "Kündigung", "Störung" finds "Ausfall").

The forum ships its groups (synonyms.txt); admins add their own in the browser
(SynonymGroup rows). Both apply when searching, not when indexing, so a change needs
no rebuild and is seen by every app machine at once. The map is read once per
request, not per word.
"""

from functools import cache
from pathlib import Path

from flask import g, has_app_context
from sqlalchemy import select

from ..extensions import db
from ..models import SynonymGroup, User
from ..moderation import audit
from .schema import ANALYZER

SHIPPED = Path(__file__).with_name("synonyms.txt")
SEPARATOR = ","
MAX_WORDS = 12
MAX_LENGTH = 500  # the column's size

audit.TARGET_TYPES[SynonymGroup] = "synonyms"


def words_of(text: str) -> list[str]:
    """The words of a group as typed: "Störung, Ausfall" -> ["Störung", "Ausfall"]."""
    return [word.strip() for word in text.split(SEPARATOR) if word.strip()]


def lexeme(word: str) -> str | None:
    """The one index word a synonym stands for; None for a stop word or several words."""
    lexemes = [token.text for token in ANALYZER(word)]
    return lexemes[0] if len(lexemes) == 1 else None


@cache
def shipped_groups() -> tuple[tuple[str, ...], ...]:
    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    return tuple(
        tuple(words_of(line)) for line in lines if line.strip() and not line.startswith("#")
    )


def stored_groups() -> list[SynonymGroup]:
    return list(db.session.scalars(select(SynonymGroup).order_by(SynonymGroup.id)))


def _map(groups) -> dict[str, tuple[str, ...]]:
    found: dict[str, dict[str, None]] = {}
    for words in groups:
        lexemes = [lex for lex in map(lexeme, words) if lex is not None]
        for one in lexemes:
            found.setdefault(one, {}).update((other, None) for other in lexemes if other != one)
    return {one: tuple(others) for one, others in found.items()}


@cache
def _shipped_map() -> dict[str, tuple[str, ...]]:
    return _map(shipped_groups())


def current() -> dict[str, tuple[str, ...]]:
    """Lexeme -> the other lexemes of its groups, shipped and added; read once per
    request (outside an application, the shipped ones)."""
    if not has_app_context():
        return _shipped_map()
    if "search_synonyms" not in g:
        stored = [words_of(group.words) for group in stored_groups()]
        g.search_synonyms = _map([*shipped_groups(), *stored]) if stored else _shipped_map()
    return g.search_synonyms


def of(word_lexeme: str) -> tuple[str, ...]:
    return current().get(word_lexeme, ())


def add_group(actor: User, words: list[str]) -> SynonymGroup:
    """Adds the group and its audit entry to the transaction (the caller commits)."""
    group = SynonymGroup(words=", ".join(words), created_by_id=actor.id)
    db.session.add(group)
    db.session.flush()
    audit.record(actor, "search.synonyms-add", group, after={"words": group.words})
    g.pop("search_synonyms", None)
    return group


def remove_group(actor: User, group: SynonymGroup) -> None:
    audit.record(actor, "search.synonyms-remove", group, before={"words": group.words})
    db.session.delete(group)
    g.pop("search_synonyms", None)


def existing_lexeme_sets() -> list[set[str]]:
    groups = [*shipped_groups(), *(words_of(group.words) for group in stored_groups())]
    return [{lex for lex in map(lexeme, words) if lex is not None} for words in groups]
