"""Numbers, addresses and dates that identify a person: bank details, phone numbers,
e-mail and postal addresses, customer, contract and order numbers, devices, birthdays."""

import re

import phonenumbers
from stdnum import iban as iban_numbers

from .kinds import Finding, Hint, Kind
from .names import LOWER, UPPER

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
IBAN_SHAPE = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}(?![\w])")
MAC = re.compile(
    r"(?<![\w:.-])(?:[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}"
    r"|[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4})(?![\w:-])(?!\.\w)"
)
LABEL_GAP = r"[ \t]{0,3}(?:[:#]|ist|lautet|lautet:)?[ \t]{0,3}"
ID_VALUE = r"([A-Za-z0-9](?:[-/.]?[A-Za-z0-9]|[ ]\d){3,60})"
LABELLED_IDS = [
    (
        Kind.CUSTOMER_NUMBER,
        r"(?i:kunden[ -]?(?:nummer|nr\.?|-?id|kennung)|kd\.?[ -]?nr\.?|kdnr\.?)",
    ),
    (
        Kind.CONTRACT_NUMBER,
        r"(?i:vertrags[ -]?(?:nummer|nr\.?|konto(?:nummer)?|-?id)|vertrag[ \t]nr\.?"
        r"|anschlusskennung|zugangsnummer|vertragskonto)",
    ),
    (
        Kind.ORDER_NUMBER,
        r"(?i:(?:bestell|auftrags|sendungs)[ -]?(?:nummer|nr\.?)|bestellung[ \t]nr\.?)",
    ),
    (
        Kind.REFERENCE_NUMBER,
        r"(?i:(?:rechnungs|vorgangs|ticket|referenz|fall)[ -]?(?:nummer|nr\.?)|aktenzeichen)",
    ),
    (
        Kind.SERIAL,
        r"(?:(?i:serien[ -]?(?:nummer|nr\.?)|serial(?: number)?|geräte[ -]?(?:nummer|id))"
        r"(?:[ \t]{1,3}(?:S/N|SN))?|S/N|SN)",
    ),
]
LABELLED = [
    (kind, re.compile(rf"(?<![\w-]){label}{LABEL_GAP}{ID_VALUE}")) for kind, label in LABELLED_IDS
]
MAC_LABELLED = re.compile(r"(?<![\w-])MAC(?:-Adresse)?[ \t]{0,3}:?[ \t]{0,3}([0-9A-Fa-f]{12})\b")
ACCOUNT = re.compile(
    r"(?<![\w-])(?:IBAN|(?i:konto(?:nummer|nr\.?|-nr\.?)?|kto\.?(?:-?nr\.?)?|bankleitzahl)|BLZ)"
    r"(?:[ \t]{1,3}(?:endet|endend|endete)[ \t]{1,3}(?:auf|mit)"
    r"|[ \t]{1,3}mit[ \t]{1,3}(?:der|den)[ \t]{1,3}Endziffern?)?"
    r"[ \t]{0,3}:?[ \t]{0,3}((?:\.{2,3}|…|\*{1,12}|[xX]{2,12})?[ \t]?\d{3,12})(?![\w])"
)
PHONE_LABELLED = re.compile(
    r"(?<![\w-])(?i:tel\.?|telefon(?:nummer)?|handy(?:nummer)?|mobil(?:nummer)?|rufnummer"
    r"|festnetz(?:nummer)?|fax|erreichbar unter)[ \t]{0,3}:?[ \t]{0,3}(\+?\d(?:[ /.-]?\d){5,20})"
)
MONTHS = "Januar|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
DATE = (
    rf"(?:\d{{1,2}}\.[ \t]?(?:\d{{1,2}}\.|(?:{MONTHS})[ \t])[ \t]?(?:\d{{4}}|\d{{2}})"
    r"|\d{4}-\d{2}-\d{2})"
)
BIRTH_DATE = re.compile(
    r"(?<![\w-])(?i:geboren|geb\.|geburtsdatum|geburtstag|geb\.-datum|date of birth|born)"
    rf"[ \t]{{0,3}}:?[ \t]{{0,3}}(?:(?i:am|on|ist(?: der)?|is)[ \t]{{1,3}})?({DATE})(?![\w])"
)
ANY_DATE = re.compile(rf"(?<![\w.]){DATE}(?![\w])")
STREET_SUFFIXES = (
    "straße|strasse|str\\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|markt"
)
HOUSE_NUMBER = r"[ \t]{0,3}\d{1,4}(?:[ \t]?[a-zA-Z])?(?![\w])"
STREET = re.compile(
    rf"(?<![\w-])(?:[{UPPER}][{LOWER}]{{1,30}}[ -]){{0,2}}"
    rf"[{UPPER}][{LOWER}-]{{0,30}}(?i:{STREET_SUFFIXES}){HOUSE_NUMBER}"
)
# "Berliner Straße 5", "Alte Gasse 3": the street word on its own after a name.
STREET_OF_WORDS = re.compile(
    rf"(?<![\w-])(?:[{UPPER}][{LOWER}]{{1,30}}[ -]){{1,2}}"
    rf"(?:Straße|Strasse|Str\.|Weg|Platz|Allee|Gasse|Ring|Damm|Ufer|Chaussee|Markt){HOUSE_NUMBER}"
)
TOWN = (
    rf"[{UPPER}][{LOWER}]{{1,30}}(?:-[{UPPER}][{LOWER}]{{1,30}}"
    rf"|[ \t](?:am|an der|im|in der|ob der|vor der)[ \t][{UPPER}][{LOWER}]{{1,30}}"
    r"|[ \t]\([A-Za-zäöü. ]{1,30}\))?"
)
POSTCODE_TOWN = re.compile(rf"(?<![\w-])(?:D-)?\d{{5}}[ \t]{{1,3}}{TOWN}(?![\w])")
# A postcode is a place only where something says so: after a street, "PLZ", "in" …
POSTCODE_CONTEXT = re.compile(r"(?i:plz|postleitzahl|in|aus|nach|wohnort|ort)[ \t]{1,3}:?[ \t]?$")
ADDRESS_JOIN = re.compile(r"[ \t]{0,3}(?:,|\r?\n)[ \t]{0,3}")

