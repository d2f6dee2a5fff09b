"""Moderation actions. Each checks the policy, changes the rows, records its audit
entry and index tasks, and commits once."""

from flask_babel import lazy_gettext as _l

from ..access import NotAllowed, Permission, decide, ensure
from ..access.policy import moderates
from ..extensions import db
from ..models import Board, Post, Thread, ThreadStatus, User, utcnow
from ..posts.counters import recount_boards
from ..posts.services import slug_for
from ..search import tasks as search_tasks
from ..support.services import status_without_solution
from . import audit

REASON_MAX_LENGTH = 500


def hide_post(actor: User, post: Post, reason: str) -> None:
    """Others see a placeholder with the reason; search forgets the post."""
    ensure(actor, Permission.POST_HIDE, post)
    if post.id == post.thread.first_post_id:
        raise NotAllowed(_l("The first post is hidden with its thread."))
    if post.is_hidden:
        return
    post.hidden_at, post.hidden_by_id, post.hidden_reason = utcnow(), actor.id, reason
    audit.record(actor, "post.hide", post, reason)
    thread = post.thread
    if thread.solution_post_id == post.id:  # the solution box must not show it
        thread.solution_post_id = None
        if thread.status == ThreadStatus.SOLVED:
            thread.status = status_without_solution(thread)
        audit.record(actor, "thread.unmark-solution", thread, reason, before={"post": post.id})
    search_tasks.post_changed(post)
    db.session.commit()


def restore_post(actor: User, post: Post, reason: str = "") -> None:
    ensure(actor, Permission.POST_HIDE, post)
    if not post.is_hidden:
        return
    audit.record(actor, "post.restore", post, reason, before={"hidden_reason": post.hidden_reason})
    post.hidden_at = post.hidden_by_id = post.hidden_reason = None
    search_tasks.post_changed(post)
    db.session.commit()


def set_pinned(actor: User, thread: Thread, pinned: bool) -> None:
    ensure(actor, Permission.THREAD_MODERATE, thread)
    if thread.is_pinned == pinned:
        return
    thread.is_pinned = pinned
    audit.record(actor, "thread.pin" if pinned else "thread.unpin", thread)
    db.session.commit()


def lock(actor: User, thread: Thread, reason: str) -> None:
    """No more replies (moderators excepted); the reason is shown on the thread."""
    ensure(actor, Permission.THREAD_MODERATE, thread)
    thread.is_locked, thread.lock_reason = True, reason
    audit.record(actor, "thread.lock", thread, reason)
    db.session.commit()


def unlock(actor: User, thread: Thread, reason: str = "") -> None:
    ensure(actor, Permission.THREAD_MODERATE, thread)
    if not thread.is_locked:
        return
    audit.record(actor, "thread.unlock", thread, reason, before={"lock_reason": thread.lock_reason})
    thread.is_locked, thread.lock_reason = False, None
    db.session.commit()


def rename(actor: User, thread: Thread, title: str, reason: str = "") -> None:
    """The old address keeps working: thread URLs redirect to the current slug."""
    ensure(actor, Permission.THREAD_MODERATE, thread)
    title = title.strip()
    if title == thread.title:
        return
    audit.record(actor, "thread.rename", thread, reason, before=thread.title, after=title)
    thread.title, thread.slug = title, slug_for(title)
    search_tasks.thread_changed(thread)
    db.session.commit()


def move(actor: User, thread: Thread, board: Board, reason: str = "") -> None:
    """To a board the moderator may read; both boards' counters follow, and search
    sees the thread with its new board's audience."""
    ensure(actor, Permission.THREAD_MODERATE, thread)
    ensure_target_board(actor, board)
    if board.id == thread.board_id:
        return
    old_board = thread.board
    audit.record(actor, "thread.move", thread, reason, before=old_board.name, after=board.name)
    thread.board = board
    db.session.flush()
    recount_boards(old_board.id, board.id)
    search_tasks.thread_changed(thread)
    db.session.commit()


def ensure_target_board(actor: User, board: Board) -> None:
    """Threads move only into boards the moderator reads and moderates."""
    if not (decide(actor, Permission.BOARD_READ, board).allowed and moderates(actor, board)):
        raise NotAllowed(_l("You cannot move threads into that board."))


def hide_thread(actor: User, thread: Thread, reason: str) -> None:
    """Gone for everyone but moderators: lists, counts, search and its address."""
    ensure(actor, Permission.THREAD_MODERATE, thread)
    if thread.is_hidden:
        return
    thread.hidden_at, thread.hidden_reason = utcnow(), reason
    audit.record(actor, "thread.hide", thread, reason)
    db.session.flush()
    recount_boards(thread.board_id)
    search_tasks.thread_changed(thread)
    db.session.commit()


def restore_thread(actor: User, thread: Thread, reason: str = "") -> None:
    ensure(actor, Permission.THREAD_MODERATE, thread)
    if not thread.is_hidden:
        return
    audit.record(actor, "thread.restore", thread, reason, before=thread.hidden_reason)
    thread.hidden_at = thread.hidden_reason = None
    db.session.flush()
    recount_boards(thread.board_id)
    search_tasks.thread_and_posts_changed(thread)
    db.session.commit()


def close_as_duplicate(actor: User, thread: Thread, original: Thread, reason: str = "") -> None:
    """Locks the thread and points it at the original, which lists it in turn."""
    ensure(actor, Permission.THREAD_MODERATE, thread)
    if not decide(actor, Permission.THREAD_READ, original).allowed:
        raise NotAllowed(_l("There is no such thread."))
    if original.id == thread.id or original.duplicate_of_id is not None:
        raise NotAllowed(_l("Choose the thread that the discussion continues in."))
    if thread.duplicate_of_id is not None:
        return
    audit.record(actor, "thread.duplicate", thread, reason, after={"original": original.id})
    thread.duplicate_of_id = original.id
    thread.is_locked = True
    thread.lock_reason = reason or None
    if thread.is_question:
        thread.status = ThreadStatus.CLOSED
    original.duplicate_count += 1
    search_tasks.thread_changed(thread)
    db.session.commit()
