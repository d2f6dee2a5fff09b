"""What admins do about mails that keep failing: try again now, or give one up
(a refused address will never accept it). Both are audited."""

from .. import outbox
from ..extensions import db
from ..models import OutboxTask, User
from ..moderation import audit
from . import mail


def failed_mail(task_id: int) -> OutboxTask | None:
    task = db.session.get(OutboxTask, task_id)
    if task is None or task.kind not in mail.mail_kinds() or not task.attempts:
        return None
    return task


def _facts(task: OutboxTask) -> dict:
    return {"kind": task.kind, "attempts": task.attempts, "error": (task.last_error or "")[:300]}


def retry_now(actor: User, task: OutboxTask) -> None:
    audit.record(actor, "mail.retry", task, before=_facts(task))
    outbox.make_due(task.id)
    db.session.commit()


def discard(actor: User, task: OutboxTask, reason: str) -> None:
    audit.record(actor, "mail.discard", task, reason, before=_facts(task))
    db.session.delete(task)
    db.session.commit()