LONG_NUMBER = re.compile(r"(?<![\w])\d(?:[ ./-]?\d){5,}(?!\d)")
MENTION = re.compile(r"(?<![\w.+-])@[\w.-]{2,40}")
OBFUSCATED_EMAIL = re.compile(r"\w[ \t]?[\[(](?i:at|ät)[\])][ \t]?\w")
STREETLIKE = re.compile(
    rf"(?<![\w-])[{UPPER}][{LOWER}-]{{1,30}}(?:straße|strasse|weg|gasse|allee|platz)(?![\w])"
)
POSTCODE_LIKE = re.compile(rf"(?<![\w-])\d{{5}}[ \t]{{1,3}}[{UPPER}][{LOWER}]{{1,30}}(?![\w])")
# Dates before this year are more likely someone's birthday than an outage.
OLDEST_ORDINARY_YEAR = 2005


def findings(text: str) -> tuple[list[list[Finding]], list[Finding]]:
    """Certain findings by rule, the rule that wins an overlap first; and the hints of
    the same rules (an IBAN-shaped typo, a hotline, "12345 Wort")."""
    ibans, iban_hints = _ibans(text)
    phones, phone_hints = _phones(text)
    addresses, address_hints = _addresses(text)
    labelled = [_group_findings(pattern, kind, text) for kind, pattern in LABELLED]
    groups = [
        [Finding(m.start(), m.end(), Kind.EMAIL) for m in EMAIL.finditer(text)],
        ibans,
        [Finding(m.start(), m.end(), Kind.MAC) for m in MAC.finditer(text)],
        _group_findings(MAC_LABELLED, Kind.MAC, text),
        _group_findings(ACCOUNT, Kind.ACCOUNT, text),
        *([f for f in group if _has_digits(text[f.start : f.end])] for group in labelled),
        _group_findings(BIRTH_DATE, Kind.BIRTH_DATE, text),
        addresses,
        phones,
    ]
    return groups, iban_hints + phone_hints + address_hints


def _has_digits(value: str) -> bool:
    """A customer or order number has digits: "Kundennummer ist bekannt" names none."""
    return sum(char.isdigit() for char in value) >= 2


def _group_findings(pattern: re.Pattern, kind: Kind, text: str, group: int = 1) -> list[Finding]:
    return [Finding(m.start(group), m.end(group), kind) for m in pattern.finditer(text)]


