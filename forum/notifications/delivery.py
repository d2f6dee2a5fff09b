"""The fan-out: from an event to the notifications of the people it concerns.

Runs after the commit, from the outbox. Every recipient is loaded afresh and
checked with the access policy at this moment, so a thread that moved to a
customers-only board since tells only those who may read it there."""

import json

from sqlalchemy import select, update
from sqlalchemy.orm import joinedload

from .. import outbox
from ..access import Permission, can
from ..extensions import db
from ..models import (
    ACTIVITY,
    AuditEntry,
    Event,
    IncidentFollower,
    IncidentUpdate,
    Notification,
    Post,
    Report,
    Thread,
    ThreadAffected,
    User,
    utcnow,
)
from ..posts.markdown import mentioned_accounts
from . import events, follows, mail

BATCH = 50


def run_batch() -> int:
    found = outbox.due(events.KINDS, BATCH)
    if not found:
        return 0
    tasks = outbox.claim(found)  # another process may have taken some
    if not tasks:
        return len(found)
    try:
        for task in tasks:
            HANDLERS[task.kind](task)
        db.session.flush()
    except Exception as error:
        db.session.rollback()
        outbox.postpone(tasks, repr(error))
        raise
    outbox.finish(tasks)  # commits the notifications with the tasks' end
    return len(tasks)


def _users(ids) -> dict[int, User]:
    ids = [user_id for user_id in ids if user_id is not None]
    if not ids:
        return {}
    return {user.id: user for user in db.session.scalars(select(User).where(User.id.in_(ids)))}


def _thread(thread_id: int) -> Thread | None:
    return db.session.scalar(
        select(Thread).where(Thread.id == thread_id).options(joinedload(Thread.board))
    )


def notify(user: User, event: Event, thread=None, post=None, actor_id=None, **extra) -> None:
    """Adds the event to the person's unread line for the same thread and kind, or
    starts a new line (which is what the bell counts and what mail is sent for)."""
    bundle = "activity" if event in ACTIVITY else event.value
    now = utcnow()
    line = None
    if thread is not None:
        line = db.session.scalar(
            select(Notification).where(
                Notification.user_id == user.id,
                Notification.thread_id == thread.id,
                Notification.bundle == bundle,
                Notification.read_at.is_(None),
            )
        )
    if line is not None:
        line.count += 1
        line.updated_at = now
        line.post_id = post.id if post is not None else line.post_id
        line.actor_id = actor_id
        if event == Event.STAFF_REPLY and line.event != event.value:
            line.event = event.value  # the more important kind names the line
            if line.mailed_at is None:  # and may want the mail a plain reply did not
                mail.queue(user, line)
        return
    line = Notification(
        user_id=user.id,
        event=event.value,
        bundle=bundle,
        thread_id=thread.id if thread is not None else None,
        post_id=post.id if post is not None else None,
        actor_id=actor_id,
        created_at=now,
        updated_at=now,
        **extra,
    )
    db.session.add(line)
    db.session.flush()
    db.session.execute(
        update(User)
        .where(User.id == user.id)
        .values(unread_notifications=User.unread_notifications + 1)
    )
    mail.queue(user, line)


def _reads(user: User, thread: Thread, post: Post | None = None) -> bool:
    if not can(user, Permission.THREAD_READ, thread):
        return False
    return post is None or can(user, Permission.POST_READ, post)


def _post_published(task) -> None:
    post = db.session.scalar(
        select(Post)
        .where(Post.id == task.target_id)
        .options(joinedload(Post.author), joinedload(Post.thread).joinedload(Thread.board))
    )
    if post is None or post.is_pending or post.is_hidden:
        return
    thread = post.thread
    starts_thread = post.id == thread.first_post_id
    mentioned = _mentioned(post)
    followers = follows.followers(thread, since=post.created_at)
    board_followers = (
        follows.board_followers(thread.board_id, since=post.created_at) if starts_thread else set()
    )
    muted = follows.muters(thread)
    candidates = (followers | board_followers | set(mentioned)) - muted - {post.author_id}
    for user in _users(candidates).values():
        if not _reads(user, thread, post):
            continue  # e.g. mentioned in a thread they may not read
        if user.id in mentioned:
            event = Event.MENTION
        elif user.id in followers:
            event = Event.STAFF_REPLY if post.author.is_staff else Event.REPLY
        else:
            event = Event.NEW_THREAD
        notify(user, event, thread, post, post.author_id)


def _mentioned(post: Post) -> set[int]:
    names = set(mentioned_accounts(post.body_html).values())
    if not names:
        return set()
    stmt = select(User.id).where(User.username.in_(names))
    return set(db.session.scalars(stmt))


def _solution_marked(task) -> None:
    thread = _thread(task.target_id)
    if thread is None or thread.solution is None:
        return
    solution = thread.solution
    recipients = follows.followers(thread) - {task.actor_id}
    for user in _users(recipients).values():
        if _reads(user, thread, solution):
            notify(user, Event.SOLUTION, thread, solution, task.actor_id)


