"""E-mail: at once or in a digest, a signed one-click unsubscribe link, and a mail
server that refuses or is down never costs a post or a mail."""

import socket
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from forum import outbox
from forum.extensions import db
from forum.models import AuditEntry, MailMode, MailPreference, Notification, OutboxTask, utcnow
from forum.notifications import mail
from forum.posts import services as posts

from ..mailbox import sent_mails


def test_a_staff_reply_is_mailed_at_once_with_links(app, forum):
    posts.reply(forum.staff, forum.thread, "Wir prüfen Ihre Leitung.")
    [message] = sent_mails(app)
    assert message["To"] == forum.author.email
    assert "Router blinkt rot nach Gewitter" in message["Subject"]
    body = message.get_content()
    line = db.session.scalars(select(Notification)).one()
    assert f"/notifications/{line.id}" in body and "Hallo autorin" in body
    raw = next(Path(app.config["MAIL_FOLDER"]).iterdir()).read_bytes()
    assert b"List-Unsubscribe: <http" in raw  # a plain URL, not an encoded word
    unsubscribe = message["List-Unsubscribe"].strip("<>")
    assert "/mail/unsubscribe/" in unsubscribe and unsubscribe in body
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert line.mailed_at is not None


def test_plain_replies_wait_for_the_daily_digest(app, client, forum):
    posts.reply(forum.member, forum.thread, "Erste Idee")
    posts.reply(forum.customer, forum.thread, "Zweite Idee")
    assert sent_mails(app) == []  # replies go into the digest by default
    run = db.session.scalars(select(OutboxTask).where(OutboxTask.kind == mail.DIGEST_RUN)).one()
    assert run.due_at > utcnow()  # planned for the next digest hour
    run.due_at = utcnow()
    db.session.commit()
    digests = {message["To"]: message for message in sent_mails(app)}
    assert set(digests) == {forum.author.email, forum.member.email}  # the member follows too
    digest = digests[forum.author.email]
    assert "Was heute passiert ist" in digest["Subject"]
    assert "2 neue Antworten in »Router blinkt rot nach Gewitter«" in digest.get_content()
    tomorrow = db.session.scalars(
        select(OutboxTask).where(OutboxTask.kind == mail.DIGEST_RUN)
    ).one()
    tomorrow.due_at = utcnow()
    db.session.commit()
    assert len(sent_mails(app)) == 2  # nothing new: no second digest
    link = digest["List-Unsubscribe"].strip("<>")
    assert link in digest.get_content()
    assert client.post(link[link.index("/mail/") :]).status_code == 200
    chosen = mail.modes(forum.author)
    assert chosen[mail.Event.REPLY] == MailMode.OFF  # was in the digest
    assert chosen[mail.Event.STAFF_REPLY] == MailMode.IMMEDIATELY  # was not


def test_one_click_unsubscribe(app, client, forum):
    posts.reply(forum.staff, forum.thread, "Antwort")
    [message] = sent_mails(app)
    link = message["List-Unsubscribe"].strip("<>")
    path = link[link.index("/mail/") :]
    page = client.get(path)
    assert page.status_code == 200 and "abbestellen" in page.text
    assert (
        client.post(path).status_code == 200
    )  # no session, no CSRF token: the signature is enough
    row = db.session.get(MailPreference, (forum.author.id, "staff-reply"))
    assert row.mode == MailMode.OFF
    posts.reply(forum.staff, forum.thread, "Noch eine Antwort")
    assert len(sent_mails(app)) == 1


@pytest.mark.parametrize("token", ["kaputt", "eyJ1IjoxLCJlIjoicmVwbHkifQ.falsch"])
def test_a_tampered_unsubscribe_link_changes_nothing(client, forum, token):
    assert client.post(f"/mail/unsubscribe/{token}").status_code == 400
    assert db.session.scalars(select(MailPreference)).all() == []


def test_settings_page(client, auth, forum):
    assert client.get("/account/notifications").status_code == 302  # log in first
    auth.login(forum.author)
    page = client.get("/account/notifications").text
    assert "Antworten von Mitarbeitern" in page
    data = {f"mode_{event}": "off" for event in ("reply", "staff_reply", "new_thread", "mention")}
    data |= {
        f"mode_{e}": "immediately"
        for e in ("solution", "case_manager", "moderation", "report", "incident")
    }
    assert client.post("/account/notifications", data=data).status_code == 302
    assert mail.modes(forum.author)[mail.Event.STAFF_REPLY] == MailMode.OFF
    data["mode_reply"] = "sometimes"
    assert (
        client.post("/account/notifications", data=data).status_code == 200
    )  # refused, shown again


