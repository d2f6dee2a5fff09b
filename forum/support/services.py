"""Support use cases on a question. Each takes an explicit actor and commits once."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, exists, select, update
from sqlalchemy.exc import IntegrityError

from ..access import NotAllowed, Permission, ensure
from ..extensions import db
from ..models import Post, Thread, ThreadAffected, ThreadStatus, User
from ..notifications import events, follows
from ..search import tasks as search_tasks


class NotInThread(Exception):
    """The post is not a reply in this thread (or is the question itself)."""


def status_without_solution(thread: Thread) -> ThreadStatus:
    """Answered once someone other than the asker replied, else open."""
    answered = db.session.scalar(
        select(
            exists().where(
                Post.thread_id == thread.id,
                Post.author_id != thread.author_id,
                Post.pending_at.is_(None),
            )
        )
    )
    return ThreadStatus.ANSWERED if answered else ThreadStatus.OPEN


def mark_solution(actor: User, thread: Thread, post: Post) -> None:
    """Marks, or replaces, the reply that solves the question."""
    ensure(actor, Permission.THREAD_SOLVE, thread)
    ensure(actor, Permission.POST_READ, post)  # hidden posts will fail here
    if post.thread_id != thread.id or post.id == thread.first_post_id:
        raise NotInThread
    if post.is_hidden:  # its content would show in the solution box
        raise NotAllowed(_l("A hidden post cannot be the solution."))
    if post.is_pending:
        raise NotAllowed(_l("A post waiting for approval cannot be the solution."))
    thread.solution_post_id = post.id
    thread.status = ThreadStatus.SOLVED
    search_tasks.thread_changed(thread)
    events.solution_marked(thread, actor)
    db.session.commit()


def unmark_solution(actor: User, thread: Thread) -> None:
    ensure(actor, Permission.THREAD_SOLVE, thread)
    thread.solution_post_id = None
    if thread.status != ThreadStatus.CLOSED:
        thread.status = status_without_solution(thread)
    search_tasks.thread_changed(thread)
    db.session.commit()


def close_question(actor: User, thread: Thread) -> None:
    ensure(actor, Permission.THREAD_CLOSE, thread)
    thread.status = ThreadStatus.CLOSED
    search_tasks.thread_changed(thread)
    db.session.commit()


def reopen_question(actor: User, thread: Thread) -> None:
    ensure(actor, Permission.THREAD_CLOSE, thread)
    thread.status = (
        ThreadStatus.SOLVED if thread.solution_post_id else status_without_solution(thread)
    )
    search_tasks.thread_changed(thread)
    db.session.commit()


def report_affected(actor: User, thread: Thread) -> bool:
    """ "I have the same problem": counted once per person, who then follows the thread.

    Returns False when the person had already said so."""
    ensure(actor, Permission.THREAD_AFFECTED, thread)
    if db.session.get(ThreadAffected, (thread.id, actor.id)) is not None:
        return False
    try:
        with db.session.begin_nested():
            db.session.add(ThreadAffected(thread_id=thread.id, user_id=actor.id))
    except IntegrityError:  # the same person, twice at the same moment
        return False
    follows.auto_follow(actor, thread)
    db.session.execute(
        update(Thread)
        .where(Thread.id == thread.id)
        .values(affected_count=Thread.affected_count + 1)
    )
    db.session.commit()
    return True


def withdraw_affected(actor: User, thread: Thread) -> None:
    ensure(actor, Permission.THREAD_READ, thread)
    removed = db.session.execute(
        delete(ThreadAffected).where(
            ThreadAffected.thread_id == thread.id, ThreadAffected.user_id == actor.id
        )
    )
    if not removed.rowcount:  # never said so, or withdrawn by a parallel request
        db.session.rollback()
        return
    db.session.execute(
        update(Thread)
        .where(Thread.id == thread.id)
        .values(affected_count=Thread.affected_count - 1)
    )
    db.session.commit()