def _case_manager_assigned(task) -> None:
    thread = _thread(task.target_id)
    if thread is None or thread.case_manager_id is None:
        return
    recipients = {thread.author_id, thread.case_manager_id} - {task.actor_id}
    for user in _users(recipients).values():
        if _reads(user, thread):
            notify(user, Event.CASE_MANAGER, thread, actor_id=thread.case_manager_id)


def _moderation(task) -> None:
    """The author hears what happened to their post or thread, with the reason, even
    where they can no longer open it (a hidden or deleted thread of their own)."""
    entry = db.session.get(AuditEntry, task.target_id)
    if entry is None:
        return
    before = json.loads(entry.before) if entry.before and entry.before.startswith("{") else {}
    if entry.target_type == "post":
        post = db.session.get(Post, entry.target_id)
        thread = post.thread if post is not None else None
        author_id = post.author_id if post is not None else before.get("author_id")
    else:
        post, thread = None, _thread(entry.target_id)
        author_id = thread.author_id if thread is not None else before.get("author_id")
    user = _users([author_id]).get(author_id)
    if user is None or user.id == entry.actor_id:
        return
    shown_thread = thread if thread is not None and _reads(user, thread) else None
    # Their own title, also of a thread hidden or deleted from them; not where it
    # moved out of their reach (it may carry a new title they must not read).
    if thread is None:
        title = before.get("title")
    elif shown_thread is not None or thread.is_hidden or thread.is_deleted:
        title = thread.title
    else:
        title = None
    notify(
        user,
        Event.MODERATION,
        shown_thread,
        post if shown_thread is not None and post is not None and not post.is_hidden else None,
        entry.actor_id,
        action=entry.action,
        detail=_shorten(" · ".join(part for part in (title, entry.reason) if part)),
    )


def _reports_closed(task) -> None:
    post = db.session.get(Post, task.target_id)
    if post is None:
        return
    reports = list(
        db.session.scalars(
            select(Report).where(
                Report.post_id == post.id,
                Report.resolved_at.is_not(None),
                Report.notified_at.is_(None),
            )
        )
    )
    users = _users({report.reporter_id for report in reports})
    for report in reports:
        report.notified_at = utcnow()
        user = users.get(report.reporter_id)
        if user is None:
            continue
        thread = post.thread if _reads(user, post.thread) else None
        notify(user, Event.REPORT, thread, action=report.resolution)


def _incident_updated(task) -> None:
    """Followers hear of every update; at the end also everyone who said "same
    problem" on a thread linked to the incident, and those threads' authors. The
    incident is public: what they are told names nothing else."""
    update = db.session.get(IncidentUpdate, task.target_id)
    if update is None:
        return
    incident = update.incident
    recipients = set(
        db.session.scalars(
            select(IncidentFollower.user_id).where(IncidentFollower.incident_id == incident.id)
        )
    )
    if update.resolves:
        linked = select(Thread.id).where(Thread.incident_id == incident.id)
        recipients |= set(
            db.session.scalars(
                select(ThreadAffected.user_id).where(ThreadAffected.thread_id.in_(linked))
            )
        )
        recipients |= set(
            db.session.scalars(select(Thread.author_id).where(Thread.incident_id == incident.id))
        )
    for user in _users(recipients - {task.actor_id}).values():
        if user.is_banned:
            continue
        notify(
            user,
            Event.INCIDENT,
            actor_id=task.actor_id,
            incident_id=incident.id,
            action="resolved" if update.resolves else "update",
            detail=_shorten(incident.title),
        )


def _faq_published(task) -> None:
    faq = _thread(task.target_id)
    if faq is None or faq.is_faq_draft or faq.faq_case is None:
        return  # withdrawn again meanwhile, or its case is gone
    customer = faq.faq_case.author
    if customer.deleted_at is None and _reads(customer, faq):
        notify(customer, Event.FAQ_PUBLISHED, faq, detail=_shorten(faq.faq_case.title))


def _faq_objected(task) -> None:
    """Told to the staff who drafted and published the FAQ, with the customer's reason
    (not their name: the case is linked from the draft)."""
    faq = _thread(task.target_id)
    if faq is None:
        return
    on_faq = (AuditEntry.target_type == "thread", AuditEntry.target_id == faq.id)
    publishers = set(
        db.session.scalars(
            select(AuditEntry.actor_id).where(*on_faq, AuditEntry.action == "faq.publish")
        )
    )
    reason = db.session.scalar(
        select(AuditEntry.reason)
        .where(*on_faq, AuditEntry.action == "faq.objection")
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    for user in _users((publishers | {faq.author_id}) - {task.actor_id}).values():
        if _reads(user, faq):
            notify(user, Event.FAQ_OBJECTION, faq, detail=_shorten(reason or "") or None)


def _shorten(text: str, limit: int = 500) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


HANDLERS = {
    events.POST: _post_published,
    events.SOLUTION: _solution_marked,
    events.CASE_MANAGER: _case_manager_assigned,
    events.MODERATION: _moderation,
    events.REPORTS: _reports_closed,
    events.INCIDENT: _incident_updated,
    events.FAQ_PUBLISHED: _faq_published,
    events.FAQ_OBJECTED: _faq_objected,
}
