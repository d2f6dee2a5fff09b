"""The people of a case: names given (participants) and names found by their context
(greetings, forms of address, sign-offs)."""

import re
from collections.abc import Iterable

from .kinds import Finding, Hint, Kind

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
# A capitalised name, double names with a hyphen, or an initial ("P.").
NAME_TOKEN = re.compile(
    rf"(?:[{UPPER}][{LOWER}]{{1,30}}(?:-[{UPPER}][{LOWER}]{{1,30}}){{0,2}}|[{UPPER}]\.)(?![\w-])"
)
ANY_TOKEN = re.compile(r"[^\s\[\],.;:!?()]{1,40}")
TITLE = re.compile(
    r"(?:Frau|Herrn?|Fr\.|Hr\.|Dr\.|Prof\.|Dipl\.-Ing\.|Ihre?|Euer|Eure|Deine?)(?![\w-])"
)
PARTICLE = re.compile(r"(?:von der|van der|von|van|vom|de|zu|zum|zur|di|da)[ \t]{1,2}")
SPACES = re.compile(r"[ \t]{1,3}")
# Capitalised words after a greeting or before a sign-off's end that are no names.
NOT_NAMES = frozenset(
    re.findall(
        r"\S+",
        """zusammen team teams community forum leute support kundenservice service kundendienst
    kundenbetreuung experten expertinnen mitarbeiter mitarbeiterin mitarbeitende damen herren
    kollegen kolleginnen allerseits alle miteinander nachbarn moderatoren moderator moderatorin
    freunde welt gemeinde mitglieder admin admins grüße gruß grüsse gruss dank danke technik
    hotline frau herr herrn ich wir sie du es er das die der den dem ein eine mein meine meinen
    bitte und aber noch nochmal vielen vielmals schönen schöne guten frohe tag abend morgen
    wochenende nacht hallo herzlich herzliche liebe lieber nach aus im in mit für fragen frage
    problem router internet anschluss störung vertrag rechnung zusammenfassung update
    info hinweis""",
    )
)

GREETING = re.compile(
    r"(?<![\w-])(?i:Hallo|Hi|Hey|Moin|Servus|Grüß Gott|Guten (?:Morgen|Tag|Abend)"
    r"|Sehr geehrte[rs]?|Liebe[rs]?|Dear|Hello)(?![\w-])"
)
SIGN_OFF = re.compile(
    r"(?<![\w-])(?:(?:Viele|Liebe|Beste|Schöne|Herzliche|Freundliche|Sonnige|Mit freundlichen"
    r"|Mit besten|Mit herzlichen|Mit sonnigen|Mit lieben)[ \t]{1,3}Gr(?:üß|üss|uess)(?:e|en)"
    r"|Gr(?:üß|üss|uess)e|Gru(?:ß|ss)|MfG|Mfg|mfg|LG|Lg|lg|VG|Vg|vg|Ciao|Tschüss|Danke"
    r"|Vielen Dank|Best regards|Regards|Cheers)(?![\w-])"
)
SIGN_OFF_GAP = re.compile(r"[ \t]{0,3}[,.!]?[ \t]{0,3}(?:\r?\n[ \t]{0,8}){0,2}")
LINE_END = re.compile(r"[ \t]{0,3}[.!]?[ \t]{0,3}(?:\r?\n|\Z)")
TITLE_WORD = re.compile(r"(?<![\w-])(?:Frau|Herrn?|Fr\.|Hr\.)(?![\w-])")

TRANSLITERATIONS = (
    str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}),
    str.maketrans({"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U"}),
)
UMLAUTS_BACK = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"), ("Ae", "Ä"), ("Oe", "Ö"), ("Ue", "Ü"))


class Names:
    """The people of a case: matched as whole words, with and without umlauts. Proper
    names are matched as written, capitalised or in capitals (so that "Lange" does not
    take the adjective "lange"); account names, which are written in lower case, in
    any case. Customer numbers are matched as they are."""

    def __init__(self, proper: Iterable[str] = (), handles: Iterable[str] = (), numbers=()):
        proper_forms = {
            form
            for name in proper
            for variant in _spellings(name)
            for form in (variant, variant.capitalize(), variant.upper())
            if len(variant) >= 2
        }
        handle_forms = {variant for name in handles for variant in _spellings(name)}
        self.proper = _whole_words(proper_forms)
        self.handles = _whole_words({h for h in handle_forms if len(h) >= 3}, ignore_case=True)
        digits = sorted({n for n in numbers if n and n.isdigit() and len(n) >= 4})
        self.numbers = re.compile(rf"(?<!\d)(?:{'|'.join(digits)})(?!\d)") if digits else None

    def findings(self, text: str) -> list[Finding]:
        found = []
        for pattern, kind in (
            (self.numbers, Kind.CUSTOMER_NUMBER),
            (self.handles, Kind.NAME),
            (self.proper, Kind.NAME),
        ):
            if pattern is not None:
                found += [Finding(m.start(), m.end(), kind) for m in pattern.finditer(text)]
        return found


