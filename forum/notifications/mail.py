"""E-mail about notifications: at once, in a daily digest, or not at all, per person
and event. Mails leave through the outbox after the commit: a slow or refusing
mail server delays mail (retried with growing pauses, shown to admins) but never
a post. In development and tests mails are written to a folder instead."""

import contextlib
import logging
import secrets
import smtplib
from datetime import UTC, datetime, time, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import delete, func, select

from .. import outbox
from ..extensions import db
from ..models import (
    DEFAULT_MAIL_MODES,
    Event,
    MailMode,
    MailPreference,
    Notification,
    OutboxTask,
    User,
    utcnow,
)
from .queries import readable_thread
from .texts import describe, objection_path

log = logging.getLogger(__name__)

NOTIFICATION = "mail.notification"  # target: a notification
DIGEST = "mail.digest"  # target: a user
DIGEST_RUN = "mail.digest-run"  # once a day: queues the digests that are due


def modes(user: User) -> dict[Event, MailMode]:
    chosen = {
        row.event: row.mode
        for row in db.session.scalars(
            select(MailPreference).where(MailPreference.user_id == user.id)
        )
    }
    return {
        event: MailMode(chosen.get(event.value, default))
        for event, default in DEFAULT_MAIL_MODES.items()
    }


def set_modes(user: User, choices: dict[Event, MailMode]) -> None:
    for event, mode in choices.items():
        row = db.session.get(MailPreference, (user.id, event.value))
        if row is None:
            db.session.add(MailPreference(user_id=user.id, event=event.value, mode=mode.value))
        else:
            row.mode = mode.value
    db.session.commit()


def queue(user: User, line: Notification) -> None:
    """Called for a new notification line, in the fan-out's transaction."""
    if modes(user)[Event(line.event)] == MailMode.IMMEDIATELY:
        outbox.record(NOTIFICATION, line.id)


# Unsubscribe links: signed, so that one click from the mail is enough and nobody can
# change another person's settings.
def _signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="mail-unsubscribe")


# Long headers are not folded (up to RFC 5322's 998): a folded List-Unsubscribe URL
# would be encoded, and mail programs could not use it.
MAIL_POLICY = policy.SMTP.clone(max_line_length=998)

DIGEST_LINK = "digest"  # an unsubscribe link in a digest stops the digest


def unsubscribe_token(user: User, event: Event | None) -> str:
    return _signer().dumps({"u": user.id, "e": event.value if event else DIGEST_LINK})


def read_unsubscribe_token(token: str) -> tuple[User, Event | None] | None:
    """The person and the event the link stops (None: the daily digest)."""
    try:
        data = _signer().loads(token)
        user = db.session.get(User, int(data["u"]))
        event = None if data["e"] == DIGEST_LINK else Event(data["e"])
    except (BadSignature, KeyError, TypeError, ValueError):
        return None
    return (user, event) if user is not None else None


def unsubscribe(user: User, event: Event | None) -> None:
    """No more mail for the event; for the digest, every event that went into it."""
    if event is not None:
        set_modes(user, {event: MailMode.OFF})
        return
    set_modes(user, {e: MailMode.OFF for e, mode in modes(user).items() if mode == MailMode.DIGEST})


def run_batch() -> int:
    """Sends due mails one by one; a failed one waits and is tried again later
    without holding up the others."""
    _schedule_digest_run()
    found = outbox.due(tuple(SENDERS), 20)
    for task in outbox.claim(found):  # each mail is sent by one process only
        try:
            SENDERS[task.kind](task)
        except Exception as error:
            db.session.rollback()
            log.warning(
                "sending mail (%s %s) failed: %r; retried later", task.kind, task.target_id, error
            )
            outbox.postpone([task], repr(error))
            continue
        outbox.finish([task])
    return len(found)


def base_url() -> str:
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/")


