"""Following and muting threads, following boards."""

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from ..access import Permission, ensure
from ..extensions import db
from ..models import Board, BoardSubscription, Subscription, Thread, User

FOLLOWING, MUTED, NEUTRAL = "following", "muted", "neutral"


def auto_follow(user: User, thread: Thread) -> None:
    """Writing in a thread (or "same problem") follows it, unless the person muted it;
    for use inside another service's transaction."""
    if db.session.get(Subscription, (user.id, thread.id)) is not None:
        return
    try:
        with db.session.begin_nested():
            db.session.add(Subscription(user_id=user.id, thread_id=thread.id))
    except IntegrityError:  # followed a moment ago by another request
        pass


def set_thread_state(user: User, thread: Thread, state: str) -> None:
    """Follow, mute, or neither (then writing in it follows it again)."""
    ensure(user, Permission.THREAD_READ, thread)
    if not user.is_authenticated:
        return
    row = db.session.get(Subscription, (user.id, thread.id))
    if state == NEUTRAL:
        if row is not None:
            db.session.delete(row)
    elif row is None:
        db.session.add(Subscription(user_id=user.id, thread_id=thread.id, muted=state == MUTED))
    else:
        row.muted = state == MUTED
    db.session.commit()


def thread_state(user: User, thread: Thread) -> str:
    if not user.is_authenticated:
        return NEUTRAL
    row = db.session.get(Subscription, (user.id, thread.id))
    if row is None:
        return NEUTRAL
    return MUTED if row.muted else FOLLOWING


def set_board_followed(user: User, board: Board, followed: bool) -> None:
    ensure(user, Permission.BOARD_READ, board)
    if followed:
        if db.session.get(BoardSubscription, (user.id, board.id)) is None:
            db.session.add(BoardSubscription(user_id=user.id, board_id=board.id))
    else:
        db.session.execute(
            delete(BoardSubscription).where(
                BoardSubscription.user_id == user.id, BoardSubscription.board_id == board.id
            )
        )
    db.session.commit()


def follows_board(user: User, board: Board) -> bool:
    if not user.is_authenticated:
        return False
    return db.session.get(BoardSubscription, (user.id, board.id)) is not None


def followers(thread: Thread, since=None) -> set[int]:
    """Who follows the thread; with `since`, only those who followed it by then (the
    fan-out runs later, and a post concerns those who followed when it was written)."""
    stmt = select(Subscription.user_id).where(
        Subscription.thread_id == thread.id, Subscription.muted.is_(False)
    )
    if since is not None:
        stmt = stmt.where(Subscription.created_at <= since)
    return set(db.session.scalars(stmt))


def muters(thread: Thread) -> set[int]:
    stmt = select(Subscription.user_id).where(
        Subscription.thread_id == thread.id, Subscription.muted.is_(True)
    )
    return set(db.session.scalars(stmt))


def board_followers(board_id: int, since) -> set[int]:
    stmt = select(BoardSubscription.user_id).where(
        BoardSubscription.board_id == board_id, BoardSubscription.created_at <= since
    )
    return set(db.session.scalars(stmt))
