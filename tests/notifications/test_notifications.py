"""Who is told what: each event notifies the right people and no one else, also after
the thread's audience changed; lines for the same thread are grouped."""

import pytest
from sqlalchemy import select

from forum import outbox
from forum.extensions import db
from forum.models import Notification, User, Visibility
from forum.moderation import services as moderation
from forum.notifications import follows
from forum.posts import services as posts
from forum.staff import services as staff_services
from forum.support import services as support
from tests.factories import make_board, make_thread, make_user


def _lines(user) -> list[Notification]:
    outbox.drain()
    return list(
        db.session.scalars(
            select(Notification).where(Notification.user_id == user.id).order_by(Notification.id)
        )
    )


def _events(user) -> list[tuple[str, int]]:
    return [(line.event, line.count) for line in _lines(user)]


def _unread(user) -> int:
    db.session.expire_all()
    return db.session.get(User, user.id).unread_notifications


def test_the_author_and_repliers_follow_and_hear_of_replies(forum):
    posts.reply(forum.member, forum.thread, "Erste Antwort")
    posts.reply(forum.customer, forum.thread, "Zweite Antwort")
    assert _events(forum.author) == [("reply", 2)]  # one line for the thread, two replies
    assert _events(forum.member) == [("reply", 1)]  # followed it by replying
    assert _events(forum.customer) == []  # not told of their own reply
    assert _events(forum.moderator) == []  # follows nothing
    assert _unread(forum.author) == 1


def test_a_staff_reply_names_the_line_and_read_lines_start_new_ones(client, auth, forum):
    posts.reply(forum.member, forum.thread, "Vielleicht Neustart?")
    posts.reply(forum.staff, forum.thread, "Wir prüfen die Leitung.")
    assert _events(forum.author) == [("staff-reply", 2)]
    auth.login(forum.author)
    line = _lines(forum.author)[0]
    answer = client.get(f"/notifications/{line.id}")
    assert answer.status_code == 302 and "#p" in answer.headers["Location"]
    assert _unread(forum.author) == 0
    posts.reply(forum.member, forum.thread, "Danke!")
    assert _events(forum.author) == [("staff-reply", 2), ("reply", 1)]


def test_muted_threads_tell_nothing_and_stay_muted(forum):
    follows.set_thread_state(forum.author, forum.thread, follows.MUTED)
    posts.reply(forum.member, forum.thread, "Antwort")
    posts.reply(forum.author, forum.thread, "Ich schreibe trotzdem")  # does not follow again
    posts.reply(forum.member, forum.thread, "Noch eine")
    assert _events(forum.author) == []


def test_board_followers_hear_of_new_threads_they_may_read(forum):
    customers = make_board("Kundenbereich", slug="kunden", visibility=Visibility.CUSTOMERS)
    for person in (forum.member, forum.customer):
        follows.set_board_followed(person, forum.board, True)
    follows.set_board_followed(forum.customer, customers, True)
    make_thread(forum.board, forum.author, "Neue Frage zum Router")
    make_thread(customers, forum.staff, "Nur für Kunden")
    assert _events(forum.member) == [("new-thread", 1)]
    assert [(e, c) for e, c in _events(forum.customer)] == [("new-thread", 1), ("new-thread", 1)]


def test_mentions_notify_only_those_who_may_read(forum):
    internal = make_board("Intern", slug="intern", visibility=Visibility.STAFF)
    secret = make_thread(internal, forum.staff, "Interna", "Start")
    posts.reply(forum.staff, secret, "Hallo @mitglied und @moderatorin und @verwalter")
    posts.reply(forum.author, forum.thread, "Was meinst du, @mitglied?")
    assert _events(forum.member) == [("mention", 1)]  # the public one only
    assert _events(forum.admin) == [("mention", 1)]
    assert _events(forum.moderator) == []  # moderators cannot read staff boards
    line = _lines(forum.member)[0]
    assert line.thread_id == forum.thread.id


def test_a_thread_moved_to_customers_only_tells_only_those_who_may_read_it(forum):
    customers = make_board("Kundenbereich", slug="kunden", visibility=Visibility.CUSTOMERS)
    posts.reply(forum.member, forum.thread, "Ich folge")
    posts.reply(forum.customer, forum.thread, "Ich auch")
    _lines(forum.member)
    moderation.move(forum.moderator, forum.thread, customers)
    before = len(_lines(forum.member))
    posts.reply(forum.staff, forum.thread, "Antwort nach dem Umzug")
    assert len(_lines(forum.member)) == before  # may no longer read it
    assert _events(forum.customer)[-1] == ("staff-reply", 1)


def test_the_bell_page_hides_threads_that_moved_out_of_reach(client, auth, forum):
    customers = make_board("Kundenbereich", slug="kunden", visibility=Visibility.CUSTOMERS)
    posts.reply(forum.member, forum.thread, "Ich folge")
    posts.reply(forum.author, forum.thread, "Antwort für das Mitglied")
    _lines(forum.member)
    moderation.move(forum.moderator, forum.thread, customers)
    auth.login(forum.member)
    page = client.get("/notifications").text
    assert "Router blinkt rot" not in page and "keinen Zugriff mehr" in page
    line = _lines(forum.member)[0]
    assert client.get(f"/notifications/{line.id}").headers["Location"] == "/notifications"


