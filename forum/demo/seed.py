"""The demo community that `make run` shows a newcomer: an internet provider's
customer forum, one account per role, a few hundred threads with replies."""

import random
from datetime import timedelta

from sqlalchemy import false, func, insert, select

from ..boards import services as board_services
from ..extensions import db
from ..models import (
    Board,
    CaseAssignment,
    CustomerVerification,
    Post,
    StaffVerification,
    Subscription,
    Thread,
    ThreadAffected,
    User,
    utcnow,
)
from ..posts import services as post_services
from ..posts.counters import recount_all
from ..posts.markdown import render
from ..posts.services import slug_for
from ..staff import services as staff_services
from . import content

# Printed at every start of `make run`; demo accounts are for trying the forum locally.
DEMO_PASSWORD = "Kundenforum-Demo-2026"  # noqa: S105

# role key -> (username, display name, e-mail)
DEMO_ACCOUNTS = {
    "member": ("mitglied", "Max Neumann", "mitglied@demo.invalid"),
    "customer": ("kundin", "Lena Hoffmann", "kundin@demo.invalid"),
    "staff": ("jana.becker", "Jana Becker", "jana.becker@demo.invalid"),
    "moderator": ("moderator", "Tobias Kern", "moderator@demo.invalid"),
    "admin": ("admin", "Forum-Admin", "admin@demo.invalid"),
}
DEMO_ACCOUNTS_PRINTABLE = [
    ("Mitglied (member)", "mitglied", DEMO_PASSWORD),
    ("Vertragskundin (customer)", "kundin", DEMO_PASSWORD),
    ("Mitarbeiterin (staff)", "jana.becker", DEMO_PASSWORD),
    ("Moderator", "moderator", DEMO_PASSWORD),
    ("Admin", "admin", DEMO_PASSWORD),
]
GENERATED_THREADS_PER_BOARD = 55
DEMO_DAYS = 120


def seed_demo(rng_seed: int = 2026) -> bool:
    """Creates the demo once; returns False when the forum already has boards."""
    if db.session.scalar(select(Board.id).limit(1)) is not None:
        return False
    rng = random.Random(rng_seed)
    accounts = _create_accounts()
    community = [
        User(
            username=username,
            display_name=display_name or None,
            email=f"{username}@demo.invalid",
            password=DEMO_PASSWORD,
            email_confirmed_at=utcnow(),
        )
        for username, display_name in content.COMMUNITY_MEMBERS
    ]
    db.session.add_all(community)
    boards = _create_boards()
    db.session.flush()

    for slug, board in boards.items():
        threads = content.HANDWRITTEN_THREADS.get(slug, []) + content.generated_threads(
            rng, slug, GENERATED_THREADS_PER_BOARD
        )
        for spec in threads:
            _create_thread(rng, board, spec, accounts, community)
    db.session.flush()
    recount_all()
    _follow_own_threads()
    _private_case(accounts, boards["vertrag-rechnung"])
    return True


def _follow_own_threads() -> None:
    """As if written through the forum: everyone follows the threads they wrote in,
    since they first wrote there (so the bell rings for later replies only)."""
    first_posts = select(
        Post.author_id, Post.thread_id, false(), func.min(Post.created_at)
    ).group_by(Post.author_id, Post.thread_id)
    db.session.execute(
        insert(Subscription).from_select(
            ["user_id", "thread_id", "muted", "created_at"], first_posts
        )
    )


def _private_case(accounts, board: Board) -> None:
    """One private case of the demo customer, answered by staff, with an internal note."""
    customer, staff = accounts["customer"], accounts["staff"]
    case = post_services.create_thread(
        customer,
        board,
        "Gutschrift aus Störung im Oktober fehlt",
        "Hallo, für die Störung vom 12. bis 15. Oktober wurde mir eine Gutschrift zugesagt. "
        "Auf der Novemberrechnung finde ich sie nicht. Können Sie bitte nachsehen?",
        private=True,
    )
    post_services.reply(
        staff,
        case,
        "Hallo Frau Hoffmann,\n\ndie Gutschrift über 12,50 € war vorgemerkt, wurde aber nicht "
        "gebucht. Ich habe sie nachgetragen; sie erscheint auf der Dezemberrechnung.\n\n"
        "Viele Grüße\nJana vom Kundenservice",
    )
    staff_services.add_note(staff, case, "Gutschrift nachgebucht, Ticket **KS-2026-118842**.")


