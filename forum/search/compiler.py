"""From the parsed query language to Whoosh queries over given fields."""

from itertools import islice

from whoosh.query import And, AndNot, NullQuery, Or, Phrase, Term

from .querylang import Clause, ParsedQuery
from .schema import ANALYZER, german_analyzer

MAX_PREFIX_TERMS = 64
PREFIX_ANALYZER = german_analyzer(stop_words=False)


class Compiler:
    """Turns the parsed query into Whoosh queries over given fields, and remembers
    the index terms it used, for highlighting."""

    def __init__(self, reader) -> None:
        self.reader = reader
        self.terms: set[str] = set()

    def clause(self, clause: Clause, fields) -> object | None:
        if clause.kind == "prefix":
            return self._prefix(clause.text, fields)
        tokens = [token.text for token in ANALYZER(clause.text)]
        if not tokens:
            return None
        self.terms.update(tokens)
        if len(tokens) == 1:
            return Or([Term(f, tokens[0]) for f in fields])
        return Or([Phrase(f, tokens) for f in fields])

    def _prefix(self, text: str, fields):
        tokens = [token.text for token in PREFIX_ANALYZER(text)]
        if not tokens:
            return None
        expanded = []
        for fieldname in fields:
            words = list(islice(self.reader.expand_prefix(fieldname, tokens[-1]), MAX_PREFIX_TERMS))
            words = [w.decode() if isinstance(w, bytes) else w for w in words]
            self.terms.update(words)
            expanded.extend(Term(fieldname, w) for w in words)
        return Or(expanded) if expanded else NullQuery

    def query(self, parsed: ParsedQuery, fields, any_word: bool = False):
        """All groups must match (or any clause at all, with `any_word`)."""
        groups = []
        for group in parsed.required:
            alternatives = [q for q in (self.clause(c, fields) for c in group) if q is not None]
            if alternatives:
                groups.append(Or(alternatives))
        if not groups:
            return None
        matched = Or(groups) if any_word else And(groups)
        excluded = self.excluded(parsed, fields)
        # Normalized: one-element groups and nested ANDs flattened, fewer matchers to step.
        return (AndNot(matched, excluded) if excluded else matched).normalize()

    def excluded(self, parsed: ParsedQuery, fields):
        """What must not match (-word), or None."""
        excluded = [q for q in (self.clause(c, fields) for c in parsed.excluded) if q is not None]
        return Or(excluded) if excluded else None
