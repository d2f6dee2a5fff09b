"""A large synthetic forum for measurements: `flask forum seed --posts 200000`.

Rows go in as multi-row INSERTs with ids assigned here (posts need their
thread's id before the thread is written), bodies are rendered once per
distinct text, and the counters are recomputed in SQL at the end, so 200,000
posts take minutes, not hours.
"""

import random
import secrets
import time
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, insert, select, text
from werkzeug.security import generate_password_hash

from ..extensions import db
from ..models import Board, Post, Thread, User, utcnow
from ..posts.counters import recount_all
from ..posts.markdown import render
from ..posts.services import slug_for
from . import content, seed

BATCH = 5_000
BULK_USERS = 500
TEXT_POOL = 400


@dataclass
class BulkResult:
    threads: int
    posts: int
    seconds: float


def seed_bulk(posts: int, posts_per_thread: int, rng_seed: int) -> BulkResult:
    started = time.perf_counter()
    rng = random.Random(rng_seed)
    seed.seed_demo()
    boards = db.session.scalars(select(Board).where(Board.is_support)).all()
    users = _bulk_users(rng)
    texts = _text_pool(rng)

    next_thread = (db.session.scalar(select(func.max(Thread.id))) or 0) + 1
    next_post = (db.session.scalar(select(func.max(Post.id))) or 0) + 1
    thread_rows, post_rows = [], []
    now = utcnow()
    threads_made = posts_made = 0
    while posts_made < posts:
        title, bodies = rng.choice(texts)
        size = min(rng.randint(1, 2 * posts_per_thread - 1), posts - posts_made)
        moment = now - timedelta(days=rng.uniform(1, 3 * 365))
        for index in range(size):
            source, html = bodies[index % len(bodies)]
            post_rows.append(
                {
                    "id": next_post,
                    "thread_id": next_thread,
                    "author_id": rng.choice(users),
                    "body_source": source,
                    "body_html": html,
                    "created_at": moment,
                }
            )
            next_post += 1
            moment += timedelta(minutes=rng.uniform(5, 600))
        thread_rows.append(
            {
                "id": next_thread,
                "board_id": rng.choice(boards).id,
                "author_id": post_rows[-size]["author_id"],
                "title": title,
                "slug": slug_for(title),
                "is_pinned": False,
                "is_locked": False,
                "post_count": size,
                "created_at": post_rows[-size]["created_at"],
                "last_post_at": post_rows[-1]["created_at"],
            }
        )
        next_thread += 1
        threads_made += 1
        posts_made += size
        if len(post_rows) >= BATCH:
            _flush(thread_rows, post_rows)
    _flush(thread_rows, post_rows)
    _advance_sequences()
    recount_all()
    return BulkResult(threads_made, posts_made, time.perf_counter() - started)


def _flush(thread_rows: list, post_rows: list) -> None:
    """Threads go in before their posts; recount_all() links first and last posts."""
    if thread_rows:
        db.session.execute(insert(Thread), thread_rows)
    if post_rows:
        db.session.execute(insert(Post), post_rows)
    db.session.commit()
    thread_rows.clear()
    post_rows.clear()


def _bulk_users(rng: random.Random) -> list[int]:
    existing = db.session.scalars(select(User.id).where(User.username.like("nutzer%"))).all()
    if len(existing) >= BULK_USERS:
        return list(existing)
    # A real hash of a random secret nobody knows: these accounts cannot log in.
    unknown_password = generate_password_hash(secrets.token_urlsafe(32))
    start = len(existing)
    rows = [
        {
            "username": f"nutzer{number}",
            "username_canonical": f"nutzer{number}",
            "email": f"nutzer{number}@bulk.invalid",
            "password_hash": unknown_password,
            "is_admin": False,
            "is_moderator": False,
            "post_count": 0,
            "created_at": utcnow(),
        }
        for number in range(start, BULK_USERS)
    ]
    db.session.execute(insert(User), rows)
    db.session.commit()
    return list(db.session.scalars(select(User.id).where(User.username.like("nutzer%"))).all())


def _text_pool(rng: random.Random) -> list[tuple[str, list[tuple[str, str]]]]:
    """Distinct titles with their rendered bodies, reused across the bulk threads."""
    slugs = [board["slug"] for category in content.CATEGORIES for board in category["boards"]]
    pool = []
    per_board = max(1, TEXT_POOL // max(len(slugs), 1))
    for slug in slugs:
        for spec in content.generated_threads(rng, slug, per_board):
            sources = [spec["body"]] + [reply["body"] for reply in spec["replies"]]
            pool.append((spec["title"], [(source, render(source)) for source in sources]))
    return pool


def _advance_sequences() -> None:
    """Explicit ids bypass PostgreSQL's sequences; move them past the new rows."""
    if db.engine.dialect.name != "postgresql":
        return
    for table in ("threads", "posts", "users"):
        db.session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
        )
    db.session.commit()