def _send_notification(task) -> None:
    line = db.session.get(Notification, task.target_id)
    if line is None or line.read_at is not None or line.mailed_at is not None:
        return  # read in the forum already, or gone with its thread
    user = db.session.get(User, line.user_id)
    if not _may_mail(user) or not _still_readable(user, line):
        return
    unsubscribe = _unsubscribe_url(user, Event(line.event))
    objection = objection_path(line)
    with force_locale(user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
        text = describe(line)
        body = render(
            "mail/notification.txt",
            user=user,
            text=text,
            link=f"{base_url()}/notifications/{line.id}",
            objection=f"{base_url()}{objection}" if objection else None,
            settings=f"{base_url()}/account/notifications",
            unsubscribe=unsubscribe,
        )
        deliver(user.email, f"[{current_app.config['FORUM_TITLE']}] {text}", body, unsubscribe)
    line.mailed_at = utcnow()


def _may_mail(user: User | None) -> bool:
    """No notification mail to an address nobody confirmed: a typo or someone else's
    address must not receive the forum's mail."""
    return (
        user is not None
        and not user.is_banned
        and user.deleted_at is None
        and user.email_confirmed_at is not None
    )


def _still_readable(user: User, line: Notification) -> bool:
    """Mail goes out later than the notification was made: a thread that has moved
    out of the person's reach since is not named in it."""
    return line.thread_id is None or readable_thread(user, line) is not None


def render(name: str, **context) -> str:
    """Mail is written outside any request (by the drainer or the worker): the
    template gets what it is given, not the page context processors."""
    return current_app.jinja_env.get_template(name).render(**context)


def _unsubscribe_url(user: User, event: Event | None) -> str:
    return f"{base_url()}/mail/unsubscribe/{unsubscribe_token(user, event)}"


def _schedule_digest_run() -> None:
    """Keeps one daily digest run waiting in the outbox (two processes may briefly add
    one each; a second run finds nothing left to send)."""
    if db.session.scalar(select(OutboxTask.id).where(OutboxTask.kind == DIGEST_RUN)) is None:
        outbox.record(DIGEST_RUN, 0, due_at=next_digest_time(utcnow()))
        db.session.commit()


def next_digest_time(now: datetime) -> datetime:
    """The next MAIL_DIGEST_HOUR o'clock in the forum's time zone."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    local = now.astimezone(zone)
    at = datetime.combine(local.date(), time(current_app.config["MAIL_DIGEST_HOUR"]), zone)
    if at <= local:
        at = datetime.combine(local.date() + timedelta(days=1), at.timetz())
    return at.astimezone(UTC)


def _queue_digests(task) -> None:
    """Everyone with unread, unmailed notifications gets a digest task (which sends
    those they chose to receive as a digest), and tomorrow's run is planned."""
    for user_id in set(db.session.scalars(_digest_lines_stmt())):
        outbox.record(DIGEST, user_id)
    # Two processes may once have planned a run each: one chain goes on.
    db.session.execute(
        delete(OutboxTask).where(OutboxTask.kind == DIGEST_RUN, OutboxTask.id != task.id)
    )
    outbox.record(DIGEST_RUN, 0, due_at=next_digest_time(utcnow() + timedelta(minutes=1)))
    db.session.flush()


def _digest_lines_stmt(user_id: int | None = None):
    stmt = select(Notification.user_id if user_id is None else Notification).where(
        Notification.read_at.is_(None), Notification.mailed_at.is_(None)
    )
    return stmt if user_id is None else stmt.where(Notification.user_id == user_id)


def _send_digest(task) -> None:
    user = db.session.get(User, task.target_id)
    if not _may_mail(user):
        return
    chosen = modes(user)
    lines = [
        line
        for line in db.session.scalars(
            _digest_lines_stmt(user.id).order_by(Notification.updated_at)
        )
        if chosen[Event(line.event)] == MailMode.DIGEST and _still_readable(user, line)
    ]
    if not lines:
        return
    with force_locale(user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
        items = [(describe(line), f"{base_url()}/notifications/{line.id}") for line in lines]
        unsubscribe = _unsubscribe_url(user, None)
        body = render(
            "mail/digest.txt",
            user=user,
            items=items,
            settings=f"{base_url()}/account/notifications",
            unsubscribe=unsubscribe,
        )
        deliver(
            user.email,
            _("[%(forum)s] What happened today", forum=current_app.config["FORUM_TITLE"]),
            body,
            unsubscribe,
        )
    now = utcnow()
    for line in lines:
        line.mailed_at = now


def deliver(address: str, subject: str, body: str, unsubscribe: str | None = None) -> None:
    """Sends one mail now (callers run in the outbox drainer, never in a request).
    Mails about an account (reset, confirmation) have no unsubscribe link."""
    config = current_app.config
    message = EmailMessage(policy=MAIL_POLICY)
    message["Subject"] = " ".join(subject.split())  # a title's line break is no header
    message["From"] = config["MAIL_SENDER"]
    message["To"] = address
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=config["MAIL_SENDER"].rpartition("@")[2] or None)
    if unsubscribe:
        message["List-Unsubscribe"] = f"<{unsubscribe}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(body)
    if config["MAIL_BACKEND"] == "folder":
        folder = Path(config["MAIL_FOLDER"])
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{utcnow():%Y%m%d-%H%M%S-%f}-{secrets.token_hex(4)}.eml"
        (folder / name).write_bytes(bytes(message))
        return
    smtp = smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=config["MAIL_TIMEOUT"])
    try:
        if config["MAIL_STARTTLS"]:
            smtp.starttls()
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message)
    finally:
        # The mail was accepted (or refused) before QUIT: a failing QUIT must not
        # make it look unsent, which would send it twice.
        with contextlib.suppress(OSError, smtplib.SMTPException):
            smtp.quit()


SENDERS = {NOTIFICATION: _send_notification, DIGEST: _send_digest, DIGEST_RUN: _queue_digests}


def register_sender(kind: str, send) -> None:
    """Other capabilities send their mails (account mails) through the same queue."""
    SENDERS[kind] = send


def mail_kinds() -> list[str]:
    """Outbox kinds that each send a mail (the daily run only plans them)."""
    return [kind for kind in SENDERS if kind != DIGEST_RUN]


def _failed():
    return (OutboxTask.kind.in_(mail_kinds()), OutboxTask.attempts > 0)


def failing_summary() -> tuple[int, datetime | None]:
    """How many mails could not be sent yet, and since when the oldest waits."""
    return tuple(
        db.session.execute(
            select(func.count(OutboxTask.id), func.min(OutboxTask.created_at)).where(*_failed())
        ).one()
    )


def failing() -> list:
    """Mails that could not be sent yet, for the admins."""
    return list(
        db.session.execute(
            select(
                OutboxTask.id,
                OutboxTask.kind,
                OutboxTask.target_id,
                OutboxTask.attempts,
                OutboxTask.due_at,
                OutboxTask.last_error,
            )
            .where(*_failed())
            .order_by(OutboxTask.id)
            .limit(100)
        )
    )