def _create_accounts() -> dict[str, User]:
    accounts = {}
    for role, (username, display_name, email) in DEMO_ACCOUNTS.items():
        accounts[role] = User(
            username=username,
            display_name=display_name,
            email=email,
            password=DEMO_PASSWORD,
            email_confirmed_at=utcnow(),
        )
    accounts["admin"].is_admin = True
    accounts["moderator"].is_moderator = True
    db.session.add_all(accounts.values())
    db.session.flush()
    db.session.add_all(
        [
            StaffVerification(
                user_id=accounts["staff"].id,
                title="Kundenservice Internet",
                team="Team Kundenservice",
                verified_by_id=accounts["admin"].id,
            ),
            CustomerVerification(
                user_id=accounts["customer"].id,
                customer_number="4711002233",
                method="staff",
                verified_by_id=accounts["staff"].id,
            ),
        ]
    )
    return accounts


def _create_boards() -> dict[str, Board]:
    boards = {}
    for category in content.CATEGORIES:
        for spec in category["boards"]:
            board = board_services.create_board(category["name"], **spec)
            boards[board.slug] = board
    return boards


def _author(rng, key: str, asker: User, accounts, community) -> User:
    if key == "asker":
        return asker
    if key == "community":
        return rng.choice(community)
    return accounts[key]


def _create_thread(rng, board: Board, spec: dict, accounts, community) -> None:
    asker = _author(rng, spec["author"], None, accounts, community)
    # Old enough for all its replies to lie in the past.
    started = utcnow() - timedelta(days=rng.uniform(0.3 + 0.5 * len(spec["replies"]), DEMO_DAYS))
    thread = Thread(
        board=board,
        author=asker,
        title=spec["title"],
        slug=slug_for(spec["title"]),
        is_pinned=spec.get("pinned", False),
        is_locked=spec.get("locked", False),
        created_at=started,
        last_post_at=started,
    )
    moment = started
    posts = [Post(thread=thread, author=asker, created_at=moment, **_body(spec["body"]))]
    for reply in spec["replies"]:
        moment += timedelta(minutes=rng.uniform(8, 60 * 12))
        author = _author(rng, reply["author"], asker, accounts, community)
        posts.append(Post(thread=thread, author=author, created_at=moment, **_body(reply["body"])))
    db.session.add(thread)
    db.session.add_all(posts)
    if board.is_support:
        _support_story(rng, thread, posts, accounts, community)


# An asker's follow-up with one of these says that the answer before it helped.
THANKS = ("danke", "das war's", "hat geklappt", "funktioniert wieder", "läuft wieder")


def _support_story(rng, thread: Thread, posts: list[Post], accounts, community) -> None:
    """Solutions, case managers and "same problem" clicks, as a real forum would have them."""
    helpers = []
    for post in posts[1:]:
        if post.author is thread.author:
            if helpers and any(word in post.body_source.lower() for word in THANKS):
                thread.solution = helpers[-1]
        else:
            helpers.append(post)
    staff = accounts["staff"]
    if thread.author is accounts["customer"] and any(p.author is staff for p in posts):
        thread.case_manager = staff
        db.session.add(
            CaseAssignment(
                thread=thread, staff=staff, assigned_by=staff, assigned_at=posts[1].created_at
            )
        )
    if thread.solution is None and rng.random() < 0.4:
        for member in rng.sample(community, rng.randint(1, 6)):
            if member is not thread.author:
                db.session.add(ThreadAffected(thread=thread, user=member))


def _body(source: str) -> dict:
    return {"body_source": source, "body_html": render(source)}
