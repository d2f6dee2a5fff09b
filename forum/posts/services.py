"""Writing posts. One user action is one call and one commit; counters are
updated in SQL so that concurrent writers cannot lose an increment."""

from flask import current_app
from slugify import slugify
from sqlalchemy import and_, case, func, or_, select, update

from ..access import Permission, ensure
from ..extensions import db
from ..models import AuditEntry, Board, Post, PostRevision, Thread, User, utcnow
from ..moderation import audit
from ..notifications import events, follows
from ..search import tasks as search_tasks
from ..support import workflow
from .markdown import has_links, render

SLUG_REPLACEMENTS = [
    ["ä", "ae"],
    ["ö", "oe"],
    ["ü", "ue"],
    ["Ä", "Ae"],
    ["Ö", "Oe"],
    ["Ü", "Ue"],
    ["ß", "ss"],
]


def slug_for(title: str) -> str:
    return (
        slugify(title, max_length=80, word_boundary=True, replacements=SLUG_REPLACEMENTS) or "thema"
    )


def _count_new_post(actor: User, thread: Thread, post: Post, new_thread: bool) -> None:
    """Counters move in SQL. The latest post only ever moves forward: two replies that
    commit in the opposite order of their ids must not move it backwards. Private
    cases stay out of the board's counters and latest post: for most people they
    do not exist."""
    if thread.is_listed:
        is_newer_in_board = or_(Board.last_post_id.is_(None), Board.last_post_id < post.id)
        db.session.execute(
            update(Board)
            .where(Board.id == thread.board_id)
            .values(
                post_count=Board.post_count + 1,
                thread_count=Board.thread_count + (1 if new_thread else 0),
                last_post_id=case((is_newer_in_board, post.id), else_=Board.last_post_id),
            )
        )
    is_newer_in_thread = or_(Thread.last_post_id.is_(None), Thread.last_post_id < post.id)
    db.session.execute(
        update(Thread)
        .where(Thread.id == post.thread_id)
        .values(
            post_count=Thread.post_count + 1,
            last_post_id=case((is_newer_in_thread, post.id), else_=Thread.last_post_id),
            last_post_at=case((is_newer_in_thread, post.created_at), else_=Thread.last_post_at),
        )
    )
    db.session.execute(
        update(User).where(User.id == actor.id).values(post_count=User.post_count + 1)
    )


def create_thread(
    actor: User, board: Board, title: str, body: str, private: bool = False
) -> Thread:
    """A new thread with its first post; `private` opens a private case instead."""
    ensure(actor, Permission.CASE_OPEN if private else Permission.THREAD_CREATE, board)
    now = utcnow()
    title = title.strip()
    thread = Thread(
        board=board,
        author=actor,
        title=title,
        slug=slug_for(title),
        created_at=now,
        last_post_at=now,
        last_asker_post_at=now,
        waiting_since=now if board.is_support else None,
        is_private=private,
    )
    post = Post(
        thread=thread, author=actor, body_source=body, body_html=render(body), created_at=now
    )
    if needs_approval(actor, post.body_html):
        post.pending_at = thread.pending_at = now
        thread.held_count = 1
    db.session.add_all([thread, post])
    db.session.flush()
    thread.first_post_id = post.id
    follows.auto_follow(actor, thread)
    if post.is_published:
        publish(actor, thread, post, new_thread=True)
    db.session.commit()
    return thread


def reply(actor: User, thread: Thread, body: str) -> Post:
    ensure(actor, Permission.THREAD_REPLY, thread)
    post = Post(
        thread=thread, author=actor, body_source=body, body_html=render(body), created_at=utcnow()
    )
    if needs_approval(actor, post.body_html):
        post.pending_at = post.created_at
    db.session.add(post)
    db.session.flush()
    follows.auto_follow(actor, thread)
    if post.is_published:
        publish(actor, thread, post, new_thread=False)
    else:
        count_held(thread, +1)
    db.session.commit()
    return post


def needs_approval(author: User, body_html: str) -> bool:
    """A post with a link by an account with fewer published posts than the setting
    waits for a moderator (spam). Staff, moderators, admins and verified customers
    are known people and never wait."""
    threshold = current_app.config["LINK_APPROVAL_THRESHOLD"]
    if threshold <= 0 or author.post_count >= threshold:
        return False
    if author.is_staff or author.is_moderator or author.is_admin or author.is_verified_customer:
        return False
    return has_links(body_html)


