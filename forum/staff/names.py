"""Names that would let a non-staff account pass for staff.

Customers must be able to trust that only verified staff speak for the company, so a
username or display name is refused when it imitates a reserved word, even in disguise:
case, accents and umlauts, compatibility forms (full-width, math letters), invisible
characters, separators between letters, and lookalikes (digits, symbols, Cyrillic and
Greek homoglyphs, "rn" for "m", "vv" for "w", "cl" for "d", "l" and "I" swapped).

Words of five letters or more count anywhere inside the name ("SupportJana"), minus a few
harmless words that contain one by accident ("Badminton", "Staffel", "Stafford"). Shorter
words ("mod", "team", "root", company words under five letters) count only as a token of
their own, so "Modem-Micha", "Steamboat" and "Teamwork" stay allowed while "Mod_Kathi",
"TeamHilfe", "xXteamXx" and "team4711" are refused. Tokens come from separators, case
changes and runs of two or more digits; spaced-out single letters join up ("T e a m"). An
all-lowercase run cannot be split, so "teamhilfe" passes while "team_hilfe" does not.
"""

import re
import unicodedata
from functools import lru_cache
from itertools import groupby

RESERVED_WORDS = (
    "support", "team", "mitarbeiter", "mitarbeiterin", "admin", "administrator",
    "moderator", "moderatorin", "mod", "service", "kundenservice", "kundendienst", "staff",
    "offiziell", "official", "verifiziert", "verified", "hotline", "helpdesk", "forenteam",
    "sysop", "root",
)  # fmt: skip
MIN_CONTAINED_LENGTH = 5  # shorter words hide inside ordinary names, so they must stand alone
MIN_COMPANY_WORD_LENGTH = 4
HARMLESS_WORDS = ("badminton", "staffel", "stafford")

# The characters (after case folding) that pass for each letter.
LOOKALIKES = {
    "a": "4@аαɑ",
    "b": "8вβ",
    "c": "сϲ",
    "d": "ԁ",
    "e": "3€еεє",
    "h": "һнη",
    "i": "1!|lіιıӏ",
    "j": "ј",
    "k": "кκ",
    "l": "1|iӏ",
    "m": "мμ",
    "n": "ηνп",
    "o": "0оοσ",
    "p": "рρ",
    "r": "г",
    "s": "5$ѕ",
    "t": "7тτ",
    "u": "υ",
    "v": "ν",
    "w": "ω",
    "x": "хχ",
    "y": "уγ",
}
LOOKALIKE_PAIRS = {"m": "rn", "w": "vv", "d": "cl"}
LOOKALIKE_SYMBOLS = "".join(
    sorted({char for chars in LOOKALIKES.values() for char in chars if not char.isalnum()})
)
SYMBOL = re.compile(f"[{re.escape(LOOKALIKE_SYMBOLS)}]")
SEPARATORS = re.compile(rf"[^\w{re.escape(LOOKALIKE_SYMBOLS)}]+|_+")
NUMBER = re.compile(r"\d{2,}")
PADDING = rf"[\d{re.escape(LOOKALIKE_SYMBOLS)}]*"  # "Team2024", "Root!"
DROPPED_CATEGORIES = {"Mn", "Me", "Cf"}  # accents, zero-width characters, soft hyphen
INVISIBLE_LETTERS = "\u115f\u1160\u3164\uffa0"  # Hangul fillers render as blanks
# The staff badge shows a check mark; a name with one would look verified.
BADGE_MARKS = re.compile("[\u2713\u2714\u2611\u2705\U0001f5f8\u221a\u2610-\u2612]")


def imitates_staff(name: str, company_name: str) -> str | None:
    """None when `name` is fine for a non-staff account; otherwise the reserved word it imitates
    (in its plain spelling, e.g. "support"), so the caller can explain the refusal.

    A contained word wins over a token-only one, and longer words over shorter ones at the
    same place, so "TeamKundenservice" reports "kundenservice" rather than "team".
    """
    if BADGE_MARKS.search(name):
        return "\u2714"
    contained, token_only = _matchers(company_name)
    plain = _plain(name)
    for skeleton in _skeletons(_plain(plain.casefold())):
        if match := contained.pattern.search(skeleton):
            return contained.words[match.lastindex - 1]
    for token in _tokens(plain):
        if match := token_only.pattern.fullmatch(_plain(token.casefold())):
            return token_only.words[match.lastindex - 1]
    return None


