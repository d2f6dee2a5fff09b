"""From the analysed query tree (analysis.py) to Whoosh queries over given fields.

A word that may match as part of a compound (Term not exact) also looks in the
field's "_parts" twin, which holds the parts of the text's compound words, at
PARTS_BOOST: the whole word as written ranks first."""

from itertools import islice

from whoosh import query as wq

from . import analysis
from .querylang import Clause, ParsedQuery

MAX_PREFIX_TERMS = 64
PARTS_BOOST = 0.5


class Compiler:
    """Turns the parsed query into Whoosh queries over given fields, and remembers
    the index terms it used, for highlighting."""

    def __init__(self, reader) -> None:
        self.reader = reader
        self.terms: set[str] = set()

    def node(self, node, fields):
        if isinstance(node, analysis.Term):
            self.terms.add(node.lexeme)
            found = [wq.Term(f, node.lexeme, boost=node.weight) for f in fields]
            if not node.exact:
                boost = node.weight * PARTS_BOOST
                found.extend(wq.Term(f"{f}_parts", node.lexeme, boost=boost) for f in fields)
            return wq.Or(found)
        if isinstance(node, analysis.Phrase):
            self.terms.update(node.lexemes)
            return wq.Or([wq.Phrase(f, list(node.lexemes)) for f in fields])
        if isinstance(node, analysis.Prefix):
            return self._prefix(node.stem, fields)
        children = [self.node(child, fields) for child in node.children]
        return wq.And(children) if isinstance(node, analysis.All) else wq.Or(children)

    def _prefix(self, stem: str, fields):
        expanded = []
        for fieldname in fields:
            words = list(islice(self.reader.expand_prefix(fieldname, stem), MAX_PREFIX_TERMS))
            words = [w.decode() if isinstance(w, bytes) else w for w in words]
            self.terms.update(words)
            expanded.extend(wq.Term(fieldname, w) for w in words)
        return wq.Or(expanded) if expanded else wq.NullQuery

    def clause(self, clause: Clause, fields) -> object | None:
        node = analysis.clause_node(clause)
        return None if node is None else self.node(node, fields)

    def query(self, parsed: ParsedQuery, fields, any_word: bool = False):
        """All groups must match (or any clause at all, with `any_word`)."""
        built = analysis.build(parsed, any_word)
        if built.required is None:
            return None
        matched = self.node(built.required, fields)
        excluded = self.node(built.excluded, fields) if built.excluded is not None else None
        # Normalized: one-element groups and nested ANDs flattened, fewer matchers to step.
        return (wq.AndNot(matched, excluded) if excluded else matched).normalize()

    def excluded(self, parsed: ParsedQuery, fields):
        """What must not match (-word), or None."""
        built = analysis.build(parsed)
        return None if built.excluded is None else self.node(built.excluded, fields)
