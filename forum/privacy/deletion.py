"""Deleting an account. The row stays, so that the posts keep an author ("Deleted
user") and the audit log its actor; everything personal on it goes. By choice the
texts of the posts go too. Search documents carry author names: they are rebuilt."""

import secrets

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import delete, func, select, update

from ..access import NotAllowed
from ..administration.users import locked_admins
from ..auth import sessions
from ..auth.services import confirm_password
from ..avatars import services as avatar_files
from ..customers import faq
from ..extensions import db
from ..models import (
    AuditEntry,
    BoardModerator,
    BoardSubscription,
    CustomerVerification,
    IncidentFollower,
    MailPreference,
    NameImitation,
    Notification,
    Post,
    PostRevision,
    StaffVerification,
    Subscription,
    Thread,
    ThreadAffected,
    User,
    UserWarning,
    utcnow,
)
from ..models.users import name_hash
from ..moderation import audit
from ..posts.services import slug_for
from ..search import tasks as search_tasks
from ..staff import services as staff_services

# Rows that only say something about the person: they go with the account.
_PERSONAL_ROWS = (
    Notification,
    MailPreference,
    BoardSubscription,
    Subscription,
    IncidentFollower,
    BoardModerator,
    UserWarning,
    NameImitation,  # the name it held
)


def delete_account(actor: User, password: str, remove_posts: bool) -> None:
    """The actor deletes their own account (nobody else's: admins ban). Raises
    WrongPassword or TooManyAttempts for the password, NotAllowed for the last admin."""
    confirm_password(actor, password)
    if actor.is_admin and locked_admins() <= {actor.id}:
        raise NotAllowed(_("You are the last admin. Make someone else an admin first."))
    now = utcnow()
    own = (Post.author_id == actor.id) & Post.anonymised_customer.is_(False)
    post_ids = list(db.session.scalars(select(Post.id).where(own)))
    if remove_posts and post_ids:
        _remove_texts(actor, post_ids, now)
    if remove_posts:
        _withdraw_faqs(actor, now)
    _forget_same_problem(actor)
    for model in _PERSONAL_ROWS:
        db.session.execute(delete(model).where(model.user_id == actor.id))
    staff_services.return_cases(actor, now)
    for model in (StaffVerification, CustomerVerification):
        db.session.execute(
            update(model)
            .where(model.user_id == actor.id, model.revoked_at.is_(None))
            .values(revoked_at=now)
        )
    db.session.execute(
        update(CustomerVerification)
        .where(CustomerVerification.user_id == actor.id)
        .values(customer_number="")
    )
    audit.record(actor, "user.delete", actor, after={"posts_removed": remove_posts})
    for post_id in post_ids:  # the author's name is in each post's search document
        search_tasks.post_changed(db.session.get(Post, post_id))
    avatar = actor.avatar_name
    _anonymize(actor, now)
    db.session.commit()
    avatar_files.delete_file(avatar)


def _remove_texts(actor: User, post_ids: list[int], now) -> None:
    """The texts go from the posts, their history and the audit log's before/after;
    the titles of the person's threads are replaced (they are text the person wrote)."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        reason = _("The author deleted this post with their account.")
        title = _("Thread of a deleted account")
    own = (Thread.author_id == actor.id) & Thread.is_faq.is_(False)
    threads = db.session.scalars(select(Thread).where(own)).all()
    for thread in threads:
        thread.title, thread.slug = title, slug_for(title)
        search_tasks.thread_changed(thread)
    for target_type, ids in (("post", post_ids), ("thread", [t.id for t in threads])):
        db.session.execute(
            update(AuditEntry)
            .where(AuditEntry.target_type == target_type, AuditEntry.target_id.in_(ids))
            .values(before=None, after=None)
        )
    db.session.execute(delete(PostRevision).where(PostRevision.post_id.in_(post_ids)))
    db.session.execute(
        update(Post)
        .where(Post.id.in_(post_ids))
        .values(
            body_source="",
            body_html="",
            hidden_at=now,
            hidden_by_id=actor.id,
            hidden_reason=reason,
        )
    )


def _withdraw_faqs(actor: User, now) -> None:
    """Whoever removes their texts removes the anonymised FAQs made from their cases
    too: out of public view, the customer's words in them emptied."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        reason = _("The customer deleted their account with their texts.")
    for thread in faq.made_from_cases_of(actor):
        faq.withdraw(thread)
        db.session.execute(
            update(Post)
            .where(Post.thread_id == thread.id, Post.anonymised_customer)
            .values(body_source="", body_html="", hidden_at=now, hidden_reason=reason)
        )


def _forget_same_problem(actor: User) -> None:
    thread_ids = list(
        db.session.scalars(
            select(ThreadAffected.thread_id).where(ThreadAffected.user_id == actor.id)
        )
    )
    db.session.execute(delete(ThreadAffected).where(ThreadAffected.user_id == actor.id))
    if thread_ids:
        counted = (
            select(func.count())
            .select_from(ThreadAffected)
            .where(ThreadAffected.thread_id == Thread.id)
            .scalar_subquery()
        )
        db.session.execute(
            update(Thread).where(Thread.id.in_(thread_ids)).values(affected_count=counted)
        )


def _anonymize(user: User, now) -> None:
    user.former_name_hash = name_hash(user.username_canonical)
    # A colon is no username character: nobody can register the placeholder first.
    user.username = user.username_canonical = f"deleted:{user.id}"
    user.email = f"deleted-{user.id}@deleted.invalid"
    user.pending_email = user.display_name = user.bio = user.locale = None
    user.email_confirmed_at = None
    user.ban_reason = user.suspension_reason = None
    user.avatar_name = None
    user.set_password(secrets.token_urlsafe(32))  # nobody knows it: no log-in
    sessions.end_all(user)
    user.is_admin = user.is_moderator = user.is_board_moderator = False
    user.unseen_warnings = user.unread_notifications = 0
    user.deleted_at = now
