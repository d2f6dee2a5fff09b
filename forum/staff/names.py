"""Names that would let a non-staff account pass for staff.

Customers must be able to trust that only verified staff speak for the company, so a
username or display name is refused when it imitates a reserved word or a staff member's
name, even in disguise: case, accents and umlauts, compatibility forms (full-width, math
letters), invisible and bidi characters, separators between letters, and lookalikes.

Lookalikes come from Unicode's confusables data: two strings look alike when their
skeletons (Unicode Technical Standard #39, computed by ICU) are equal, which covers
Cyrillic and Greek homoglyphs, "rn" for "m", "1" and "I" for "l" and thousands more.
A small table adds what that data leaves out on purpose because it is no lookalike of a
single letter, yet reads as one in a name: digits and symbols ("4dmin", "$upport"), "cl"
for "d", "vv" for "w", and i and l told apart by nobody in a sans-serif font.

Reserved words of five letters or more count anywhere inside the name ("SupportJana"),
minus a few harmless words that contain one by accident ("Badminton", "Staffel",
"Stafford"). Shorter words ("mod", "team", "root", company words under five letters)
count only as a token of their own, so "Modem-Micha", "Steamboat" and "Teamwork" stay
allowed while "Mod_Kathi", "TeamHilfe", "xXteamXx" and "team4711" are refused. Tokens
come from separators, case changes and runs of two or more digits; spaced-out single
letters join up ("T e a m"). An all-lowercase run cannot be split, so "teamhilfe" passes
while "team_hilfe" does not.

A staff member's names are compared whole (`name_keys`): "Jana_Becker", "jana.becker1"
and "Jana Bеcker" (Cyrillic е) imitate "Jana Becker", while "Jana B." and "Janine
Becker" do not, and a staff member called "Jan" does not block every name with "jan".
"""

import re
import unicodedata
from functools import lru_cache
from itertools import groupby

import icu

RESERVED_WORDS = (
    "support", "team", "mitarbeiter", "mitarbeiterin", "mitarbeitende", "admin",
    "administrator", "moderator", "moderatorin", "moderation", "mod", "service",
    "kundenservice", "kundendienst", "staff", "offiziell", "official", "verifiziert",
    "verified", "hotline", "helpdesk", "forenteam", "sysop", "root",
)  # fmt: skip
MIN_CONTAINED_LENGTH = 5  # shorter words hide inside ordinary names, so they must stand alone
MIN_COMPANY_WORD_LENGTH = 4
HARMLESS_WORDS = ("badminton", "staffel", "stafford")
HARMLESS = re.compile("|".join(HARMLESS_WORDS), re.IGNORECASE)

# Digits and symbols read as letters; the confusables data keeps them apart from letters
# (it maps "0" to "O" and "1" to "l" only).
LEETSPEAK = str.maketrans(
    {"4": "a", "@": "a", "8": "b", "3": "e", "€": "e", "!": "i", "5": "s", "$": "s", "7": "t"}
)
# Applied to skeletons: the letters in each group count as one ("cl" and "d", "vv" and
# "w", "l" and "i"; "ꞓ" is the skeleton of Greek ε).
SKELETON_MERGES = str.maketrans({"d": "ci", "w": "vv", "l": "i", "ꞓ": "e"})
# Prototypes the confusables data leaves as they are, although they read as plain letters:
# small capitals ("ᴀᴅᴍɪɴ", and the skeleton of Cyrillic "т" is "ᴛ"), "ʍ" (the skeleton of
# "м"), "ĸ" (of "к"), "π" (of "п") and the Tai Le "ᥙ".
SMALL_CAPITAL = re.compile(r"LATIN LETTER SMALL CAPITAL ([A-Z])$")
LETTER_PROTOTYPES = str.maketrans(
    {
        **{
            chr(code): match.group(1).lower()
            for code in range(0x0180, 0xAB00)
            if (match := SMALL_CAPITAL.match(unicodedata.name(chr(code), "")))
        },
        "ʍ": "m",
        "ĸ": "k",
        "π": "n",
        "ᥙ": "u",
    }
)
LOOKALIKE_SYMBOLS = "!$@|€"
SYMBOL = re.compile(f"[{re.escape(LOOKALIKE_SYMBOLS)}]")
NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
SEPARATORS = re.compile(rf"[^\w{re.escape(LOOKALIKE_SYMBOLS)}]+|_+")
NUMBER = re.compile(r"\d{2,}")
PADDING = rf"[\d{re.escape(LOOKALIKE_SYMBOLS)}]+"  # "Team2024", "Root!"
LEADING_PADDING, TRAILING_PADDING = re.compile(f"^{PADDING}"), re.compile(f"{PADDING}$")
DECORATION = re.compile(r"^[\W\d_]+|[\W\d_]+$")  # "~Jana Becker~", "jana.becker1"
DROPPED_CATEGORIES = {"Mn", "Me", "Cf"}  # accents, zero-width and bidi characters, soft hyphen
INVISIBLE_LETTERS = "\u115f\u1160\u3164\uffa0"  # Hangul fillers render as blanks
# The staff badge shows a check mark; a name with one would look verified.
BADGE_MARKS = re.compile("[\u2713\u2714\u2611\u2705\U0001f5f8\u221a\u2610-\u2612]")

