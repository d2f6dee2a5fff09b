"""What the review page of an FAQ draft shows: each text with every replacement (what
was removed, and why) and every hint of what may still be personal."""

import re
from collections import defaultdict, deque
from dataclasses import dataclass

from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..extensions import db
from ..models import AuditEntry, Thread
from . import faq, redaction
from .redaction import Hint, Kind

LABELS = {
    Kind.NAME: _l("Name of someone in the case"),
    Kind.GREETING_NAME: _l("Name in a greeting, form of address or sign-off"),
    Kind.IBAN: _l("IBAN"),
    Kind.ACCOUNT: _l("Part of a bank account number"),
    Kind.PHONE: _l("Phone number"),
    Kind.EMAIL: _l("E-mail address"),
    Kind.ADDRESS: _l("Postal address"),
    Kind.CUSTOMER_NUMBER: _l("Customer number"),
    Kind.CONTRACT_NUMBER: _l("Contract number"),
    Kind.ORDER_NUMBER: _l("Order number"),
    Kind.REFERENCE_NUMBER: _l("Invoice, ticket or case number"),
    Kind.SERIAL: _l("Serial number of a device"),
    Kind.MAC: _l("MAC address"),
    Kind.BIRTH_DATE: _l("Date of birth"),
    Hint.NAME: _l("Maybe a name"),
    Hint.NUMBER: _l("Long number"),
    Hint.DATE: _l("Old date: a date of birth?"),
    Hint.ADDRESS: _l("Maybe an address"),
    Hint.MENTION: _l("Mention of an account"),
    Hint.EMAIL: _l("Maybe an e-mail address"),
    Hint.IBAN: _l("Looks like an IBAN"),
    Hint.PHONE: _l("Service number (hotline)"),
}
FIELD_LABELS = {"title": _l("Title"), "question": _l("Question"), "answer": _l("Answer")}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: Kind | Hint
    # For a replacement: what stood in the case there (None where it cannot be told).
    removed: str | None = None
    replaced: bool = False

    @property
    def label(self):
        return LABELS[self.kind]


@dataclass(frozen=True)
class ReviewedText:
    field: str
    text: str
    marks: list[Mark]

    @property
    def label(self):
        return FIELD_LABELS[self.field]

    def pieces(self) -> list[tuple[str, Mark | None, int | None]]:
        """The text cut at the marks, each mark with its number in the list below."""
        pieces, pos = [], 0
        for number, mark in enumerate(self.marks, start=1):
            pieces += [(self.text[pos : mark.start], None, None)]
            pieces += [(self.text[mark.start : mark.end], mark, number)]
            pos = mark.end
        pieces.append((self.text[pos:], None, None))
        return [piece for piece in pieces if piece[0]]


def reviewed_texts(draft: Thread) -> list[ReviewedText]:
    case = draft.faq_case
    names = faq.case_names(case) if case is not None else redaction.Names()
    removed = _removed(case, names) if case is not None else {}
    placeholder_kinds = _placeholder_kinds()
    pattern = re.compile("|".join(re.escape(p) for p in placeholder_kinds))
    texts = []
    for field, (_post, text) in faq.draft_texts(draft).items():
        originals = {key: deque(queue) for key, queue in removed.get(field, {}).items()}
        marks = []
        for found in pattern.finditer(text):
            kind, original = (
                originals[found.group()].popleft()
                if originals.get(found.group())
                else (placeholder_kinds[found.group()], None)
            )
            marks.append(Mark(found.start(), found.end(), kind, original, replaced=True))
        certain, hinted = redaction.analyse(text, names)
        taken = bytearray(len(text))
        for mark in marks:
            taken[mark.start : mark.end] = b"\1" * (mark.end - mark.start)
        marks += [
            Mark(f.start, f.end, f.kind)
            for f in certain + hinted
            if not any(taken[f.start : f.end])
        ]
        texts.append(ReviewedText(field, text, sorted(marks, key=lambda m: m.start)))
    return texts


def _removed(case: Thread, names: redaction.Names) -> dict[str, dict[str, list]]:
    """Per text of the case and per placeholder, in order: what it replaced and why."""
    placeholders = faq.forum_placeholders()
    removed = {}
    for field, text in faq.source_texts(case).items():
        queues = defaultdict(list)
        for finding in redaction.find(text, names):
            queues[placeholders[finding.kind]].append(
                (finding.kind, text[finding.start : finding.end])
            )
        removed[field] = queues
    return removed


def _placeholder_kinds() -> dict[str, Kind]:
    """Placeholders in every language of the forum (the default may have changed since
    the draft was made); "[Name]" stands for any kind of name."""
    kinds = {}
    for language in current_app.config["LANGUAGES"]:
        with force_locale(language):
            for kind, text in redaction.placeholders().items():
                kinds.setdefault(text, kind)
    return kinds


def objection(draft: Thread) -> AuditEntry | None:
    """The customer's objection (when and why), if they objected."""
    if draft.faq_objected_at is None:
        return None
    return db.session.scalar(
        select(AuditEntry)
        .where(
            AuditEntry.action == "faq.objection",
            AuditEntry.target_type == "thread",
            AuditEntry.target_id == draft.id,
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
