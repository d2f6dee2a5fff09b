"""Writing and reading the audit log."""

import json

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..models import (
    AuditEntry,
    Board,
    Category,
    Incident,
    OutboxTask,
    Post,
    PostRevision,
    Thread,
    User,
)
from ..notifications import events
from ..pagination import Page, paginate

TARGET_TYPES = {
    Board: "board",
    Category: "category",
    Incident: "incident",
    OutboxTask: "task",
    Post: "post",
    Thread: "thread",
    User: "user",
}


# Actions on someone's post or thread that its author is told about.
TOLD_TO_AUTHOR = frozenset(
    {
        "post.hide",
        "post.restore",
        "post.edit",
        "post.remove-personal-data",
        "post.reject",
        "thread.lock",
        "thread.move",
        "thread.rename",
        "thread.hide",
        "thread.restore",
        "thread.delete",
        "thread.duplicate",
        "thread.reject",
    }
)


def record(actor: User, action: str, target, reason: str = "", before=None, after=None) -> None:
    """Adds the entry to the action's own transaction (the caller commits)."""
    entry = AuditEntry(
        actor_id=actor.id,
        action=action,
        target_type=TARGET_TYPES[type(target)],
        target_id=target.id,
        reason=reason or "",
        before=None if before is None else json.dumps(before, ensure_ascii=False),
        after=None if after is None else json.dumps(after, ensure_ascii=False),
    )
    db.session.add(entry)
    # An anonymised customer's words are nobody's: the staff member who wrote them down
    # is not told as if they were theirs.
    theirs = not getattr(target, "anonymised_customer", False)
    if action in TOLD_TO_AUTHOR and theirs and getattr(target, "author_id", None) != actor.id:
        db.session.flush()  # the notice refers to the entry by its id
        events.moderation_recorded(entry)


def entries_page(page: int, per_page: int, action: str | None, actor_id: int | None) -> Page:
    stmt = select(AuditEntry).options(joinedload(AuditEntry.actor))
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    if actor_id is not None:
        stmt = stmt.where(AuditEntry.actor_id == actor_id)
    total = db.session.scalar(stmt.with_only_columns(func.count(AuditEntry.id)).order_by(None))
    return paginate(stmt.order_by(AuditEntry.id.desc()), page, per_page, total)


def revisions(post: Post) -> list[PostRevision]:
    """Newest first: the text each edit replaced."""
    return list(
        db.session.scalars(
            select(PostRevision)
            .where(PostRevision.post_id == post.id)
            .options(joinedload(PostRevision.edited_by))
            .order_by(PostRevision.id.desc())
        )
    )


def actions() -> list[str]:
    stmt = select(AuditEntry.action).distinct().order_by(AuditEntry.action)
    return list(db.session.scalars(stmt))
