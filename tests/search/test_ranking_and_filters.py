"""Relevance basics, filters, sorting and page counts."""

from datetime import timedelta

import pytest

from forum.extensions import db
from forum.models import utcnow
from forum.posts import services as posts
from forum.search import tasks
from forum.support import services as support
from tests.factories import backdate, make_board, make_thread, make_user

from .conftest import find, titles

pytestmark = pytest.mark.usefixtures("search_request")


def test_a_title_match_beats_a_body_match(forum):
    make_thread(forum.board, forum.author, "Frage zum Tarif", "Mein Glasfaser Vertrag endet bald.")
    make_thread(forum.board, forum.author, "Glasfaser im Altbau", "Wie läuft das ab?")
    assert titles(find(None, "Glasfaser")) == ["Glasfaser im Altbau", "Frage zum Tarif"]


def _twins(forum, second_replier):
    """Two threads with nearly the same words, the first a little more relevant;
    the second one's reply differs in kind."""
    first = make_thread(forum.board, forum.author, "Telefon rauscht", "Es rauscht stark.")
    second = make_thread(forum.board, forum.author, "Telefon rauscht", "Es rauscht stark.")
    posts.reply(forum.member, first, "Kabel tauschen hilft, es rauscht nicht mehr.")
    answer = posts.reply(second_replier, second, "Kabel tauschen hilft, es ist ruhig.")
    return first, second, answer


def test_a_solved_question_ranks_above_an_equal_open_one(forum):
    first, second, answer = _twins(forum, forum.member)
    assert find(None, "Telefon rauscht").page.items[0].thread.id == first.id
    support.mark_solution(forum.author, second, answer)
    ids = [hit.thread.id for hit in find(None, "Telefon rauscht").page.items]
    assert ids == [second.id, first.id]


@pytest.mark.parametrize("staff_thread", [0, 1])
def test_a_staff_answer_ranks_above_an_equal_question_without_one(forum, staff_thread):
    """Equal text: the thread with the staff reply wins, whichever of the two it is."""
    threads = [
        make_thread(forum.board, forum.author, "Modem piept", "Das Modem piept laut.")
        for _ in range(2)
    ]
    for number, thread in enumerate(threads):
        replier = forum.staff if number == staff_thread else forum.member
        posts.reply(replier, thread, "Netzteil tauschen.")
    assert find(None, "Modem piept").page.items[0].thread.id == threads[staff_thread].id


@pytest.fixture
def mixed(forum):
    other = make_board("Mobilfunk", slug="mobilfunk")
    solved = make_thread(forum.board, forum.author, "Modem Frage gelöst", "Modem neu starten?")
    answer = posts.reply(forum.member, solved, "Modem Reset hilft.")
    support.mark_solution(forum.author, solved, answer)
    staff = make_thread(forum.board, forum.author, "Modem Frage Mitarbeiter", "Modem tot.")
    posts.reply(forum.staff, staff, "Wir schicken ein neues Modem.")
    old = make_thread(other, forum.member, "Modem Frage alt", "Modem von 2019.")
    backdate(old, hours=24 * 60)
    tasks.thread_changed(old)
    db.session.commit()
    return {"other": other, "solved": solved, "staff": staff, "old": old}


def test_filters(forum, mixed):
    assert len(titles(find(None, "Modem"))) == 3
    assert titles(find(None, "Modem", solved=True)) == ["Modem Frage gelöst"]
    assert titles(find(None, "Modem", staff=True)) == ["Modem Frage Mitarbeiter"]
    assert titles(find(None, "Modem", board_id=mixed["other"].id)) == ["Modem Frage alt"]
    assert "Modem Frage alt" not in titles(find(None, "Modem", period="month"))
    assert "Modem Frage alt" in titles(find(None, "Modem", period="year"))
    by_member = find(None, "Modem", author=forum.member.username)
    assert set(titles(by_member)) == {"Modem Frage gelöst", "Modem Frage alt"}  # a reply counts


def test_filters_without_words_list_a_board(forum, mixed):
    assert titles(find(None, "", board_id=mixed["other"].id)) == ["Modem Frage alt"]


def test_newest_first(forum):
    asker = make_user("eilig")
    for hours in (5, 1, 3):
        thread = make_thread(forum.board, asker, f"Sortierung vor {hours} Stunden", "Sortierung")
        thread.last_post_at = utcnow() - timedelta(hours=hours)
        tasks.thread_changed(thread)
        db.session.commit()
    assert titles(find(None, "Sortierung", sort="newest")) == [
        "Sortierung vor 1 Stunden",
        "Sortierung vor 3 Stunden",
        "Sortierung vor 5 Stunden",
    ]


def test_pages_and_counts(forum):
    asker = make_user("viel")
    for number in range(23):
        make_thread(forum.board, asker, f"Seitentest {number}", "Seitenwechsel testen")
    first = find(None, "Seitenwechsel", per_page=10)
    last = find(None, "Seitenwechsel", per_page=10, page=3)
    beyond = find(None, "Seitenwechsel", per_page=10, page=99)
    assert first.total == last.total == 23
    assert (len(first.page.items), len(last.page.items)) == (10, 3)
    assert first.page.pages == 3
    assert beyond.page.page == 3 and len(beyond.page.items) == 3
    pages = [find(None, "Seitenwechsel", per_page=10, page=n).page.items for n in (1, 2, 3)]
    assert len({hit.thread.id for items in pages for hit in items}) == 23


def test_the_snippet_comes_from_the_best_matching_post(forum):
    thread = make_thread(forum.board, forum.author, "Lange Diskussion", "Am Anfang nichts.")
    posts.reply(forum.member, thread, "Irgendwas anderes.")
    best = posts.reply(forum.member, thread, "Der Splitter war das Problem, neuer Splitter hilft.")
    hit = find(None, "Splitter").page.items[0]
    assert hit.post.id == best.id
    assert str(hit.snippet).count("<mark>Splitter</mark>") == 2


def test_snippets_escape_html_in_posts(forum):
    make_thread(
        forum.board, forum.author, "Skripttest", "<script>alert(1)</script> Skripttest & mehr"
    )
    hit = find(None, "Skripttest").page.items[0]
    assert "<script>" not in str(hit.snippet) and "<script>" not in str(hit.title)
