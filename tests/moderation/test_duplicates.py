"""Closing a thread as a duplicate links both threads and closes the copy."""

from sqlalchemy import select

from forum.extensions import db
from forum.models import AuditEntry, Visibility
from tests.factories import make_board, make_thread


def test_close_as_duplicate_links_both_ways(client, auth, forum):
    copy = make_thread(forum.board, forum.member, "Router blinkt rot!!", "Auch bei mir")
    auth.login(forum.moderator)
    answer = client.post(
        f"/t/{copy.id}/duplicate",
        data={"original": f"http://forum.example/t/{forum.thread.id}-{forum.thread.slug}"},
    )
    assert answer.status_code == 302
    db.session.refresh(copy)
    db.session.refresh(forum.thread)
    assert (copy.duplicate_of_id, copy.is_locked, copy.status) == (forum.thread.id, True, "closed")
    assert forum.thread.duplicate_count == 1
    auth.logout()
    copy_page = client.get(f"/t/{copy.id}-{copy.slug}").text
    assert "Als Duplikat geschlossen" in copy_page and forum.thread.title in copy_page
    original_page = client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text
    assert "Auch gefragt in:" in original_page and "Router blinkt rot!!" in original_page
    assert db.session.scalars(select(AuditEntry)).one().action == "thread.duplicate"


def test_no_duplicate_of_itself_of_a_duplicate_or_of_an_unreadable_thread(client, auth, forum):
    internal = make_board("Intern", visibility=Visibility.STAFF)
    hidden_original = make_thread(internal, forum.staff, "Interna", "Geheim")
    copy = make_thread(forum.board, forum.member, "Kopie", "Text")
    auth.login(forum.moderator)
    assert (
        client.post(f"/t/{copy.id}/duplicate", data={"original": str(copy.id)}).status_code == 403
    )
    assert (
        client.post(
            f"/t/{copy.id}/duplicate", data={"original": str(hidden_original.id)}
        ).status_code
        == 403
    )
    assert (
        client.post(f"/t/{copy.id}/duplicate", data={"original": "kein Thema"}).status_code == 400
    )
    db.session.refresh(copy)
    assert copy.duplicate_of_id is None and not copy.is_locked


def test_only_moderators_close_duplicates(client, auth, forum):
    copy = make_thread(forum.board, forum.member, "Kopie", "Text")
    for role in ("member", "staff"):
        auth.login(getattr(forum, role))
        assert (
            client.post(
                f"/t/{copy.id}/duplicate", data={"original": str(forum.thread.id)}
            ).status_code
            == 404
        )
        auth.logout()
