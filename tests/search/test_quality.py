"""What customers type finds what customers wrote: brand spellings, compounds and
their parts, inflections, transliterations, negations, prefixes and synonyms, over a
fixed forum (quality_corpus.py). Each search must have the expected threads in its
top five, and where the word as typed occurs, that thread first."""

import pytest

from tests.factories import make_thread, make_user

from .conftest import find
from .quality_corpus import THREADS

pytestmark = pytest.mark.usefixtures("search_request")

# (query, threads expected in the top 5, the thread expected first or None)
SPELLINGS = [
    ("Fritzbox", ("fritzbox_title", "fritzbox_body", "fritzbox_hyphen"), None),
    ("fritz!box", ("fritzbox_title", "fritzbox_body", "fritzbox_hyphen"), None),
    ("Fritz Box", ("fritzbox_title", "fritzbox_body", "fritzbox_hyphen"), None),
    ("FRITZ!Box Update", ("fritzbox_title",), "fritzbox_title"),
    ("Email", ("email_hyphen", "email_word", "email_camel"), None),
    ("eMail", ("email_hyphen", "email_word", "email_camel"), None),
    ("e-mail", ("email_hyphen", "email_word", "email_camel"), None),
    ("WLAN", ("wlan",), "wlan"),
    ("W-LAN Empfang", ("wlan",), "wlan"),
    ("Speedport", ("speedport",), "speedport"),
    ("IPv6", ("ipv6",), "ipv6"),
]
COMPOUNDS = [
    ("Glasfaseranschluss", ("glasfaser", "glasfaser_apart"), "glasfaser"),
    ("Glasfaser", ("glasfaser", "glasfaser_apart"), None),
    ("Kündigung Bestätigung", ("kuendigungsbestaetigung", "bestaetigung_kuendigung"), None),
    (
        "Kündigungsbestätigung",
        ("kuendigungsbestaetigung", "bestaetigung_kuendigung"),
        "kuendigungsbestaetigung",
    ),
    ("Passwort", ("passwort", "passwortaenderung"), "passwort"),
    ("Änderung", ("passwortaenderung",), "passwortaenderung"),
    ("Rufnummer", ("rufnummernmitnahme",), "rufnummernmitnahme"),
    ("Rufnummernmitnahme", ("rufnummernmitnahme",), "rufnummernmitnahme"),
    ("Neustart", ("routerneustart",), "routerneustart"),
    ("Router Neustart", ("routerneustart",), "routerneustart"),
    ("Vertragsverlängerung", ("vertragsverlaengerung",), "vertragsverlaengerung"),
    ("Volumen", ("datenvolumen",), "datenvolumen"),
    ("Techniker Termin", ("technikertermin",), "technikertermin"),
    ("Kündigungsrecht", ("sonderkuendigung",), "sonderkuendigung"),
    ("Internetstörung", ("internetstoerung",), "internetstoerung"),
]
LANGUAGE = [
    ("Anschluesse", ("anschluesse", "glasfaser_apart"), None),
    ("Anschluss", ("anschluesse", "glasfaser_apart", "glasfaser"), None),
    ("Strasse", ("strasse",), "strasse"),
    ("Straße", ("strasse",), "strasse"),
    ("Stoerung", ("stoerung", "internetstoerung"), "stoerung"),
    ("Störungen", ("stoerung", "internetstoerung"), "stoerung"),
    ('"kein Internet"', ("kein_internet",), "kein_internet"),
    ("Rout*", ("fritzbox_body", "router_tausch"), None),
    ("Kündig*", ("kuendigung",), None),
    ("Rechnungen", ("rechnung",), "rechnung"),
    ("Internet langsam", ("internet_langsam",), "internet_langsam"),
]
SYNONYMS = [
    ("kündigen", ("kuendigung", "kuendigungsbestaetigung"), None),
    ("kuendigen", ("kuendigung", "kuendigungsbestaetigung"), None),
    ("Rechnung", ("rechnung", "abrechnung"), "rechnung"),
    ("Störung", ("stoerung", "ausfall", "internetstoerung"), "stoerung"),
    ("Ausfall", ("ausfall", "stoerung"), "ausfall"),
    ("Kennwort", ("passwortaenderung", "passwort"), "passwortaenderung"),
    ("Handy", ("smartphone", "schrift"), None),
    ("Portierung", ("rufnummernmitnahme",), "rufnummernmitnahme"),
    ("Anmeldedaten", ("zugangsdaten",), "zugangsdaten"),
]


@pytest.fixture
def corpus(forum):
    """The threads, and each thread's key by its title."""
    asker = make_user("kundin")
    for title, body in THREADS.values():
        make_thread(forum.board, asker, title, body)
    return {title: key for key, (title, _) in THREADS.items()}


def _misses(corpus, cases) -> list[str]:
    misses = []
    for query, expected, first in cases:
        outcome = find(None, query)
        # The forum fixture's own threads count as well: they are "noise".
        top = [corpus.get(hit.thread.title, "noise") for hit in outcome.page.items[:5]]
        missing = [key for key in expected if key not in top]
        if missing or (first and top[:1] != [first]):
            misses.append(f"{query!r}: top 5 {top}, expected {list(expected)} first {first}")
    return misses


@pytest.mark.parametrize(
    "cases",
    [SPELLINGS, COMPOUNDS, LANGUAGE, SYNONYMS],
    ids=["spellings", "compounds", "language", "synonyms"],
)
def test_customers_find_what_customers_wrote(corpus, cases):
    assert _misses(corpus, cases) == []


def test_there_are_enough_queries():
    assert len(SPELLINGS + COMPOUNDS + LANGUAGE + SYNONYMS) >= 40


def test_a_prefix_is_no_part_and_a_part_is_no_nonsense(corpus):
    """Unterschrift is no Schrift; Anschluss is no Schluss."""
    assert [corpus[h.thread.title] for h in find(None, "Schrift").page.items] == ["schrift"]
    assert find(None, "Schluss").page.items == []


def test_a_compound_is_marked_where_a_part_or_a_synonym_matched(corpus):
    hit = next(h for h in find(None, "Kündigung").page.items if "Keine" in h.thread.title)
    assert "<mark>Kündigungsbestätigung</mark>" in str(hit.title)
    hit = next(h for h in find(None, "Störung").page.items if "Totaler" in h.thread.title)
    assert "<mark>Ausfall</mark>" in str(hit.title)
    hit = next(h for h in find(None, "Fritzbox").page.items if "rot" in h.thread.title)
    assert "<mark>Fritz Box</mark>" in str(hit.snippet)
