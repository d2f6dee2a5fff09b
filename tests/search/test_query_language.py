"""Every feature of the query language, and inputs that are not valid syntax:
they never fail, they are searched as words with a note."""

import pytest

from forum.search.querylang import MAX_CLAUSES, Clause, parse
from tests.factories import make_thread, make_user

from .conftest import find, titles

pytestmark = pytest.mark.usefixtures("search_request")


def test_parse_reads_words_phrases_exclusions_or_prefix_and_author():
    parsed = parse('Router "kein Internet" -Fritzbox WLAN OR LAN Anschl* von:jana.becker')
    assert parsed.required == [
        [Clause("Router")],
        [Clause("kein Internet", "phrase")],
        [Clause("WLAN"), Clause("LAN")],
        [Clause("Anschl", "prefix")],
    ]
    assert parsed.excluded == [Clause("Fritzbox")]
    assert parsed.authors == ["jana.becker"]
    assert parsed.notes == []


@pytest.mark.parametrize(
    ("text", "note_part"),
    [
        ('"Router blinkt', "Anführungszeichen"),
        ("Router -", "„-“"),
        ("-", "„-“"),
        ("ab*", "mindestens"),
        ("von:", "„von:“"),
        ("!" * 5000, "gekürzt"),
    ],
)
def test_malformed_input_gets_a_note(text, note_part):
    assert any(note_part in str(note) for note in parse(text).notes)


def test_wildcards_other_than_a_trailing_star_are_not_expanded():
    parsed = parse("*e* r?uter **")
    kinds = {clause.kind for clause in parsed.clauses()}
    assert kinds == {"word"}
    assert all("*" not in c.text and "?" not in c.text for c in parsed.clauses())


def test_the_number_of_words_is_capped():
    parsed = parse(" ".join(f"wort{i}" for i in range(50)))
    assert len(parsed.clauses()) == MAX_CLAUSES
    assert parsed.notes


@pytest.fixture
def threads(forum):
    people = {name: make_user(name) for name in ("anna", "bernd")}
    make_thread(
        forum.board, people["anna"], "Router leuchtet orange", "Seit gestern kein Internet."
    )
    make_thread(forum.board, people["bernd"], "Fritzbox Router tauschen", "Neuer Router nötig?")
    make_thread(forum.board, people["anna"], "LAN Kabel defekt", "Das LAN geht nicht mehr.")
    make_thread(forum.board, people["bernd"], "WLAN Reichweite", "Das WLAN ist zu schwach.")
    make_thread(forum.board, people["anna"], "Anschlussdose locker", "Die Dose wackelt.")
    return people


def test_all_words_must_match(threads):
    assert titles(find(None, "Router orange")) == ["Router leuchtet orange"]


def test_exact_phrase(threads):
    assert titles(find(None, '"kein Internet"')) == ["Router leuchtet orange"]
    assert titles(find(None, '"Internet kein"')) == []


def test_excluded_word(threads):
    assert set(titles(find(None, "Router Internet OR nötig"))) == {
        "Router leuchtet orange",
        "Fritzbox Router tauschen",
    }
    assert titles(find(None, "Router Internet OR nötig -Fritzbox")) == ["Router leuchtet orange"]


def test_either_word(threads):
    assert set(titles(find(None, "WLAN OR LAN"))) == {"LAN Kabel defekt", "WLAN Reichweite"}
    assert set(titles(find(None, "WLAN ODER LAN"))) == {"LAN Kabel defekt", "WLAN Reichweite"}


def test_prefix(threads):
    assert titles(find(None, "Anschl*")) == ["Anschlussdose locker"]


def test_excluding_a_person_and_grouping_around_an_author(threads):
    assert set(titles(find(None, "Router -von:bernd"))) == {
        "Router leuchtet orange",
        "Router blinkt rot nach Gewitter",  # the small forum's own thread
    }
    # "von:" between two words does not join them into an OR group.
    assert titles(find(None, "Router OR von:anna orange")) == ["Router leuchtet orange"]


def test_exclusion_with_only_filters(threads, forum):
    found = titles(find(None, "-Fritzbox", board_id=forum.board.id))
    assert "Fritzbox Router tauschen" not in found and "WLAN Reichweite" in found


def test_author(threads, forum):
    assert set(titles(find(None, "von:anna"))) == {
        "Router leuchtet orange",
        "LAN Kabel defekt",
        "Anschlussdose locker",
    }
    assert titles(find(None, "Router von:bernd")) == ["Fritzbox Router tauschen"]
    assert titles(find(None, "Router", author="ANNA")) == ["Router leuchtet orange"]


def test_an_authors_search_shows_their_own_post_not_someone_elses(threads, forum):
    from forum.posts import services as posts

    thread = make_thread(forum.board, threads["bernd"], "Dose tauschen", "Die Dose ist alt.")
    reply = posts.reply(threads["anna"], thread, "Ich habe meine selbst getauscht.")
    for query in ("von:anna Dose", "von:anna tauschen"):
        [hit] = [h for h in find(None, query).page.items if h.thread.id == thread.id]
        assert hit.post.id == reply.id, query  # not bernd's question under anna's search


@pytest.mark.parametrize(
    ("text", "searched"),
    [
        ('"Router blinkt', True),
        ("Router -", True),
        ("-", False),
        ("!" * 5000, False),
        ("*", False),
        ("*e*", False),  # a single letter is no word
        ("((Router", True),
        ("Router AND OR NOT", True),
        ("title:Router", True),
        ("Router^99", True),
        ('"""', False),
        ("von:", False),
        ("OR", False),
        ('-""', False),
        ("Router" + "\u200b" * 100, True),
    ],
)
def test_malformed_queries_never_fail(threads, text, searched):
    """No exception whatever was typed; what has words is searched."""
    outcome = find(None, text)
    assert (outcome.page is not None) == searched, outcome


def test_unbalanced_quotes_are_searched_as_words(threads):
    outcome = find(None, '"Router leuchtet')
    assert titles(outcome) == ["Router leuchtet orange"]
    assert outcome.notes