def test_solutions_and_case_managers(forum):
    posts.reply(forum.member, forum.thread, "Ich habe das auch")
    answer = posts.reply(forum.staff, forum.thread, "Router zurücksetzen")
    support.mark_solution(forum.author, forum.thread, answer)
    assert ("solution", 1) in _events(forum.member)
    assert ("solution", 1) not in _events(forum.author)  # marked it themselves
    staff_services.assign_case(forum.admin, forum.thread, forum.staff)
    assert _events(forum.author)[-1] == ("case-manager", 1)
    assert _events(forum.staff)[-1] == ("case-manager", 1)


def test_moderation_on_my_post_and_handled_reports(client, auth, forum):
    reply = posts.reply(forum.member, forum.thread, "Kauft bei billig.example")
    auth.login(forum.customer)
    client.post(f"/p/{reply.id}/report", data={"reason": "spam"})
    auth.logout()
    auth.login(forum.moderator)
    client.post(f"/moderation/reports/{reply.id}", data={"decision": "hide", "reason": "spam"})
    member_lines = [line for line in _lines(forum.member) if line.event == "moderation"]
    assert [(line.action, "Spam" in line.detail) for line in member_lines] == [("post.hide", True)]
    assert [(line.event, line.action) for line in _lines(forum.customer)] == [("report", "hidden")]
    auth.logout()
    auth.login(forum.customer)
    assert "Der Beitrag ist ausgeblendet" in client.get("/notifications").text


def test_nobody_is_told_about_their_own_moderation(forum):
    own = posts.reply(forum.moderator, forum.thread, "Eigener Beitrag")
    moderation.hide_post(forum.moderator, own, "Versehen")
    assert [line for line in _lines(forum.moderator) if line.event == "moderation"] == []


def test_held_posts_notify_only_once_approved(client, auth, forum):
    newcomer = make_user("neuling")
    reply = posts.reply(newcomer, forum.thread, "Siehe https://example.com/angebot")
    assert _events(forum.author) == []
    auth.login(forum.moderator)
    client.post(f"/p/{reply.id}/approve", data={})
    assert _events(forum.author) == [("reply", 1)]


@pytest.mark.parametrize("role", ["member", "moderator"])
def test_notifications_are_private(client, auth, forum, role):
    posts.reply(forum.member, forum.thread, "Antwort")
    line = _lines(forum.author)[0]
    auth.login(getattr(forum, role))
    assert client.get(f"/notifications/{line.id}").status_code == 404
    assert "Router blinkt rot" not in client.get("/notifications").text


def test_follow_buttons(client, auth, forum):
    auth.login(forum.member)
    thread_url = f"/t/{forum.thread.id}-{forum.thread.slug}"
    assert "Folgen" in client.get(thread_url).text
    client.post(f"/t/{forum.thread.id}/follow", data={"state": "following"})
    assert "Sie folgen diesem Thema" in client.get(thread_url).text
    assert client.post(f"/t/{forum.thread.id}/follow", data={"state": "x"}).status_code == 400
    client.post(f"/b/{forum.board.slug}/follow", data={"followed": "1"})
    assert "Bereich nicht mehr folgen" in client.get(f"/b/{forum.board.slug}").text
    auth.logout()
    assert (
        client.post(f"/t/{forum.thread.id}/follow", data={"state": "following"}).status_code == 302
    )
    assert "Folgen" not in client.get(thread_url).text  # guests have no button


def test_a_purge_recounts_the_bells(client, auth, forum):
    posts.reply(forum.member, forum.thread, "Antwort")
    _lines(forum.author)  # the fan-out runs
    assert _unread(forum.author) == 1
    moderation_thread = forum.thread
    from forum.moderation import trash

    trash.delete_thread(forum.moderator, moderation_thread, "Spam")
    told = [line for line in _lines(forum.author) if line.event == "moderation"]
    assert "Router blinkt rot" in told[0].detail and "Spam" in told[0].detail  # their title
    assert _unread(forum.author) == 2
    trash.purge(forum.admin, db.session.merge(moderation_thread), "Spam")
    assert _unread(forum.author) == 1  # the reply line went with the thread


def test_two_drainers_never_take_the_same_task(forum):
    """Several web processes drain the outbox: what one read, the other may have taken
    meanwhile; each notification is made once."""
    from forum.notifications import events as notification_events

    posts.reply(forum.member, forum.thread, "Antwort")
    read_by_one = outbox.due(notification_events.KINDS, 50)
    read_by_other = outbox.due(notification_events.KINDS, 50)  # the same tasks
    assert read_by_one and [t.id for t in read_by_one] == [t.id for t in read_by_other]
    assert outbox.claim(read_by_one) == read_by_one
    assert outbox.claim(read_by_other) == []
    assert outbox.due(notification_events.KINDS, 50) == []  # leased to the first
