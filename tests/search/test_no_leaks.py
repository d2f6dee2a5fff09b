"""Search shows exactly what the access policy lets a person read: the same
answer as `can(user, THREAD_READ, thread)`, in hits, counts, snippets and
suggestions, also after a board's visibility changes or a thread moves."""

import re

import pytest

from forum.access import Permission, can
from forum.extensions import db
from forum.models import Guest, Visibility, utcnow
from forum.posts import services as posts
from forum.search import tasks
from forum.search.backend import backend
from forum.search.results import SearchOptions
from forum.staff import services as staff_services
from tests.factories import make_board, make_thread, make_user

from .conftest import find, index_now

pytestmark = pytest.mark.usefixtures("search_request")

COMMON = "Leckprobe"


@pytest.fixture
def world(forum):
    boards = {
        "public": forum.board,
        "customers": make_board("Kundenbereich", visibility=Visibility.CUSTOMERS),
        "staff": make_board("Intern", visibility=Visibility.STAFF),
    }
    owner = make_user("fallkundin", customer=True)
    threads = {
        place: make_thread(board, forum.staff, f"{COMMON} {place}", f"Geheimwort{place} steht hier")
        for place, board in boards.items()
    }
    threads["case"] = posts.create_thread(
        owner, forum.board, f"{COMMON} Fall", "Geheimwortfall steht hier", private=True
    )
    staff_services.add_note(forum.staff, threads["case"], f"{COMMON} Geheimwortnotiz intern")
    viewers = {
        "guest": Guest(),
        "member": forum.member,
        "customer": forum.customer,
        "owner": owner,
        "staff": forum.staff,
        "moderator": forum.moderator,
        "admin": forum.admin,
        "banned": make_user("gesperrt", staff=True, customer=True, banned_at=utcnow()),
    }
    return boards, threads, viewers


VIEWERS = ["guest", "member", "customer", "owner", "staff", "moderator", "admin", "banned"]


@pytest.mark.parametrize("viewer", VIEWERS)
def test_hits_and_counts_follow_the_policy(world, viewer):
    _, threads, viewers = world
    user = viewers[viewer]
    readable = {t.id for t in threads.values() if can(user, Permission.THREAD_READ, t)}
    outcome = find(user, COMMON)
    assert {hit.thread.id for hit in outcome.page.items} == readable
    assert outcome.total == len(readable)
    for place, thread in threads.items():
        marker = f"Geheimwort{place}" if place != "case" else "Geheimwortfall"
        found = find(user, marker)
        assert found.total == (1 if thread.id in readable else 0), (viewer, place)
        assert found.suggestion is None
    assert find(user, "Geheimwortnotiz").total == 0  # staff notes are never indexed


@pytest.mark.parametrize("viewer", VIEWERS)
def test_similar_threads_follow_the_policy(world, viewer):
    _, threads, viewers = world
    user = viewers[viewer]
    readable = {t.id for t in threads.values() if can(user, Permission.THREAD_READ, t)}
    index_now()
    similar = backend().similar_threads(user, f"{COMMON} steht hier", limit=10)
    assert {t.id for t in similar} == readable


def test_a_board_made_staff_only_disappears_at_once(world):
    boards, _, viewers = world
    assert find(viewers["guest"], "Geheimwortpublic").total == 1
    boards["public"].visibility = Visibility.STAFF
    db.session.commit()  # no index task: readable boards are read per search
    assert find(viewers["guest"], COMMON).total == 0
    assert find(viewers["customer"], "Geheimwortpublic").total == 0
    assert find(viewers["staff"], "Geheimwortpublic").total == 1


def test_a_moved_thread_follows_its_new_board(world):
    boards, threads, viewers = world
    thread = threads["public"]
    thread.board_id = boards["staff"].id
    tasks.thread_changed(thread)
    db.session.commit()
    assert find(viewers["guest"], "Geheimwortpublic").total == 0
    assert find(viewers["member"], COMMON).total == 0
    assert find(viewers["staff"], "Geheimwortpublic").total == 1


def test_a_stale_index_never_shows_a_title_or_snippet(world):
    """Between a move and its indexing the index is out of date; the database
    check on every hit keeps the thread off the page meanwhile."""
    boards, threads, _ = world
    index_now()
    thread = threads["public"]
    thread.board_id = boards["staff"].id
    db.session.commit()  # deliberately no index task
    outcome = backend().search(Guest(), SearchOptions(q=COMMON), 20)
    assert all(hit.thread.id != thread.id for hit in outcome.page.items)
    assert outcome.total == len(outcome.page.items) == 0  # nor counted


@pytest.mark.usefixtures("world")
def test_the_results_page_shows_no_private_title(client):
    index_now()
    page = re.sub(r"<[^>]+>", "", client.get("/search", query_string={"q": COMMON}).text)
    assert "Leckprobe public" in page
    for place in ("customers", "staff", "Fall"):
        assert f"{COMMON} {place}" not in page
    answer = client.get("/search/similar", query_string={"title": f"{COMMON} steht hier"})
    assert [t["title"] for t in answer.json["threads"]] == ["Leckprobe public"]


def test_an_faq_draft_is_found_only_after_it_was_made_public(forum):
    from forum.customers import faq
    from forum.support import services as support

    case = posts.create_thread(
        forum.customer, forum.board, "Entwurfsprobe Rechnung", "Rechnung doppelt", private=True
    )
    support.mark_solution(forum.customer, case, posts.reply(forum.staff, case, "Gutschrift."))
    draft = faq.draft_faq(forum.staff, case)
    assert find(None, "Entwurfsprobe").total == 0
    assert find(forum.member, "Entwurfsprobe").total == 0
    assert find(forum.staff, "Entwurfsprobe").total == 2  # the case and the draft
    faq.publish_draft(forum.staff, draft, faq.fingerprint(draft))
    assert [hit.thread.id for hit in find(None, "Entwurfsprobe").page.items] == [draft.id]
