"""Builders for test data. Posts go through the real services, so counters and
rendering are what the forum itself produces."""

import itertools
from dataclasses import dataclass
from datetime import timedelta

from forum.extensions import db
from forum.models import (
    Board,
    Category,
    CustomerVerification,
    PostingPolicy,
    StaffVerification,
    Thread,
    User,
    Visibility,
    utcnow,
)
from forum.posts import services as post_services

PASSWORD = "Sieben gelbe Fahrräder fahren"
_numbers = itertools.count(1)


def make_user(username=None, *, staff=False, customer=False, moderator=False, admin=False, **kw):
    username = username or f"nutzer{next(_numbers)}"
    user = User(
        username=username,
        email=kw.pop("email", f"{username}@example.test"),
        password=kw.pop("password", PASSWORD),
        is_moderator=moderator,
        is_admin=admin,
        email_confirmed_at=kw.pop("email_confirmed_at", utcnow()),
        **kw,
    )
    db.session.add(user)
    db.session.flush()
    if staff:
        db.session.add(
            StaffVerification(user_id=user.id, title="Kundenservice", team="Team Technik")
        )
    if customer:
        db.session.add(
            CustomerVerification(user_id=user.id, customer_number="1234567890", method="staff")
        )
    db.session.commit()
    return user


def login_token(user) -> str:
    """A live log-in session's token, for tests that write the session cookie themselves
    (`session["_user_id"] = login_token(user)`)."""
    from forum.auth import sessions

    return sessions.issue(user, remember=False, user_agent="")[1]


def make_board(name=None, *, visibility=Visibility.PUBLIC, posting=PostingPolicy.MEMBERS, **kw):
    number = next(_numbers)
    name = name or f"Bereich {number}"
    category = kw.pop("category", None) or Category(name=f"Kategorie {number}", position=number)
    board = Board(
        category=category,
        name=name,
        slug=kw.pop("slug", f"bereich-{number}"),
        visibility=visibility,
        posting_policy=posting,
        **kw,
    )
    db.session.add(board)
    db.session.commit()
    return board


def make_thread(board, author, title=None, body="Erster Beitrag", replies=0, repliers=None):
    title = title or f"Frage Nummer {next(_numbers)}"
    thread = post_services.create_thread(author, board, title, body)
    for index in range(replies):
        replier = (repliers or [author])[index % len(repliers or [author])]
        post_services.reply(replier, thread, f"Antwort {index + 1}")
    return thread


def backdate(thread: Thread, hours: float) -> None:
    """Moves a thread's activity into the past, for ordering tests."""
    moment = utcnow() - timedelta(hours=hours)
    thread.created_at = moment
    thread.last_post_at = moment
    db.session.commit()


@dataclass
class SmallForum:
    board: Board
    thread: Thread
    guest: None
    member: User
    author: User
    customer: User
    staff: User
    moderator: User
    admin: User


def small_forum() -> SmallForum:
    author = make_user("autorin")
    board = make_board("DSL & Festnetz", slug="dsl-festnetz")
    thread = make_thread(board, author, "Router blinkt rot nach Gewitter", "Was tun?")
    return SmallForum(
        board=board,
        thread=thread,
        guest=None,
        member=make_user("mitglied"),
        author=author,
        customer=make_user("kunde", customer=True),
        staff=make_user("mitarbeiter", staff=True),
        moderator=make_user("moderatorin", moderator=True),
        admin=make_user("verwalter", admin=True),
    )
