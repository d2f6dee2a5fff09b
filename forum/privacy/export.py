"""Everything the forum holds about one person, as a ZIP of JSON files.

Only their own data: their posts and threads, their settings, follows, reports
and notifications — never other people's names or texts. A thread they can no
longer read is named by its number only."""

import io
import json
import zipfile
from datetime import datetime

from sqlalchemy import select

from ..access import Permission, can
from ..customers import faq
from ..extensions import db
from ..models import (
    BoardSubscription,
    CustomerVerification,
    IncidentFollower,
    LoginSession,
    NameImitation,
    Notification,
    Post,
    PostRevision,
    Report,
    StaffVerification,
    Subscription,
    Thread,
    ThreadAffected,
    User,
    UserWarning,
)
from ..notifications import mail


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _thread_ref(user: User, thread: Thread) -> dict:
    if can(user, Permission.THREAD_READ, thread):
        return {"id": thread.id, "title": thread.title, "board": thread.board.name}
    return {"id": thread.id}


def _account(user: User) -> dict:
    staff = db.session.scalars(
        select(StaffVerification).where(StaffVerification.user_id == user.id)
    )
    customer = db.session.scalars(
        select(CustomerVerification).where(CustomerVerification.user_id == user.id)
    )
    return {
        "username": user.username,
        "display_name": user.display_name,
        "email": user.email,
        "email_confirmed_at": _when(user.email_confirmed_at),
        "pending_email": user.pending_email,
        "about_me": user.bio,
        "language": user.locale,
        "registered_at": _when(user.created_at),
        "roles": sorted(user.roles),
        "avatar": user.avatar_name,
        "staff_verifications": [
            {
                "title": row.title,
                "team": row.team,
                "since": _when(row.verified_at),
                "until": _when(row.revoked_at),
            }
            for row in staff
        ],
        "customer_verifications": [
            {
                "customer_number": row.customer_number,
                "method": row.method,
                "since": _when(row.verified_at),
                "until": _when(row.revoked_at),
            }
            for row in customer
        ],
        "suspended_until": _when(user.suspended_until),
        "suspension_reason": user.suspension_reason,
        "warnings": [
            {"text": row.text, "at": _when(row.created_at)}
            for row in db.session.scalars(select(UserWarning).where(UserWarning.user_id == user.id))
        ],
        "names_found_to_imitate_staff": [
            {"name": row.name, "found_at": _when(row.found_at), "handled_at": _when(row.handled_at)}
            for row in db.session.scalars(
                select(NameImitation).where(NameImitation.user_id == user.id)
            )
        ],
        "logged_in_devices": [
            {
                "device": row.device,
                "logged_in_at": _when(row.created_at),
                "last_active_at": _when(row.last_seen_at),
                "stays_logged_in": row.remember,
            }
            for row in db.session.scalars(
                select(LoginSession).where(LoginSession.user_id == user.id)
            )
        ],
    }


def _posts(user: User) -> list[dict]:
    """Their own words: not a customer's question they wrote down for an FAQ."""
    posts = db.session.scalars(
        select(Post)
        .where(Post.author_id == user.id, Post.anonymised_customer.is_(False))
        .order_by(Post.id)
    ).all()
    earlier = {}
    for revision in db.session.scalars(
        select(PostRevision)
        .join(Post, PostRevision.post_id == Post.id)
        .where(Post.author_id == user.id, PostRevision.edited_by_id == user.id)
        .order_by(PostRevision.id)
    ):
        earlier.setdefault(revision.post_id, []).append(
            {"text": revision.body_source, "replaced_at": _when(revision.created_at)}
        )
    return [
        {
            "id": post.id,
            "thread": _thread_ref(user, post.thread),
            "written_at": _when(post.created_at),
            "edited_at": _when(post.edited_at),
            "text": post.body_source,
            "hidden_by_moderator": post.is_hidden,
            "waiting_for_approval": post.is_pending,
            "earlier_versions": earlier.get(post.id, []),
        }
        for post in posts
    ]


def _threads(user: User) -> list[dict]:
    threads = db.session.scalars(
        select(Thread)
        .where(Thread.author_id == user.id, Thread.is_faq.is_(False))
        .order_by(Thread.id)
    )
    return [
        {
            **_thread_ref(user, thread),
            "started_at": _when(thread.created_at),
            "private_case": thread.is_private,
            "status": thread.status,
        }
        for thread in threads
    ]


def _faqs(user: User) -> list[dict]:
    """The anonymised FAQs made from their cases: the version others can read."""
    return [
        {
            **_thread_ref(user, thread),
            "from_case": thread.faq_case_id,
            "public": not thread.is_faq_draft,
            "objected_at": _when(thread.faq_objected_at),
        }
        for thread in faq.made_from_cases_of(user)
    ]


def _follows(user: User) -> dict:
    threads = db.session.scalars(select(Subscription).where(Subscription.user_id == user.id))
    boards = db.session.scalars(
        select(BoardSubscription).where(BoardSubscription.user_id == user.id)
    )
    affected = db.session.scalars(select(ThreadAffected).where(ThreadAffected.user_id == user.id))
    incidents = db.session.scalars(
        select(IncidentFollower).where(IncidentFollower.user_id == user.id)
    )
    return {
        "threads": [
            {
                **_thread_ref(user, db.session.get(Thread, row.thread_id)),
                "muted": row.muted,
                "since": _when(row.created_at),
            }
            for row in threads
        ],
        "boards": [row.board_id for row in boards],
        "same_problem": [
            {**_thread_ref(user, row.thread), "since": _when(row.created_at)} for row in affected
        ],
        "incidents": [row.incident_id for row in incidents],
    }


def _reports(user: User) -> list[dict]:
    reports = db.session.scalars(
        select(Report).where(Report.reporter_id == user.id).order_by(Report.id)
    )
    return [
        {
            "post": row.post_id,
            "reason": row.reason,
            "text": row.text,
            "at": _when(row.created_at),
            "outcome": row.resolution,
        }
        for row in reports
    ]


def _notifications(user: User) -> list[dict]:
    lines = db.session.scalars(
        select(Notification).where(Notification.user_id == user.id).order_by(Notification.id)
    )
    return [
        {
            "event": line.event,
            "thread": line.thread_id,
            "at": _when(line.updated_at),
            "read_at": _when(line.read_at),
        }
        for line in lines
    ]


def build(user: User) -> bytes:
    """The ZIP file's bytes; one JSON file per kind of data, and the avatar."""
    files = {
        "account.json": _account(user),
        "posts.json": _posts(user),
        "threads.json": _threads(user),
        "faqs_from_my_cases.json": _faqs(user),
        "follows.json": _follows(user),
        "email_settings.json": {
            event.value: mode.value for event, mode in mail.modes(user).items()
        },
        "reports.json": _reports(user),
        "notifications.json": _notifications(user),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, json.dumps(data, ensure_ascii=False, indent=2))
    return buffer.getvalue()
