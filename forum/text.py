"""Text rules shared by forms and models."""

import re

# Line breaks, tabs and other C0/C1 control characters, and the Unicode line and
# paragraph separators: in a title or a name they break layouts, mail headers and
# log lines. A run of them (with the blanks around it) becomes one space.
_BREAKING = "\x00-\x1f\x7f-\x9f\u2028\u2029"
_BREAKING_RUN = re.compile(rf"[\s{_BREAKING}]+")
_IS_BREAKING = re.compile(rf"[{_BREAKING}]")
# Bidirectional embeddings, overrides and isolates reorder what follows them, so a
# title or a name could read differently from what it is ("Trojan Source").
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def single_line(text: str) -> str:
    """`text` as one line: control characters and line breaks as a single space,
    bidirectional controls removed, blanks at either end stripped. Linear in the text:
    each character class is one greedy run without backtracking."""
    text = _BIDI_CONTROLS.sub("", text)
    text = _BREAKING_RUN.sub(
        lambda run: " " if _IS_BREAKING.search(run.group()) else run.group(), text
    )
    return text.strip()
