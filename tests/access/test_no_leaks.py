"""What someone may not see does not exist for them.

A unique marker sits in every private place: a customers-only board, a staff-only
board, a private case in a public board, the staff-only FAQ draft made from it, an internal
staff note, a new account's
posts waiting for approval, a thread a moderator deleted, and the name, address
and profile of an account its owner deleted (for everyone, admins included). Each role
then follows every link reachable from the home page and tries the known URLs;
no marker may appear in any answer the role may not see."""

import re
from collections import deque

import pytest

from forum.customers import faq
from forum.models import Visibility, utcnow
from forum.moderation import trash
from forum.posts import services as posts
from forum.privacy import deletion
from forum.staff import services as staff_services
from forum.support import services as support

from ..factories import PASSWORD, make_board, make_thread, make_user

MARKERS = {
    "customers": "MARKER-KUNDENBEREICH",
    "staff_board": "MARKER-INTERNBEREICH",
    "case": "MARKER-PRIVATFALL",
    "note": "MARKER-INTERNE-NOTIZ",
    "held": "MARKER-WARTET",
    "deleted": "MARKER-GELOESCHT",
    "former": "MARKER-EHEMALIG",  # a deleted account's name, address and profile
    "faq_draft": "MARKER-FAQENTWURF",
}
SEES = {
    "guest": set(),
    "member": set(),
    "newcomer": {"held"},
    "owner": {"customers", "case"},
    "other_customer": {"customers"},
    "staff": {"customers", "staff_board", "case", "note", "faq_draft"},
    "moderator": {"customers", "case", "held", "faq_draft"},
    "admin": {"customers", "staff_board", "case", "note", "held", "deleted", "faq_draft"},
    "banned": set(),
}
LINK = re.compile(r'href="(/[^"#]*)')
TAG = re.compile(r"<[^>]+>")
SKIP = re.compile(r"^/(static|logout|language)")


@pytest.fixture
def world(app):
    people = {
        "member": make_user("mitglied"),
        "newcomer": make_user("neuling"),
        "owner": make_user("fallkundin", customer=True),
        "other_customer": make_user("anderer", customer=True),
        "staff": make_user("service", staff=True),
        "moderator": make_user("moderatorin", moderator=True),
        "admin": make_user("verwalter", admin=True),
        "banned": make_user("gesperrt", staff=True, customer=True, banned_at=utcnow()),
    }
    public = make_board("Technik", slug="technik")
    customers = make_board("Kundenbereich", slug="kunden", visibility=Visibility.CUSTOMERS)
    internal = make_board("Intern", slug="intern", visibility=Visibility.STAFF)
    everyday = make_thread(public, people["member"], "Öffentliche Frage", "Hallo", replies=1)
    places = {
        "customers": make_thread(
            customers, people["other_customer"], f"Titel {MARKERS['customers']}",
            f"Text {MARKERS['customers']}",
        ),
        "staff_board": make_thread(
            internal, people["staff"], f"Titel {MARKERS['staff_board']}",
            f"Text {MARKERS['staff_board']}",
        ),
        "case": posts.create_thread(
            people["owner"], public, f"Titel {MARKERS['case']}", f"Text {MARKERS['case']}",
            private=True,
        ),
        "held": posts.create_thread(
            people["newcomer"], public, f"Titel {MARKERS['held']}",
            f"Siehe https://example.com/angebot {MARKERS['held']}",
        ),
        "deleted": make_thread(  # by someone outside the roles: its author is told
            public, make_user("geloescht"), f"Titel {MARKERS['deleted']}",
            f"Text {MARKERS['deleted']}",
        ),
    }  # fmt: skip
    posts.reply(people["newcomer"], everyday, f"Link https://example.com {MARKERS['held']}")
    trash.delete_thread(people["moderator"], places["deleted"], "Doppelt")
    answer = posts.reply(people["staff"], places["case"], f"Antwort {MARKERS['case']}")
    support.mark_solution(people["owner"], places["case"], answer)
    draft = faq.draft_faq(people["staff"], places["case"])
    faq.revise_draft(people["staff"], draft, {"answer": f"Antwort {MARKERS['faq_draft']}"}, "")
    places["faq_draft"] = draft
    posts.reply(people["owner"], places["customers"], "Ich auch")
    staff_services.add_note(people["staff"], everyday, f"Ticket {MARKERS['note']}")
    former = make_user(
        "ehemalig",
        display_name=MARKERS["former"],
        bio=f"Bio {MARKERS['former']}",
        email=f"{MARKERS['former']}@example.test",
    )
    posts.reply(former, everyday, "Danke für die Hilfe")
    deletion.delete_account(former, PASSWORD, remove_posts=False)
    return people, places, everyday


