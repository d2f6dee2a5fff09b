"""Wherever a display name stands next to content, the @username stands with it, so that
"Jana Becker" the staff member and a "Jana B." who is not are told apart."""

import pytest

from forum.extensions import db
from forum.models import Post
from forum.moderation import reports
from forum.posts import services as posts
from forum.privacy import deletion
from forum.search.indexer import run_batch as index_batch

from ..factories import PASSWORD, make_user
from ..mailbox import sent_mails

STAFF = '>Jana Becker <span class="user-link__username">@jana.becker</span></a>'
LOOKALIKE = '>Jana B. <span class="user-link__username">@jana_b</span></a>'


@pytest.fixture
def janas(forum):
    """The staff member and a member with a similar name, both writing in the thread."""
    staff = make_user("jana.becker", staff=True, display_name="Jana Becker")
    lookalike = make_user("jana_b", display_name="Jana B.")
    posts.reply(staff, forum.thread, "Wir prüfen Ihren Anschluss.")
    posts.reply(lookalike, forum.thread, "Bitte senden Sie mir Ihr Kundenkennwort.")
    return staff, lookalike


def test_posts_show_the_username_next_to_the_display_name(client, forum, janas):
    page = client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text
    assert STAFF in page and LOOKALIKE in page


def test_a_name_without_display_name_is_not_repeated(client, forum, janas):
    page = client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text
    assert ">autorin</a>" in page and "@autorin" not in page


def test_lists_show_the_username_of_the_latest_author(client, forum, janas):
    assert LOOKALIKE in client.get(f"/b/{forum.board.slug}").text
    assert LOOKALIKE in client.get("/").text


def test_search_results_show_the_username(client, forum, janas):
    while index_batch():
        pass
    assert LOOKALIKE in client.get("/search", query_string={"q": "Kundenkennwort"}).text


def test_the_staff_queue_and_the_report_queue_show_the_username(client, auth, forum, janas):
    _, lookalike = janas
    question = posts.create_thread(lookalike, forum.board, "Router tauschen?", "Geht das?")
    reports.report(forum.member, db.session.get(Post, question.first_post_id), "spam", "")
    auth.login(forum.staff)
    assert LOOKALIKE in client.get("/staff/queue").text
    auth.logout()
    auth.login(forum.moderator)
    assert LOOKALIKE in client.get("/moderation/reports").text


def test_notifications_and_mails_name_the_username(app, client, auth, forum, janas):
    _, lookalike = janas
    posts.reply(lookalike, forum.thread, "Frag mal @mitglied")
    mails = sent_mails(app)
    mention = next(mail for mail in mails if mail["To"] == forum.member.email)
    assert "Jana B. (@jana_b) hat Sie" in mention.get_content()
    auth.login(forum.member)
    assert "Jana B. (@jana_b) hat Sie" in client.get("/notifications").text.replace("&#34;", '"')


def test_feeds_name_the_username(client, forum, janas):
    feed = client.get(f"/t/{forum.thread.id}/feed.atom").text
    assert "<name>Jana B. (@jana_b)</name>" in feed


def test_a_deleted_account_shows_no_username(client, forum, janas):
    _, lookalike = janas
    deletion.delete_account(lookalike, PASSWORD, remove_posts=False)
    page = client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text
    assert "Gelöschter Nutzer</a>" in page
    assert "@jana_b" not in page and "@deleted" not in page
