"""German is understood: inflections, transliterations and ß find each other;
English posts are still found; spelling suggestions come from the index."""

import pytest

from tests.factories import make_board, make_thread, make_user

from .conftest import find, titles

pytestmark = pytest.mark.usefixtures("search_request")


@pytest.fixture
def posts(forum):
    asker = make_user("fragende")
    for title, body in [
        ("Anschlüsse im Keller", "Zwei Anschlüsse, nur einer geht."),
        ("Großstörung gestern", "Es gab Störungen im ganzen Netz."),
        ("Umzug in die Hauptstraße", "Der Techniker kommt in die Straße."),
        ("Zwei Routers im Haus", "Mesh mit mehreren Routers einrichten."),
        ("Printer not found", "The printers in my network disappear after an update."),
        ("Café mit Gast-WLAN", "Im Café funktioniert das Gastnetz nicht."),
    ]:
        make_thread(forum.board, asker, title, body)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Anschluss", "Anschlüsse im Keller"),
        ("Anschlüsse", "Anschlüsse im Keller"),
        ("Anschluesse", "Anschlüsse im Keller"),
        ("Störung", "Großstörung gestern"),
        ("Störungen", "Großstörung gestern"),
        ("Stoerung", "Großstörung gestern"),
        ("Strasse", "Umzug in die Hauptstraße"),
        ("Straße", "Umzug in die Hauptstraße"),
        ("Router", "Zwei Routers im Haus"),
        ("Routers", "Zwei Routers im Haus"),
        ("printer", "Printer not found"),
        ("printers network", "Printer not found"),
        ("cafe", "Café mit Gast-WLAN"),
    ],
)
def test_german_forms_find_each_other(posts, query, expected):
    assert expected in titles(find(None, query))


def test_an_inflected_word_is_highlighted_as_written(posts):
    hit = next(h for h in find(None, "Störung").page.items if "Groß" in h.thread.title)
    assert "<mark>Störungen</mark>" in str(hit.snippet)


def test_negations_are_not_dropped_as_stop_words(forum):
    make_thread(forum.board, forum.author, "Seit Montag kein Internet", "Gar nichts geht.")
    make_thread(forum.board, forum.author, "Internet langsam", "Das Internet ist langsam.")
    assert titles(find(None, '"kein Internet"')) == ["Seit Montag kein Internet"]


def test_a_misspelt_word_gets_a_suggestion_from_the_index(posts):
    outcome = find(None, "Anschlüse")
    assert outcome.total == 0
    assert outcome.suggestion == "anschlüsse"


def test_no_suggestion_from_words_only_private_places_contain(forum):
    hidden = make_board("Intern", visibility="staff")
    make_thread(hidden, forum.staff, "Kernnetzwartung geplant", "Wartungsfenster im Kernnetz.")
    make_thread(forum.board, forum.author, "Kabel im Garten", "Das Kabel liegt offen.")
    assert find(forum.member, "Kernnetzwartun").suggestion is None
    # Another word that the member can find must not vouch for the private one.
    assert find(forum.member, "Kernnetzwartun OR Kabel").suggestion is None
    assert find(forum.staff, "Kernnetzwartun").suggestion == "kernnetzwartung"