def _crawl(client, limit=250):
    seen, queue, pages = set(), deque(["/"]), {}
    while queue and len(pages) < limit:
        url = queue.popleft()
        if url in seen or SKIP.match(url):
            continue
        seen.add(url)
        response = client.get(url, follow_redirects=True)
        pages[url] = response.get_data(as_text=True)
        queue.extend(link.replace("&amp;", "&") for link in LINK.findall(pages[url]))
    return pages


def _known_urls(places, everyday):
    urls = []
    for thread in (*places.values(), everyday):
        first = thread.first_post_id
        urls += [
            f"/t/{thread.id}-{thread.slug}", f"/t/{thread.id}", f"/p/{first}",
            f"/p/{first}/quote", f"/t/{thread.id}/reply?quote={first}", f"/p/{first}/edit",
            f"/t/{thread.id}/reply", f"/t/{thread.id}/faq-review", f"/t/{thread.id}/objection",
        ]  # fmt: skip
    searches = [
        f"/search?q={query}" for query in ("MARKER", "Titel", "Text", "Antwort", "Ticket")
    ] + ["/search?q=von:service", "/search/similar?title=Titel+MARKER+Text"]
    people = ("/u/fallkundin", "/u/service", "/u/anderer", "/u/ehemalig", "/search?q=von:ehemalig")
    return [*urls, *searches, *people, "/staff/queue"]


@pytest.mark.every_search_backend
@pytest.mark.parametrize("role", list(SEES))
def test_no_marker_reaches_anyone_who_may_not_see_it(client, auth, world, role):
    people, places, everyday = world
    if role == "banned":  # log-in is refused; a session it had would end too
        client.post("/login", data={"login": "gesperrt", "password": PASSWORD})
    elif role != "guest":
        auth.login(people[role])
    pages = _crawl(client)
    for url in _known_urls(places, everyday):
        pages[url] = client.get(url, follow_redirects=True).get_data(as_text=True)
    assert len(pages) > 20
    # Search highlights words, so a marker may be split by <mark> tags.
    texts = {url: TAG.sub("", text) for url, text in pages.items()}
    for place, marker in MARKERS.items():
        found = [url for url, text in texts.items() if marker in text]
        if place in SEES[role]:
            assert found, f"{role} should find {place}"
        else:
            assert not found, f"{role} sees {place} on {found[:3]}"


@pytest.mark.parametrize("role", ["guest", "member", "other_customer", "moderator"])
def test_a_private_case_is_404_for_those_who_may_not_see_it(client, auth, world, role):
    people, places, _ = world
    case = places["case"]
    if role != "guest":
        auth.login(people[role])
    expected = 200 if role == "moderator" else 404
    assert client.get(f"/t/{case.id}-{case.slug}").status_code == expected
    permalink = client.get(f"/p/{case.first_post_id}")
    assert permalink.status_code == (302 if role == "moderator" else 404)


def test_private_cases_do_not_change_public_counts(client, world):
    page = client.get("/").text
    technik = page[page.index("Technik") :]
    assert "Themen</dt><dd>1</dd>" in technik.replace("\n", "")
    board = client.get("/b/technik").text
    assert board.count('<li class="thread-row') == 1


def test_owner_sees_own_case_in_the_board_list_with_a_private_tag(client, auth, world):
    people, _, _ = world
    auth.login(people["owner"])
    board = client.get("/b/technik").text
    assert board.count('<li class="thread-row') == 2 and "Privater Fall" in board
