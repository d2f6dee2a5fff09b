"""The query language people type: words (all must match), "exact phrases",
-excluded, OR, prefix*, von:username. Parsing never fails: whatever cannot be
read as syntax is searched as plain words, and a note says so."""

import re
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

MAX_LENGTH = 200
MAX_CLAUSES = 10
MIN_PREFIX = 3

TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
OR_WORDS = {"OR", "ODER"}
AUTHOR_PREFIXES = ("von:", "from:")
WILDCARDS = re.compile(r"[*?]+")

NOTE_TOO_LONG = _l("Your search was shortened to its first %(length)s characters.")
NOTE_UNBALANCED = _l("A quotation mark was not closed, so we searched for the single words.")
NOTE_LONE_MINUS = _l("A “-” needs a word right after it (-word); we ignored it.")
NOTE_SHORT_PREFIX = _l("“*” needs at least %(length)s letters before it; we searched the word.")
NOTE_TOO_MANY = _l("We searched for the first %(count)s words only.")
NOTE_EMPTY_AUTHOR = _l("“von:” needs a user name right after it (von:name).")


@dataclass(frozen=True)
class Clause:
    text: str
    kind: str = "word"  # word, phrase or prefix


@dataclass
class ParsedQuery:
    # All groups must match; within a group, any clause (a OR b).
    required: list[list[Clause]] = field(default_factory=list)
    excluded: list[Clause] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    excluded_authors: list[str] = field(default_factory=list)  # -von:name
    notes: list = field(default_factory=list)

    def clauses(self) -> list[Clause]:
        return [clause for group in self.required for clause in group]


def parse(text: str | None) -> ParsedQuery:
    parsed = ParsedQuery()
    text = (text or "").strip()
    if len(text) > MAX_LENGTH:
        text = text[:MAX_LENGTH]
        parsed.notes.append(NOTE_TOO_LONG % {"length": MAX_LENGTH})
    if text.count('"') % 2:
        text = text.replace('"', " ")
        parsed.notes.append(NOTE_UNBALANCED)
    join_with_previous = False
    for match in TOKEN.finditer(text):
        minus, phrase, word = match.groups()
        if word in OR_WORDS:
            join_with_previous = bool(parsed.required)
            continue
        negated = bool(minus)
        if phrase is not None:
            clause = Clause(phrase, "phrase")
        else:
            negated = word.startswith("-")
            word = word.lstrip("-") if negated else word
            if not word:
                parsed.notes.append(NOTE_LONE_MINUS)
                continue
            if word.lower().startswith(AUTHOR_PREFIXES):
                _author(parsed, word.split(":", 1)[1], negated)
                join_with_previous = False
                continue
            clause = _word_clause(parsed, word)
        if len(parsed.clauses()) + len(parsed.excluded) >= MAX_CLAUSES:
            parsed.notes.append(NOTE_TOO_MANY % {"count": MAX_CLAUSES})
            break
        if negated:
            parsed.excluded.append(clause)
        elif join_with_previous:
            parsed.required[-1].append(clause)
        else:
            parsed.required.append([clause])
        join_with_previous = False
    return parsed


def _author(parsed: ParsedQuery, name: str, negated: bool) -> None:
    name = name.strip().lstrip("@")
    if not name:
        parsed.notes.append(NOTE_EMPTY_AUTHOR)
    elif negated:
        parsed.excluded_authors.append(name)
    else:
        parsed.authors.append(name)


def _word_clause(parsed: ParsedQuery, word: str) -> Clause:
    """Only a trailing * makes a prefix; other wildcards are not ours to expand
    (a leading or inner * would make Whoosh scan the whole vocabulary)."""
    if word.endswith("*"):
        stem = WILDCARDS.sub(" ", word).strip()
        if sum(ch.isalnum() for ch in stem) >= MIN_PREFIX and " " not in stem:
            return Clause(stem, "prefix")
        parsed.notes.append(NOTE_SHORT_PREFIX % {"length": MIN_PREFIX})
        return Clause(stem)
    return Clause(WILDCARDS.sub(" ", word).strip())