def count_held(thread: Thread, change: int) -> None:
    """Posts waiting for approval in the thread, for its page's pagination."""
    db.session.execute(
        update(Thread).where(Thread.id == thread.id).values(held_count=Thread.held_count + change)
    )


def release(post: Post) -> None:
    """A held post (and the thread it started) joins the forum as if just posted."""
    thread = post.thread
    starts_thread = post.id == thread.first_post_id
    post.pending_at = None
    if starts_thread:
        thread.pending_at = None
    count_held(thread, -1)
    db.session.flush()
    publish(post.author, thread, post, new_thread=starts_thread)


def publish(author: User, thread: Thread, post: Post, new_thread: bool) -> None:
    """What a post that everyone may see sets off: counters, the support workflow, the
    search index and notifications. At once for most posts; at approval for held ones."""
    _count_new_post(author, thread, post, new_thread=new_thread)
    if not new_thread:
        workflow.note_new_post(author, thread, post)
    search_tasks.post_changed(post)
    events.post_published(post)


def edit_post(
    actor: User, post: Post, body: str, reason: str = "", remove_personal_data: bool = False
) -> Post:
    """Keeps the replaced text as a revision. A moderator's edit of someone else's post
    is audited with the text before and after; with `remove_personal_data` every
    earlier version (and the audited texts) of the post lose their text, and only
    the fact of the removal is recorded."""
    if remove_personal_data:
        ensure(actor, Permission.POST_HIDE, post)
    replace_text(actor, post, body, reason)
    if remove_personal_data:
        db.session.flush()
        _redact_history(actor, post, reason)
    db.session.commit()
    return post


def replace_text(
    actor: User, post: Post, body: str, reason: str = "", keep_history: bool = True
) -> None:
    """`edit_post` inside another service's transaction: the old text becomes a revision;
    someone else's edit is audited with both texts. Without `keep_history` (an FAQ draft
    under review, whose earlier text may hold what the reviewer removed) neither keeps it."""
    ensure(actor, Permission.POST_EDIT, post)
    if body == post.body_source:
        return
    if keep_history:
        db.session.add(
            PostRevision(
                post_id=post.id, body_source=post.body_source, edited_by_id=actor.id, reason=reason
            )
        )
    if actor.id != post.author_id:
        texts = {"before": post.body_source, "after": body} if keep_history else {}
        audit.record(actor, "post.edit", post, reason, **texts)
    post.body_source = body
    post.body_html = render(body)
    post.edited_at = utcnow()
    search_tasks.post_changed(post)


def _redact_history(actor: User, post: Post, reason: str) -> None:
    now = utcnow()
    db.session.execute(
        update(PostRevision)
        .where(PostRevision.post_id == post.id, PostRevision.redacted_at.is_(None))
        .values(body_source=None, redacted_at=now)
    )
    db.session.execute(
        update(AuditEntry)
        .where(AuditEntry.target_type == "post", AuditEntry.target_id == post.id)
        .values(before=None, after=None)
    )
    audit.record(actor, "post.remove-personal-data", post, reason)


def _up_to(earlier, post) -> object:
    """SQL: `earlier` comes before `post` in reading order (by time, then id; merged
    threads interleave their posts by time), or is `post`. Posts held for approval
    are not on most readers' pages and do not push others back."""
    return and_(
        or_(
            earlier.created_at < post.created_at,
            and_(earlier.created_at == post.created_at, earlier.id <= post.id),
        ),
        or_(earlier.pending_at.is_(None), earlier.id == post.id),
    )


def position_in_thread(post: Post) -> int:
    """1-based place of the post in its thread, for finding its page."""
    return db.session.scalar(
        select(func.count(Post.id)).where(Post.thread_id == post.thread_id, _up_to(Post, post))
    )


def positions_in_threads(post_ids) -> dict[int, int]:
    """`position_in_thread` for many posts in one query (for lists that link to posts)."""
    earlier = Post.__table__.alias("earlier")
    position = (
        select(func.count(earlier.c.id))
        .where(earlier.c.thread_id == Post.thread_id, _up_to(earlier.c, Post))
        .scalar_subquery()
    )
    stmt = select(Post.id, position).where(Post.id.in_(list(post_ids)))
    return {row.id: row[1] for row in db.session.execute(stmt)}