class _Matcher:
    """One regular expression for several words; its numbered groups tell which one matched."""

    def __init__(self, words: list[str], spellings: dict[str, str], template: str) -> None:
        self.words = [spellings[word] for word in words]
        alternatives = "|".join(f"({_lookalike_pattern(word)})" for word in words)
        self.pattern = re.compile(template.format(alternatives))


@lru_cache(maxsize=16)
def _matchers(company_name: str) -> tuple[_Matcher, _Matcher]:
    """Matchers for the reserved words plus the company's, built once per company name."""
    spellings = {word: word for word in RESERVED_WORDS}
    company_words = re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", company_name).casefold())
    whole_name = "".join(company_words)
    long_words = [word for word in company_words if len(word) >= MIN_COMPANY_WORD_LENGTH]
    for spelling in [whole_name, *long_words]:
        spellings.setdefault(_plain(spelling), spelling)
    spellings.pop("", None)
    longest_first = sorted(spellings, key=len, reverse=True)
    contained = [word for word in longest_first if len(word) >= MIN_CONTAINED_LENGTH]
    token_only = [word for word in longest_first if len(word) < MIN_CONTAINED_LENGTH]
    return (
        _Matcher(contained, spellings, "{}"),
        _Matcher(token_only, spellings, f"{PADDING}(?:{{}}){PADDING}"),
    )


def _lookalike_pattern(word: str) -> str:
    """A pattern for `word` in which every letter may also be written as a lookalike."""
    parts = []
    for letter in word:
        part = f"[{re.escape(letter + LOOKALIKES.get(letter, ''))}]"
        if letter in LOOKALIKE_PAIRS:
            part = f"(?:{part}|{LOOKALIKE_PAIRS[letter]})"
        parts.append(part)
    return "".join(parts)


def _plain(text: str) -> str:
    """Compatibility forms resolved; accents, umlaut dots and invisible characters removed."""
    return "".join(
        char
        for char in unicodedata.normalize("NFKD", text)
        if unicodedata.category(char) not in DROPPED_CATEGORIES and char not in INVISIBLE_LETTERS
    )


def _skeletons(folded: str) -> tuple[str, str]:
    """The name without separators; once keeping symbols as letters ("@dmin"), once dropping
    them as separators ("Sup|port")."""
    letters = "".join(char for char in folded if char.isalnum() or char in LOOKALIKE_SYMBOLS)
    for harmless in HARMLESS_WORDS:
        letters = letters.replace(harmless, " ")
    return letters, SYMBOL.sub("", letters)


def _tokens(plain: str) -> set[str]:
    """Every plausible reading of the name's own words, for the short token-only words."""
    chunks = [chunk for chunk in SEPARATORS.split(plain) if chunk]
    joined = []
    for spaced_out, group in groupby(chunks, key=lambda chunk: len(chunk) == 1):
        run = list(group)
        joined.extend(["".join(run)] if spaced_out else run)
    tokens = set()
    for chunk in joined:
        for word in _case_words(chunk):
            tokens.add(word)
            tokens.update(NUMBER.split(word))
    return tokens


def _case_words(chunk: str) -> list[str]:
    """Words split at camelCase ("TeamHilfe"), and separately with a leading capital run
    kept whole ("TEAMhilfe"); gamer-style x decoration dropped ("xXteamXx")."""
    camel, capitals = [0], [0]
    for index in range(1, len(chunk)):
        before, here, after = chunk[index - 1], chunk[index], chunk[index + 1 : index + 2]
        starts_word = here.isupper() and not before.isupper()
        if starts_word or (here.isupper() and after.islower()):
            camel.append(index)
        after_capitals = index >= 2 and before.isupper() and chunk[index - 2].isupper()
        if starts_word or (here.islower() and after_capitals):
            capitals.append(index)
    words = [
        chunk[start:end]
        for starts in (camel, capitals)
        for start, end in zip(starts, [*starts[1:], len(chunk)], strict=True)
    ]
    return [*words, chunk.strip("xX")]