def _spellings(name: str) -> set[str]:
    name = name.strip()
    spellings = {name, *(name.translate(table) for table in TRANSLITERATIONS)}
    back = name
    for plain, umlaut in UMLAUTS_BACK:
        back = back.replace(plain, umlaut)
    return {s for s in (*spellings, back) if s}


def _whole_words(words: set[str], ignore_case: bool = False) -> re.Pattern | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # A hyphen ends a name: of "Müller-Lüdenscheid", "Müller" alone is personal too.
    return re.compile(
        rf"(?<![\w])(?:{alternatives})s?(?![\w])", re.IGNORECASE if ignore_case else 0
    )


def name_words(*names: str | None) -> set[str]:
    """The parts of display names: "Petra Müller-Lüdenscheid" → Petra, Müller-Lüdenscheid,
    Müller, Lüdenscheid."""
    words = set()
    for name in names:
        whole = " ".join((name or "").split())
        if " " in whole:
            words.add(whole)  # one placeholder for the whole name
        for part in re.split(r"[\s,]+", name or ""):
            part = part.strip(".()\"'")
            if len(part) >= 2 and not part.isdigit():
                words |= {part, *(p for p in part.split("-") if len(p) >= 2)}
    return words


def handle_words(*handles: str | None) -> set[str]:
    """Account names and e-mail local parts, whole and split at . _ -: "petra.mueller"."""
    words = set()
    for handle in handles:
        handle = (handle or "").split("@")[0]
        if handle:
            words |= {handle, *re.split(r"[._-]+", handle)}
    return {w for w in words if len(w) >= 3 and not w.isdigit()}


def _skip(pattern: re.Pattern, text: str, pos: int) -> int:
    found = pattern.match(text, pos)
    return found.end() if found else pos


def _name_at(text: str, pos: int, allow_titles: bool = True) -> tuple[int, int] | None:
    """The span of up to three name words at `pos` (after titles like "Frau Dr."), or
    None where the next word is no name."""
    if allow_titles:
        for _ in range(4):
            title = TITLE.match(text, pos)
            gap = SPACES.match(text, title.end()) if title else None
            if title is None or gap is None:
                break
            pos = gap.end()
    start = end = None
    for _ in range(3):
        token = NAME_TOKEN.match(text, pos)
        if token is None or token.group().lower() in NOT_NAMES:
            break
        start = token.start() if start is None else start
        end = token.end()
        gap = SPACES.match(text, end)
        if gap is None:
            break
        pos = _skip(PARTICLE, text, gap.end())
    return (start, end) if start is not None else None


def context_names(text: str) -> list[tuple[int, int]]:
    """Spans of names after a greeting ("Hallo Frau Petra,"), a form of address ("mit
    Herrn Schmidt") and at the end of a sign-off ("Viele Grüße\\nPetra Müller")."""
    spans = []
    for pattern in (GREETING, TITLE_WORD):
        for found in pattern.finditer(text):
            gap = SPACES.match(text, found.end())
            start = found.start() if pattern is TITLE_WORD else None
            if gap is not None:
                span = _name_at(text, gap.end() if start is None else start)
                if span is not None:
                    spans.append(span)
    for found in SIGN_OFF.finditer(text):
        gap = SIGN_OFF_GAP.match(text, found.end())
        if gap.end() == found.end():
            continue  # "Danke" in the middle of a word run
        span = _name_at(text, gap.end())
        if span is not None and LINE_END.match(text, span[1]):
            spans.append(span)
    return spans


def greeting_names(text: str) -> set[str]:
    """The names met in greetings and sign-offs, to be found elsewhere too."""
    words = set()
    for start, end in context_names(text):
        words |= {w for w in re.split(r"[ \t]+", text[start:end]) if len(w) > 2}
    return {w for w in words if w.lower() not in NOT_NAMES and not PARTICLE.fullmatch(w + " ")}


def name_hints(text: str) -> list[Finding]:
    """The word after a greeting, a form of address or a sign-off that no rule took for
    a name ("hallo petra", "Frau von Bülow")."""
    found = []
    for pattern in (GREETING, TITLE_WORD, SIGN_OFF):
        for match in pattern.finditer(text):
            gap = (SIGN_OFF_GAP if pattern is SIGN_OFF else SPACES).match(text, match.end())
            if gap is None or gap.end() == match.end():
                continue
            token = ANY_TOKEN.match(text, _skip_titles(text, gap.end()))
            if token and token.group().lower().strip("-") not in NOT_NAMES:
                found.append(Finding(token.start(), token.end(), Hint.NAME))
    return found


def _skip_titles(text: str, pos: int) -> int:
    for _ in range(4):
        title = TITLE.match(text, pos)
        gap = SPACES.match(text, title.end()) if title else None
        if gap is None:
            return pos
        pos = gap.end()
    return pos
