"""What in a case's text identifies the customer, and the text without it.

Two halves: what is certainly personal (a name, an IBAN, a phone number …) is
replaced by a placeholder that says what stood there (`find`, `replace`); what only
may be personal (a lower-case word after "Hallo", a long number, an @mention) is left
in and shown to the staff member who reviews the draft (`analyse`'s hints). No rule
catches everything, so that review is part of publishing.

Every pattern is linear in the length of the text: each quantifier is bounded or
followed by something it cannot match, and alternatives never overlap, so a failing
match never retries the same characters in a second way.
"""

import re
from collections.abc import Mapping

from . import details
from .kinds import PLACEHOLDERS, Finding, Hint, Kind, placeholders
from .names import Names, context_names, greeting_names, handle_words, name_hints, name_words

__all__ = [
    "PLACEHOLDERS",
    "Finding",
    "Hint",
    "Kind",
    "Names",
    "analyse",
    "find",
    "greeting_names",
    "handle_words",
    "name_words",
    "placeholders",
    "replace",
]


def analyse(text: str, names: Names) -> tuple[list[Finding], list[Finding]]:
    """What is certainly personal, and what may be, each in text order and without
    overlaps. Where two rules claim the same characters, the earlier one wins (an
    e-mail address before the name in it); hints never overlap certain findings."""
    detail_groups, detail_hints = details.findings(text)
    context = [Finding(start, end, Kind.GREETING_NAME) for start, end in context_names(text)]
    certain = _without_overlaps([*detail_groups, context, names.findings(text)])
    certain = _merge_neighbours(certain, text)
    hinted = _without_overlaps([certain, detail_hints, name_hints(text), details.weak_hints(text)])
    return certain, [f for f in hinted if not f.certain]


def find(text: str, names: Names) -> list[Finding]:
    """What is certainly personal (see `analyse`)."""
    return analyse(text, names)[0]


def _without_overlaps(groups: list[list[Finding]]) -> list[Finding]:
    """Findings of earlier groups win; within a group, the longer one."""
    taken: list[Finding] = []
    occupied = bytearray()
    for group in groups:
        for finding in sorted(group, key=lambda f: (f.start, -(f.end - f.start))):
            if finding.end <= finding.start:
                continue
            if len(occupied) < finding.end:
                occupied.extend(b"\0" * (finding.end - len(occupied)))
            if any(occupied[finding.start : finding.end]):
                continue
            occupied[finding.start : finding.end] = b"\1" * (finding.end - finding.start)
            taken.append(finding)
    return sorted(taken, key=lambda f: f.start)


NAMES = (Kind.NAME, Kind.GREETING_NAME)
NAME_JOIN = re.compile(r"[ \t]{1,3}")


def _merge_neighbours(findings: list[Finding], text: str) -> list[Finding]:
    """ "Musterstraße 12, 10115 Berlin" is one address, "Petra Müller" one name: one
    placeholder each."""
    merged: list[Finding] = []
    for finding in findings:
        last = merged[-1] if merged else None
        if last is None:
            merged.append(finding)
        elif last.kind == finding.kind == Kind.ADDRESS and details.ADDRESS_JOIN.fullmatch(
            text, last.end, finding.start
        ):
            merged[-1] = Finding(last.start, finding.end, Kind.ADDRESS)
        elif {last.kind, finding.kind} <= set(NAMES) and NAME_JOIN.fullmatch(
            text, last.end, finding.start
        ):
            kind = (
                Kind.GREETING_NAME if Kind.GREETING_NAME in (last.kind, finding.kind) else Kind.NAME
            )
            merged[-1] = Finding(last.start, finding.end, kind)
        else:
            merged.append(finding)
    return merged


def replace(text: str, findings: list[Finding], placeholders: Mapping[Kind, str]) -> str:
    """The text with each (certain, non-overlapping, ordered) finding replaced."""
    parts, pos = [], 0
    for finding in findings:
        parts += [text[pos : finding.start], placeholders[finding.kind]]
        pos = finding.end
    parts.append(text[pos:])
    return "".join(parts)
