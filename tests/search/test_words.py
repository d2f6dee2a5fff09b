"""The words search reads: brand spellings as one word, German compounds split by
the dictionary (and nonsense left whole), the query tree both backends receive."""

import pytest

from forum.search import analysis, compounds
from forum.search.analysis import All, Any, Term
from forum.search.querylang import parse

pytestmark = pytest.mark.skipif(
    not len(compounds.dictionary()), reason="the German word list is missing (make words)"
)


@pytest.mark.parametrize(
    "spellings",
    [
        ["FRITZ!Box", "Fritz Box", "Fritz-Box", "Fritzbox", "fritz!box", "Fritz!Boxen"],
        ["E-Mail", "Email", "eMail", "e-mail", "E-Mails"],
        ["WLAN", "W-LAN", "wlan"],
        ["Speedport", "Speed Port", "Speed-Port"],
    ],
)
def test_every_spelling_is_one_word(spellings):
    assert len({tuple(lexeme for _, lexeme in analysis.analyse(s)) for s in spellings}) == 1
    assert len(analysis.analyse(spellings[0])) == 1


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Kündigungsbestätigung", {"kündigung", "bestätigung"}),
        ("Passwortänderung", {"passwort", "änderung"}),
        ("Glasfaseranschluss", {"glas", "faser", "anschluss"}),
        ("Routerneustart", {"router", "neustart"}),
        ("Rufnummernmitnahme", {"rufnummern", "mitnahme"}),
        ("Vertragsverlängerung", {"vertrags", "verlängerung"}),
        ("Festnetzanschluss", {"fest", "netz", "anschluss"}),
    ],
)
def test_compounds_are_split_into_their_words(word, parts):
    assert set(compounds.leaves(word.lower())) == parts


@pytest.mark.parametrize(
    "word", ["Anschluss", "Abrechnung", "Ausfall", "Unterschrift", "Weiterleitung", "Passwort"]
)
def test_words_that_only_look_like_compounds_stay_whole(word):
    assert analysis.word_parts(word) == ()


def test_a_long_string_is_not_split():
    assert compounds.parts("kündigung" * 6) == ()


def test_a_compound_finds_its_parts_and_a_part_its_compounds():
    query = analysis.build(parse("Kündigungsbestätigung"))
    whole, parts, *_ = query.required.children
    assert whole == Term("kundigungsbestat", exact=False)
    assert parts == All((Term("kundig", False, 0.25), Term("bestat", False, 0.25)))
    assert {"kundig", "bestat", "kundigungsbestat"} <= query.highlight


def test_a_word_finds_its_family_below_itself():
    query = analysis.build(parse("kündigen -Passwort"))
    assert isinstance(query.required, Any)
    assert query.required.children[0] == Term(analysis.analyse("kündigen")[0][1], exact=False)
    assert all(child.weight < 1 for child in query.required.children[1:])
    assert query.excluded == Term("passwort")  # excluded as written, not its family


def test_words_typed_apart_that_are_one_are_searched_as_one():
    assert analysis.build(parse("Fritz Box")).required == Term("fritzbox", exact=False)


def test_a_long_word_typed_before_another_is_read_at_once():
    """Joining words typed apart matches the pair against the word pattern; with a
    backtracking pattern a 40-letter word took hours (a search box as a denial of service)."""
    long_word = "Kündigungsbestätigungsschreibenvorlagenordner" * 2
    query = analysis.build(parse(f"{long_word} Router"))
    assert len(query.required.children) == 2


def test_the_index_gets_the_parts_of_every_compound():
    text = "Meine Kündigungsbestätigung und der Glasfaseranschluss"
    assert analysis.compound_parts(text) == [
        "kundig",
        "bestat",
        "glasfas",
        "anschluss",
        "glas",
        "fas",
    ]