class FlakyServer:
    """An SMTP server on localhost that refuses mail until told to accept it."""

    def __init__(self):
        self.accepting = False
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        if not self.accepting:
            return "451 Try again later"
        self.received.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp(app):
    handler = FlakyServer()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    app.config.update(MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    yield handler
    controller.stop()


def _mail_task():
    return db.session.scalars(select(OutboxTask).where(OutboxTask.kind == mail.NOTIFICATION)).one()


def test_a_refusing_server_delays_mail_and_nothing_is_lost(client, auth, forum, smtp):
    auth.login(forum.staff)
    answer = client.post(f"/t/{forum.thread.id}/reply", data={"body": "Wir kümmern uns."})
    assert answer.status_code == 302  # the post is there, whatever the mail server does
    task = _mail_task()
    assert task.attempts == 1 and "451" in task.last_error and task.due_at > utcnow()
    auth.logout()
    auth.login(forum.admin)
    status = client.get("/admin/mail").text
    assert "451" in status and "mail.notification" in status
    smtp.accepting = True
    assert client.post(f"/admin/mail/{task.id}/retry").status_code == 302  # not wait an hour
    assert len(smtp.received) == 1 and smtp.received[0].rcpt_tos == [forum.author.email]
    assert (
        db.session.scalars(select(OutboxTask).where(OutboxTask.kind == mail.NOTIFICATION)).all()
        == []
    )
    assert "Keine fehlgeschlagenen E-Mails" in client.get("/admin/mail").text


def test_an_admin_gives_up_a_mail_the_server_refuses(client, auth, forum, smtp):
    auth.login(forum.staff)
    client.post(f"/t/{forum.thread.id}/reply", data={"body": "Wir kümmern uns."})
    task = _mail_task()
    for person in (forum.staff, forum.moderator):
        auth.logout()
        auth.login(person)
        assert client.post(f"/admin/mail/{task.id}/discard").status_code == 404
        assert client.post(f"/admin/mail/{task.id}/retry").status_code == 404
    auth.logout()
    auth.login(forum.admin)
    response = client.post(
        f"/admin/mail/{task.id}/discard", data={"reason": "Adresse gibt es nicht"}
    )
    assert response.status_code == 302
    assert db.session.get(OutboxTask, task.id) is None
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "mail.discard")).one()
    assert entry.reason == "Adresse gibt es nicht" and "451" in entry.before
    smtp.accepting = True
    outbox.drain()
    assert smtp.received == []


def test_a_server_that_is_down_never_blocks_a_post(app, client, auth, forum):
    with socket.socket() as probe:  # a port where nobody listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app.config.update(MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    auth.login(forum.staff)
    assert client.post(f"/t/{forum.thread.id}/reply", data={"body": "Antwort"}).status_code == 302
    task = _mail_task()
    assert task.attempts == 1 and "refused" in task.last_error.lower()


@pytest.mark.parametrize("role", ["member", "staff", "moderator"])
def test_only_admins_see_mail_delivery(client, auth, forum, role):
    auth.login(getattr(forum, role))
    assert client.get("/admin/mail").status_code == 404


def _run_digest_now():
    run = db.session.scalars(select(OutboxTask).where(OutboxTask.kind == mail.DIGEST_RUN)).one()
    run.due_at = utcnow()
    db.session.commit()


def test_a_reply_then_a_staff_reply_still_mails_the_staff_reply(app, forum):
    posts.reply(forum.member, forum.thread, "Vielleicht hilft ein Neustart")
    assert sent_mails(app) == []  # a plain reply waits for the digest
    posts.reply(forum.staff, forum.thread, "Wir prüfen die Leitung")
    to_author = [m for m in sent_mails(app) if m["To"] == forum.author.email]
    assert len(to_author) == 1 and "Mitarbeiter" in to_author[0]["Subject"]


def test_a_line_break_in_a_reason_does_not_stop_the_mail(app, client, auth, forum):
    auth.login(forum.moderator)
    client.post(f"/t/{forum.thread.id}/lock", data={"reason": "Doppelt.\r\nSiehe FAQ"})
    [message] = sent_mails(app)
    assert "\n" not in message["Subject"] and "Siehe FAQ" in message["Subject"]
    assert db.session.scalars(select(OutboxTask).where(OutboxTask.attempts > 0)).all() == []


def test_a_thread_out_of_reach_is_not_named_in_the_digest(app, forum):
    from forum.models import Visibility
    from forum.moderation import services as moderation
    from tests.factories import make_board

    internal = make_board("Intern", slug="intern", visibility=Visibility.STAFF)
    posts.reply(forum.member, forum.thread, "Ich folge")
    posts.reply(forum.customer, forum.thread, "Antwort")
    outbox.drain()
    moderation.move(forum.admin, forum.thread, internal)
    _run_digest_now()
    mails = sent_mails(app)
    assert forum.member.email not in {message["To"] for message in mails}
    # The author hears that the thread was moved, but not where or under which title.
    assert [m["Subject"] for m in mails] == [
        "[Kundenforum] Die Moderation hat Ihr Thema verschoben"
    ]
    assert all("Router blinkt rot" not in m.get_content() for m in mails)
