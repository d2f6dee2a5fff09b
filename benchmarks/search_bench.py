"""Search benchmark: index build rate and query latency at a given forum size.

    .venv/bin/python benchmarks/search_bench.py --posts 100000
    .venv/bin/python benchmarks/search_bench.py --posts 1000000 --workdir /var/tmp/bench
    .venv/bin/python benchmarks/search_bench.py --backend postgresql \
        --database postgresql://user@host/bench_forum --posts 1000000

Builds a synthetic German forum (Zipf-distributed vocabulary of ~30,000 words
from the demo texts and their compounds, ~10 posts per thread, solved questions,
staff answers, customers-only boards and private cases) in a fresh SQLite
database (or --database URL), rebuilds the search index of the chosen backend
from it (`backend().rebuild()`, as `flask forum reindex` does), then runs
two-word queries with filters and highlights through the backend interface as
guests, verified customers and staff, as a warm app process would (Whoosh: one
searcher per process; PostgreSQL: the rows in the database, which --database
must then be). Prints the backend, the build rate, the first search's time
(Whoosh opens its searcher there) and query p50/p95/max, so that both backends
are measured against the same goal. Timings are for this machine; run it, do
not trust it.
"""

import argparse
import bisect
import itertools
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from markupsafe import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade
from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import make_url

from forum import PROJECT_ROOT, create_app
from forum.demo import content, seed
from forum.extensions import db
from forum.models import Board, Guest, Post, Thread, ThreadStatus, User, utcnow
from forum.search.backend import BACKENDS, backend
from forum.search.results import SearchOptions

WORDS_PER_POST = 76
VOCABULARY = 30_000
BATCH = 5_000


def vocabulary(rng: random.Random) -> list[str]:
    """Real words from the demo texts, then compounds of them (as German makes them)."""
    texts = []
    for thread in itertools.chain.from_iterable(content.HANDWRITTEN_THREADS.values()):
        texts.append(thread["title"])
        texts.append(thread["body"])
        texts.extend(reply["body"] for reply in thread.get("replies", []))
    words = list(dict.fromkeys(w for w in re.findall(r"[A-Za-zÄÖÜäöüß]{3,}", " ".join(texts))))
    nouns = [w for w in words if w[0].isupper()]
    compounds = set()
    while len(words) + len(compounds) < VOCABULARY:
        compounds.add(rng.choice(nouns) + rng.choice(nouns).lower())
    vocabulary = words + sorted(compounds)
    rng.shuffle(vocabulary)
    return vocabulary


class Zipf:
    def __init__(self, size: int, rng: random.Random, exponent: float = 1.07) -> None:
        weights = [1 / (rank**exponent) for rank in range(1, size + 1)]
        self.cumulative = list(itertools.accumulate(weights))
        self.rng = rng

    def ranks(self, count: int) -> list[int]:
        total = self.cumulative[-1]
        return [bisect.bisect(self.cumulative, self.rng.random() * total) for _ in range(count)]


def build_forum(posts: int, rng: random.Random, words: list[str]) -> tuple[int, int]:
    seed.seed_demo()
    boards = db.session.scalars(select(Board)).all()
    users = db.session.scalars(select(User.id)).all()
    staff = [u.id for u in db.session.scalars(select(User)) if u.is_staff] or users[:1]
    zipf = Zipf(len(words), rng)
    next_thread = (db.session.scalar(select(func.max(Thread.id))) or 0) + 1
    next_post = (db.session.scalar(select(func.max(Post.id))) or 0) + 1
    thread_rows, post_rows, links, made = [], [], [], 0
    now = utcnow()
    while made < posts:
        size = min(rng.randint(1, 19), posts - made)
        moment = now - timedelta(days=rng.uniform(1, 3 * 365))
        title = " ".join(words[r] for r in zipf.ranks(rng.randint(3, 6))).capitalize()
        first_id = next_post
        staff_reply_at = None
        for index in range(size):
            text = " ".join(words[r] for r in zipf.ranks(rng.randint(40, 110)))
            author = rng.choice(staff) if index and rng.random() < 0.15 else rng.choice(users)
            if author in staff and staff_reply_at is None and index:
                staff_reply_at = moment
            post_rows.append(
                {
                    "id": next_post,
                    "thread_id": next_thread,
                    "author_id": author,
                    "body_source": text,
                    "body_html": f"<p>{escape(text)}</p>",
                    "created_at": moment,
                }
            )
            next_post += 1
            moment += timedelta(minutes=rng.uniform(5, 600))
        solved = size > 1 and rng.random() < 0.35
        thread_rows.append(
            {
                "id": next_thread,
                "board_id": rng.choice(boards).id,
                "author_id": post_rows[-size]["author_id"],
                "title": title,
                "slug": "thema",
                "is_private": rng.random() < 0.02,
                "post_count": size,
                "created_at": post_rows[-size]["created_at"],
                "last_post_at": post_rows[-1]["created_at"],
                "status": ThreadStatus.SOLVED if solved else ThreadStatus.OPEN,
                "first_staff_reply_at": staff_reply_at,
            }
        )
        links.append(
            {
                "id": next_thread,
                "first_post_id": first_id,
                "last_post_id": next_post - 1,
                "solution_post_id": first_id + 1 if solved else None,
            }
        )
        next_thread += 1
        made += size
        if len(post_rows) >= BATCH:
            _flush(thread_rows, post_rows, links)
    _flush(thread_rows, post_rows, links)
    return len(users), next_thread


