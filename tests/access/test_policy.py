"""The access policy, table-driven: every role against every board visibility and
thread state, and the SQL filter must agree with the yes/no answer everywhere."""

import pytest
from sqlalchemy import select

from forum.access import Permission, can, decide, readable_threads
from forum.extensions import db
from forum.models import Guest, PostingPolicy, Thread, Visibility, utcnow

from ..factories import make_board, make_thread, make_user

ROLES = ["guest", "member", "customer", "staff", "moderator", "admin", "banned"]
READERS = {
    Visibility.PUBLIC: set(ROLES),
    Visibility.CUSTOMERS: {"customer", "staff", "moderator", "admin"},
    Visibility.STAFF: {"staff", "admin"},
}


@pytest.fixture
def people(app):
    return {
        "guest": Guest(),
        "member": make_user("m"),
        "customer": make_user("c", customer=True),
        "staff": make_user("s", staff=True),
        "moderator": make_user("mod", moderator=True),
        "admin": make_user("a", admin=True),
        "banned": make_user("b", staff=True, customer=True, banned_at=utcnow()),
    }


@pytest.fixture
def threads(people):
    author = make_user("autor", staff=True)  # staff may start threads everywhere
    made = {}
    for visibility in Visibility:
        for posting in PostingPolicy:
            board = make_board(visibility=visibility, posting=PostingPolicy.MEMBERS)
            thread = make_thread(board, author, f"{visibility} {posting}")
            board.posting_policy = posting
            made[(visibility, posting, False)] = thread
            locked = (
                make_thread(board, author, f"{visibility} {posting} zu")
                if posting != "read-only"
                else None
            )
            if locked:
                locked.is_locked = True
                made[(visibility, posting, True)] = locked
    db.session.commit()
    return made


@pytest.mark.parametrize("role", ROLES)
def test_read_matrix(people, threads, role):
    user = people[role]
    for (visibility, _posting, _locked), thread in threads.items():
        expected = role in READERS[visibility]
        assert can(user, Permission.THREAD_READ, thread) is expected, (role, visibility)
        assert can(user, Permission.BOARD_READ, thread.board) is expected
        decision = decide(user, Permission.THREAD_REPLY, thread)
        assert decision.visible is expected  # invisible targets are answered with 404


@pytest.mark.parametrize("role", ROLES)
def test_sql_filter_agrees_with_can_for_every_thread(people, threads, role):
    user = people[role]
    listed = set(db.session.scalars(readable_threads(user, select(Thread.id))))
    allowed = {t.id for t in threads.values() if can(user, Permission.THREAD_READ, t)}
    assert listed == allowed


@pytest.mark.parametrize("role", ROLES)
def test_reply_matrix(people, threads, role):
    user = people[role]
    for (visibility, posting, locked), thread in threads.items():
        readable = role in READERS[visibility]
        may_override_lock = role in {"moderator", "admin"}
        expected = (
            readable
            and role not in {"guest", "banned"}
            and posting != PostingPolicy.READ_ONLY
            and (not locked or may_override_lock)
        )
        assert can(user, Permission.THREAD_REPLY, thread) is expected, (
            role,
            visibility,
            posting,
            locked,
        )


@pytest.mark.parametrize("role", ROLES)
def test_start_thread_matrix(people, threads, role):
    user = people[role]
    for (visibility, posting, _locked), thread in threads.items():
        board = thread.board
        readable = role in READERS[visibility]
        by_policy = {
            PostingPolicy.MEMBERS: role not in {"guest", "banned"},
            PostingPolicy.STAFF: role in {"staff", "admin"},
            PostingPolicy.READ_ONLY: False,
        }[posting]
        assert can(user, Permission.THREAD_CREATE, board) is (readable and by_policy)


def test_denials_carry_a_reason(people, threads):
    locked = threads[(Visibility.PUBLIC, PostingPolicy.MEMBERS, True)]
    decision = decide(people["member"], Permission.THREAD_REPLY, locked)
    assert not decision.allowed and decision.visible and decision.reason


@pytest.fixture
def private_cases(people):
    """Private cases of the fixture's customer and of another customer, on each visibility."""
    from forum.posts import services as posts

    other = make_user("andere.kundin", customer=True)
    cases = []
    for visibility in Visibility:
        board = make_board(visibility=visibility)
        for owner in (people["customer"], other):
            if visibility == Visibility.STAFF:  # customers cannot open cases where they cannot read
                cases.append(make_thread(board, people["staff"], f"Notiz {visibility}"))
                cases[-1].is_private = True
                continue
            cases.append(
                posts.create_thread(owner, board, f"Fall {visibility}", "Text", private=True)
            )
        # An FAQ draft someone started who is no staff member (any more): not theirs.
        starter = people["staff" if visibility == Visibility.STAFF else "customer"]
        cases.append(make_thread(board, starter, f"FAQ-Entwurf {visibility}"))
        cases[-1].is_private = cases[-1].is_faq = cases[-1].is_faq_draft = True
    db.session.commit()
    return cases


@pytest.mark.parametrize("role", ROLES)
def test_private_cases_sql_filter_agrees_with_can(people, private_cases, role):
    user = people[role]
    ids = {case.id for case in private_cases}
    listed = set(db.session.scalars(readable_threads(user, select(Thread.id)))) & ids
    allowed = {case.id for case in private_cases if can(user, Permission.THREAD_READ, case)}
    assert listed == allowed
    own = {c.id for c in private_cases if c.author_id == user.id and not c.is_faq_draft}
    if role in {"staff", "admin"}:
        assert allowed == ids
    elif role == "moderator":
        assert allowed == {c.id for c in private_cases if c.board.visibility != Visibility.STAFF}
    else:
        assert allowed == own


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("guest", False),
        ("member", False),
        ("customer", True),
        ("staff", False),
        ("admin", False),
        ("banned", False),
    ],
)
def test_only_verified_customers_open_private_cases(people, role, allowed):
    board = make_board()
    assert can(people[role], Permission.CASE_OPEN, board) is allowed
