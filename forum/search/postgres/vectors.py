"""Text and searches in PostgreSQL's own notation, from the shared analysis.

Documents are built here from `analysis.analyse()` and `compound_parts_at()`, the
same words the Whoosh index holds, and handed to PostgreSQL as tsvector and
tsquery literals (bound parameters, each lexeme quoted): no text search
dictionary has to be installed on the server, and stemming is never PostgreSQL's.

Layout of a thread document: title words with weight A, with the parts of its
compound words as "~part" (B) at their compound's position, then the text of its
posts (C) with its parts (D), each section well apart from the previous one so that
no phrase crosses it.
Exact words match whole words only; a part is found as "~part" as well.
Authors are position-less "@username" lexemes, matched apart from the words.
"""

from ..analysis import All, Any, Phrase, Prefix, Term, analyse, compound_parts_at

PART = "~"
AUTHOR = "@"
MAX_POSITION = 16383  # PostgreSQL keeps positions up to this
MAX_POSITIONS = 256  # and at most this many of one lexeme
MAX_LEXEME_BYTES = 2046
SECTION_GAP = 16


def quote(lexeme: str) -> str:
    """A lexeme as a quoted tsvector/tsquery token: nothing in it is syntax."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _fits(lexeme: str) -> bool:
    return bool(lexeme) and len(lexeme.encode()) <= MAX_LEXEME_BYTES


class _Vector:
    def __init__(self) -> None:
        self.positions: dict[str, list[str]] = {}
        self.start = self.next = 1
        self.bare: set[str] = set()

    def add(self, words: list[tuple[int, str]], weight: str) -> None:
        """Words at their positions from the start of a new section."""
        self.start = self.next
        last = self._place(words, weight)
        self.next = min(last + SECTION_GAP, MAX_POSITION)

    def add_parts(self, text: str, weight: str) -> None:
        """The parts of the compounds of `text`, the section just added, where each
        compound stands."""
        self._place([(at, PART + part) for at, part in compound_parts_at(text)], weight)

    def _place(self, words: list[tuple[int, str]], weight: str) -> int:
        """Adds words at their positions in the current section; the last position."""
        last = self.start
        for position, lexeme in words:
            at = min(self.start + position, MAX_POSITION)
            last = max(last, at)
            if _fits(lexeme):
                found = self.positions.setdefault(lexeme, [])
                if len(found) < MAX_POSITIONS:
                    found.append(f"{at}{weight}")
        return last

    def literal(self) -> str:
        tokens = [f"{quote(lex)}:{','.join(at)}" for lex, at in sorted(self.positions.items())]
        tokens.extend(quote(lexeme) for lexeme in sorted(self.bare - self.positions.keys()))
        return " ".join(tokens)


def _authors(vector: _Vector, names) -> None:
    vector.bare.update(AUTHOR + name for name in names if name and _fits(AUTHOR + name))


def thread_vector(title: str, body: str, authors) -> str:
    vector = _Vector()
    vector.add(analyse(title), "A")
    vector.add_parts(title, "B")
    vector.add(analyse(body), "C")
    vector.add_parts(body, "D")
    _authors(vector, authors)
    return vector.literal()


def post_vector(text: str, author: str) -> str:
    vector = _Vector()
    vector.add(analyse(text), "")
    vector.add_parts(text, "")
    _authors(vector, [author])
    return vector.literal()


# Weights a term may match with, by what it is compared with: whole words and parts.
THREAD = ("", "")  # anywhere in a thread document (or a post's)
TITLE = ("A", "B")


def tsquery(node, where=THREAD) -> str:
    """The query tree as tsquery text over a document."""
    whole, parts = where
    if isinstance(node, Term):
        exact = f"{quote(node.lexeme)}{':' + whole if whole else ''}"
        if node.exact:
            return exact
        return f"({exact} | {quote(PART + node.lexeme)}{':' + parts if parts else ''})"
    if isinstance(node, Phrase):
        suffix = f":{whole}" if whole else ""
        return "(" + " <-> ".join(quote(lexeme) + suffix for lexeme in node.lexemes) + ")"
    if isinstance(node, Prefix):
        return f"{quote(node.stem)}:*{whole}"
    joiner = " & " if isinstance(node, All) else " | "
    if not isinstance(node, All | Any):
        raise TypeError(f"not a query node: {node!r}")
    return "(" + joiner.join(tsquery(child, where) for child in node.children) + ")"


def author_query(name: str) -> str:
    return quote(AUTHOR + name)
