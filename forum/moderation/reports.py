"""Reports: members flag posts, moderators resolve them from a queue."""

from collections import defaultdict

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from ..access import NotAllowed, Permission, ensure
from ..access.queries import moderated_posts
from ..extensions import db
from ..models import Post, Report, Thread, User, utcnow
from ..notifications import events
from ..pagination import Page
from . import audit, services, users


class AlreadyReported(Exception):
    pass


def report(reporter: User, post: Post, reason: str, text: str) -> Report:
    ensure(reporter, Permission.POST_REPORT, post)
    entry = Report(post_id=post.id, reporter_id=reporter.id, reason=reason, text=text.strip())
    db.session.add(entry)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise AlreadyReported from None
    return entry


def _open_reports(post: Post):
    return (
        update(Report)
        .where(Report.post_id == post.id, Report.resolved_at.is_(None))
        .execution_options(synchronize_session=False)
    )


def _close(moderator: User, post: Post, resolution: str, note: str) -> None:
    """Closes every open report of the post, in the caller's transaction; the
    reporters are told."""
    db.session.execute(
        _open_reports(post).values(
            resolved_at=utcnow(), resolved_by_id=moderator.id, resolution=resolution, note=note
        )
    )
    events.reports_closed(post, moderator)


def dismiss(moderator: User, post: Post, note: str) -> None:
    """Nothing to do about the post: the reports are closed with a note."""
    ensure(moderator, Permission.POST_HIDE, post)
    _close(moderator, post, "dismissed", note)
    audit.record(moderator, "report.dismiss", post, note)
    db.session.commit()


def close_as_edited(moderator: User, post: Post, note: str) -> None:
    """The moderator edited the post (audited with the edit); its reports are done."""
    ensure(moderator, Permission.POST_HIDE, post)
    _close(moderator, post, "edited", note)
    audit.record(moderator, "report.edited", post, note)
    db.session.commit()


def hide_reported(moderator: User, post: Post, reason: str, note: str) -> None:
    """Hides the post (audited there) and closes its reports."""
    _close(moderator, post, "hidden", note)
    _or_roll_back(lambda: services.hide_post(moderator, post, reason))  # commits both
    db.session.commit()  # (the post may have been hidden already)


def warn_author(moderator: User, post: Post, text: str, note: str) -> None:
    """Warns the post's author (audited there) and closes the post's reports."""
    ensure(moderator, Permission.POST_HIDE, post)
    _ensure_author(post)
    _close(moderator, post, "author-warned", note)
    _or_roll_back(lambda: users.warn(moderator, post.author, text))


def suspend_author(moderator: User, post: Post, days: int, reason: str, note: str) -> None:
    ensure(moderator, Permission.POST_HIDE, post)
    _ensure_author(post)
    _close(moderator, post, "author-suspended", note)
    _or_roll_back(lambda: users.suspend(moderator, post.author, days, reason))


def _ensure_author(post: Post) -> None:
    """An anonymised customer's words have nobody to warn: not the staff member who wrote
    them down."""
    if post.anonymised_customer:
        raise NotAllowed(_l("An anonymised customer's words have no author to warn."))


def _or_roll_back(action) -> None:
    """Runs a service that commits the closed reports with its own change; if the
    policy refuses it, the reports stay open."""
    try:
        action()
    except NotAllowed:
        db.session.rollback()
        raise


def queue_page(moderator: User, page: int, per_page: int) -> Page:
    """Reported posts in the boards the moderator moderates, the longest-waiting first,
    each with all its open reports."""
    waiting = (
        select(Report.post_id, func.min(Report.created_at).label("first"))
        .where(Report.resolved_at.is_(None))
        .group_by(Report.post_id)
        .subquery()
    )
    visible = moderated_posts(
        moderator, select(Post.id).join(waiting, waiting.c.post_id == Post.id)
    )
    total = db.session.scalar(select(func.count()).select_from(visible.subquery()))
    ids = list(
        db.session.scalars(
            visible.order_by(waiting.c.first, Post.id).limit(per_page).offset((page - 1) * per_page)
        )
    )
    posts = {
        p.id: p
        for p in db.session.scalars(
            select(Post)
            .where(Post.id.in_(ids))
            .options(
                joinedload(Post.author),
                joinedload(Post.thread).joinedload(Thread.board),
            )
        )
    }
    reports = defaultdict(list)
    for entry in db.session.scalars(
        select(Report)
        .where(Report.post_id.in_(ids), Report.resolved_at.is_(None))
        .options(joinedload(Report.reporter))
        .order_by(Report.id)
    ):
        reports[entry.post_id].append(entry)
    items = [(posts[i], reports[i]) for i in ids if i in posts]
    return Page(items=items, page=page, per_page=per_page, total=total)


def my_reports(reporter: User, limit: int = 50) -> list[Report]:
    return list(
        db.session.scalars(
            select(Report)
            .where(Report.reporter_id == reporter.id)
            .options(joinedload(Report.post).joinedload(Post.thread))
            .order_by(Report.id.desc())
            .limit(limit)
        )
    )