def _ibans(text: str) -> tuple[list[Finding], list[Finding]]:
    """Valid IBANs (checked with their checksum and country format), and IBAN-shaped
    strings that are not valid: a typo of one's IBAN is still one's IBAN, so those are
    hints (or certain, right after the word "IBAN")."""
    certain, hints = [], []
    for found in IBAN_SHAPE.finditer(text):
        end = _longest_valid_iban(found.group())
        if end is not None:
            certain.append(Finding(found.start(), found.start() + end, Kind.IBAN))
        elif text[max(0, found.start() - 6) : found.start()].strip().upper().endswith("IBAN"):
            certain.append(Finding(found.start(), found.end(), Kind.IBAN))
        else:
            hints.append(Finding(found.start(), found.end(), Hint.IBAN))
    return certain, hints


def _longest_valid_iban(shape: str) -> int | None:
    """The end of the longest valid IBAN at the start of `shape` (which may run on into
    a BIC or other letters)."""
    compact, best = "", None
    for index, char in enumerate(shape):
        if char == " ":
            continue
        compact += char
        if len(compact) >= 15 and iban_numbers.is_valid(compact):
            best = index + 1
    return best


DOTTED_NUMBERS = re.compile(r"\d{1,4}\.\d{1,4}\.\d{1,4}")
SERVICE_NUMBERS = {
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.SHARED_COST,
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
    phonenumbers.PhoneNumberType.UAN,
}


def _phones(text: str) -> tuple[list[Finding], list[Finding]]:
    """Phone numbers (German and international, checked against the numbering plans);
    hotlines (0800 …) are a company's, not a person's: hints only."""
    certain, hints = [], []
    for match in phonenumbers.PhoneNumberMatcher(text, "DE"):
        if DOTTED_NUMBERS.search(match.raw_string):
            continue  # a date or an IP address, not a phone number
        service = phonenumbers.number_type(match.number) in SERVICE_NUMBERS
        (hints if service else certain).append(
            Finding(match.start, match.end, Hint.PHONE if service else Kind.PHONE)
        )
    return certain + _group_findings(PHONE_LABELLED, Kind.PHONE, text), hints


def _addresses(text: str) -> tuple[list[Finding], list[Finding]]:
    """Street and house number; a postcode and town after a street, "PLZ" or "in".
    Other "12345 Wort" may be a count ("10000 Haushalte"): a hint."""
    streets = [
        Finding(m.start(), m.end(), Kind.ADDRESS)
        for pattern in (STREET, STREET_OF_WORDS)
        for m in pattern.finditer(text)
    ]
    street_ends = {f.end for f in streets}
    certain, hinted = list(streets), []
    for found in POSTCODE_TOWN.finditer(text):
        after_street = any(
            ADDRESS_JOIN.fullmatch(text, end, found.start())
            for end in range(max(0, found.start() - 8), found.start() + 1)
            if end in street_ends
        )
        before = text[max(0, found.start() - 20) : found.start()]
        if after_street or POSTCODE_CONTEXT.search(before):
            certain.append(Finding(found.start(), found.end(), Kind.ADDRESS))
        else:
            hinted.append(Finding(found.start(), found.end(), Hint.ADDRESS))
    return certain, hinted


def weak_hints(text: str) -> list[Finding]:
    """Old dates, long numbers, @mentions, "(at)", street-like words, "12345 Wort"."""
    dates = list(ANY_DATE.finditer(text))
    found = [Finding(m.start(), m.end(), Hint.DATE) for m in dates if _is_old(m.group())]
    date_spans = {(m.start(), m.end()) for m in dates}
    found += [
        Finding(m.start(), m.end(), Hint.NUMBER)
        for m in LONG_NUMBER.finditer(text)
        if (m.start(), m.end()) not in date_spans
    ]
    for pattern, hint in (
        (MENTION, Hint.MENTION),
        (OBFUSCATED_EMAIL, Hint.EMAIL),
        (STREETLIKE, Hint.ADDRESS),
        (POSTCODE_LIKE, Hint.ADDRESS),
    ):
        found += [Finding(m.start(), m.end(), hint) for m in pattern.finditer(text)]
    return found


def _is_old(date: str) -> bool:
    """Older than ordinary support talk: more likely someone's birthday than an outage."""
    digits = re.findall(r"\d+", date)
    year = int(digits[0] if len(digits[0]) == 4 else digits[-1])
    if year < 100:
        year += 1900 if year > 30 else 2000
    return year < OLDEST_ORDINARY_YEAR
