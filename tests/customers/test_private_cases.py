"""Private cases opened from the new-thread form, and internal staff notes."""

import pytest

from forum.extensions import db
from forum.models import StaffNote, Thread

from ..factories import make_board


def test_verified_customer_opens_a_private_case(client, auth, forum):
    auth.login(forum.customer)
    form = client.get("/b/dsl-festnetz/new").text
    assert 'name="private"' in form
    response = client.post(
        "/b/dsl-festnetz/new",
        data={
            "title": "Rechnung falsch berechnet",
            "body": "Kundennummer folgt",
            "private": "y",
            "submit": "1",
        },
    )
    thread = db.session.get(Thread, int(response.headers["Location"].split("/t/")[1].split("-")[0]))
    assert thread.is_private
    page = client.get(response.headers["Location"]).text
    assert "Privater Fall" in page
    db.session.refresh(forum.board)
    assert forum.board.thread_count == 1  # public counts stay as they were


def test_members_cannot_open_private_cases(client, auth, forum):
    auth.login(forum.member)
    assert 'name="private"' not in client.get("/b/dsl-festnetz/new").text
    response = client.post(
        "/b/dsl-festnetz/new",
        data={"title": "Soll privat sein", "body": "Text", "private": "y", "submit": "1"},
    )
    thread = db.session.get(Thread, int(response.headers["Location"].split("/t/")[1].split("-")[0]))
    assert not thread.is_private  # an unverified member's thread is an ordinary one


def test_no_private_cases_in_boards_that_are_not_for_support(client, auth, app, forum):
    make_board("Plauderecke", slug="plaudern", is_support=False)
    auth.login(forum.customer)
    assert 'name="private"' not in client.get("/b/plaudern/new").text


@pytest.mark.parametrize(
    ("role", "status"),
    [("member", 404), ("customer", 404), ("moderator", 404), ("staff", 302), ("admin", 302)],
)
def test_only_staff_write_and_read_internal_notes(client, auth, forum, role, status):
    auth.login(getattr(forum, role))
    response = client.post(f"/t/{forum.thread.id}/notes", data={"note": "Ticket 4711"})
    assert response.status_code == status
    page = client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text
    assert ("Ticket 4711" in page) is (status == 302)
    assert ("Interne Notizen" in page) is (status == 302)
    assert db.session.query(StaffNote).count() == (1 if status == 302 else 0)


def test_empty_note_is_refused(client, auth, forum):
    auth.login(forum.staff)
    assert client.post(f"/t/{forum.thread.id}/notes", data={"note": "  "}).status_code == 400


def test_nobody_reports_the_same_problem_on_a_private_case(client, auth, forum):
    from forum.posts import services as posts

    case = posts.create_thread(forum.customer, forum.board, "Mein Vertrag", "Text", private=True)
    auth.login(forum.staff)
    assert "Ich habe das gleiche Problem" not in client.get(f"/t/{case.id}-{case.slug}").text
    assert client.post(f"/t/{case.id}/affected").status_code == 403