_spoof_checker = icu.SpoofChecker()


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
    for letters in _letter_readings(plain):
        if match := contained.pattern.search(letters):
            return contained.words[match.lastindex - 1]
    found = {
        token_only.keys[key]
        for token in _tokens(plain)
        for key in _padded_keys(token)
        if key in token_only.keys
    }
    return max(found, key=len, default=None)


@lru_cache(maxsize=4096)  # staff names are compared again and again
def name_keys(name: str) -> frozenset[str]:
    """The forms under which two whole names count as the same: the skeleton with symbols
    read as letters and dropped as separators, each also without digits and decoration
    around the name. Two names imitate each other when their keys meet."""
    plain = _plain(name)
    keys = {
        key
        for text in (plain, DECORATION.sub("", plain))
        for key in (_key(text), _key(NOT_ALPHANUMERIC.sub("", text)))
    }
    keys.discard("")
    return frozenset(keys)


class _Matcher:
    """One regular expression for several words; its numbered groups tell which one matched."""

    def __init__(self, words: list[str], spellings: dict[str, str]) -> None:
        self.words = [spellings[word] for word in words]
        self.keys = {_key(word): spellings[word] for word in reversed(words)}
        alternatives = "|".join(f"({re.escape(_key(word))})" for word in words)
        self.pattern = re.compile(alternatives)


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
    return _Matcher(contained, spellings), _Matcher(token_only, spellings)


def _plain(text: str) -> str:
    """Compatibility forms resolved; accents, umlaut dots and invisible characters removed."""
    return "".join(
        char
        for char in unicodedata.normalize("NFKD", text)
        if unicodedata.category(char) not in DROPPED_CATEGORIES and char not in INVISIBLE_LETTERS
    )


def _key(plain: str) -> str:
    """What `plain` looks like, as lowercase letters and digits: equal keys, lookalike texts.

    The skeleton is taken before and after case folding, since lookalikes differ by case
    (Greek "Μ" is an "M", its lowercase "μ" no "m"), and the prototypes it maps to may be
    capitals ("0" becomes "O")."""
    capitals = _spoof_checker.getSkeleton(0, plain.translate(LEETSPEAK))
    skeleton = _spoof_checker.getSkeleton(0, capitals.casefold()).casefold()
    # Plain letters for the prototypes left as they are, then their own skeleton ("m" is
    # "rn"); _plain drops marks a skeleton may add ("η").
    letters = _plain(skeleton).translate(LETTER_PROTOTYPES)
    letters = _spoof_checker.getSkeleton(0, letters).casefold()
    letters = _plain(letters).translate(SKELETON_MERGES)
    return NOT_ALPHANUMERIC.sub("", letters)


def _letter_readings(plain: str) -> tuple[str, str]:
    """The name's key once reading symbols as letters ("@dmin"), once dropping them as
    separators ("Sup|port"), with the harmless words blanked out where they are written
    whole ("Badminton"): a separator inside one ("Staff El") leaves the word it hides."""
    readings = []
    for text in (plain, SYMBOL.sub("", plain)):
        readings.append(" ".join(_key(piece) for piece in HARMLESS.split(text)))
    return readings[0], readings[1]


def _padded_keys(token: str) -> set[str]:
    """The token's keys with and without digits or symbols padding either end."""
    leading = LEADING_PADDING.sub("", token)
    return {
        _key(text)
        for text in (
            token,
            leading,
            TRAILING_PADDING.sub("", token),
            TRAILING_PADDING.sub("", leading),
        )
    }


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