def _flush(thread_rows, post_rows, links) -> None:
    """Threads, then their posts, then the thread's links to its posts."""
    for model, rows in ((Thread, thread_rows), (Post, post_rows)):
        if rows:
            db.session.execute(insert(model), rows)
    if links:
        db.session.execute(update(Thread), links)
    db.session.commit()
    for rows in (thread_rows, post_rows, links):
        rows.clear()


def queries(rng: random.Random, words: list[str], count: int) -> list[str]:
    """Two words a person might type: two words of one existing post (so that there is
    an answer), neither among the 20 most frequent nor rarer than rank 5,000."""
    usable = set(words[20:5000])
    last = db.session.scalar(select(func.max(Post.id)))
    chosen = []
    while len(chosen) < count:
        body = db.session.scalar(
            select(Post.body_source).where(Post.id >= rng.randint(1, last)).limit(1)
        )
        candidates = sorted({w for w in (body or "").split() if w in usable})
        if len(candidates) >= 2:
            chosen.append(" ".join(rng.sample(candidates, 2)))
    return chosen


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--procs", type=int, default=2, help="processes for the index build")
    parser.add_argument("--backend", choices=BACKENDS, default="whoosh", help="search backend")
    parser.add_argument(
        "--database", help="database URL (default: SQLite in the workdir; postgresql needs one)"
    )
    parser.add_argument("--workdir", help="keeps database and index (default: a temp dir)")
    parser.add_argument("--reuse", action="store_true", help="skip building if data exists")
    parser.add_argument("--work", type=int, help="SEARCH_SCAN_WORK (default: the config's)")
    args = parser.parse_args()
    database = make_url(args.database).get_backend_name() if args.database else "sqlite"
    if args.backend == "postgresql" and database != "postgresql":
        parser.error(
            "--backend postgresql keeps the index in the database: give a PostgreSQL --database"
        )

    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="kundenforum-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    url = args.database or f"sqlite:///{workdir / 'bench.sqlite'}"
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": url,
            "SEARCH_BACKEND": args.backend,
            "SEARCH_INDEX_PATH": str(workdir / "search"),
            "OUTBOX_DRAIN": "worker",
            **({"SEARCH_SCAN_WORK": args.work} if args.work else {}),
        }
    )
    rng = random.Random(20261121)  # noqa: S311 (reproducible test data)
    words = vocabulary(rng)
    with app.test_request_context():
        upgrade(directory=str(PROJECT_ROOT / "migrations"))
        existing = db.session.scalar(select(func.count(Post.id)))
        if not (args.reuse and existing >= args.posts):
            started = time.perf_counter()
            build_forum(args.posts, rng, words)
            print(f"forum: {args.posts:,} posts written in {time.perf_counter() - started:.0f} s")
        posts = db.session.scalar(select(func.count(Post.id)))
        threads = db.session.scalar(select(func.count(Thread.id)))
        where = workdir if database == "sqlite" else make_url(url).database
        print(f"forum: {posts:,} posts in {threads:,} threads ({database}: {where})")

        search = backend()
        print(f"search backend: {search.name}")
        if not (args.reuse and search.status().get("threads")):
            result = search.rebuild(procs=args.procs)
            rate = posts / result["seconds"]
            print(
                f"index build: {result['documents']:,} documents in {result['seconds']:.0f} s "
                f"= {rate:,.0f} posts/s (procs={args.procs})"
            )
        status = search.status()
        print(f"index size: {status['bytes'] / 2**20:,.0f} MB")

        viewers = [
            Guest(),
            db.session.scalars(select(User).where(User.username == "kundin")).one(),
            db.session.scalars(select(User).where(User.username == "jana.becker")).one(),
        ]
        board_ids = db.session.scalars(select(Board.id)).all()
        variants = [
            {},
            {"solved": True},
            {"period": "year"},
            {"board_id": board_ids[1]},
        ]
        texts = queries(rng, words, args.queries)
        per_page = app.config["SEARCH_RESULTS_PER_PAGE"]
        started = time.perf_counter()
        search.search(viewers[0], SearchOptions(q=texts[0]), per_page)
        db.session.rollback()
        opens = " (opens the searcher)" if search.name == "whoosh" else ""
        print(f"first search: {(time.perf_counter() - started) * 1000:.0f} ms{opens}")
        timings, found, bounded = [], [], 0
        for number, text in enumerate(texts):
            options = SearchOptions(q=text, **variants[number % len(variants)])
            viewer = viewers[number % len(viewers)]
            started = time.perf_counter()
            outcome = search.search(viewer, options, per_page)  # the hits carry their snippets
            timings.append((time.perf_counter() - started) * 1000)
            found.append(outcome.total)
            bounded += outcome.count_is_lower_bound
            db.session.rollback()
        print(
            f"queries: {len(timings)} two-word queries with filters and highlights "
            f"({per_page} results per page), "
            f"median {statistics.median(found):,.0f} threads found"
        )
        config = app.config
        steps = (
            f"{config['SEARCH_SCAN_WORK']:,} postings steps, " if search.name == "whoosh" else ""
        )
        print(
            f"work budget: {config['SEARCH_SCAN_BUDGET']:,} matches ranked, {steps}counts exact "
            f"up to {config['SEARCH_COUNT_LIMIT']:,}; {bounded} of {len(texts)} counts were "
            "lower bounds"
        )
        p50, p95 = percentile(timings, 0.5), percentile(timings, 0.95)
        print(
            f"latency ({search.name}): p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
            f"max {max(timings):.1f} ms"
        )


if __name__ == "__main__":
    main()
