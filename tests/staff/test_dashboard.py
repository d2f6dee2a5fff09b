"""Response-time figures checked against questions with known timelines."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import StaffVerification, ThreadStatus, User, utcnow
from forum.posts import services as posts
from forum.staff.dashboard import response_figures

from ..factories import make_board, make_thread, make_user


def _question(board, asker, staff, asked_days_ago, staff_after_hours=None, solved=False):
    thread = make_thread(board, asker, f"Frage vor {asked_days_ago} Tagen")
    asked = utcnow() - timedelta(days=asked_days_ago)
    thread.created_at = asked
    db.session.commit()
    if staff_after_hours is not None:
        posts.reply(staff, thread, "Antwort vom Service")
        thread.first_staff_reply_seconds = int(staff_after_hours * 3600)
        thread.first_staff_reply_at = asked + timedelta(hours=staff_after_hours)
    if solved:
        thread.status = ThreadStatus.SOLVED
    db.session.commit()
    return thread


@pytest.fixture
def timelines(app):
    dsl = make_board("DSL", slug="dsl")
    mobil = make_board("Mobil", slug="mobil")
    chat = make_board("Plaudern", slug="chat", is_support=False)
    asker, staff = make_user("kunde"), make_user("jana", staff=True)
    # DSL, last 7 days: staff answered after 1, 2, 3, 4 and 10 hours; one still waiting.
    for hours in (1, 2, 3, 4, 10):
        _question(dsl, asker, staff, 2, hours, solved=hours <= 2)
    _question(dsl, asker, staff, 1)
    # Mobil: one answered after 20 h, 20 days ago (inside 30 days, outside 7).
    _question(mobil, asker, staff, 20, 20, solved=True)
    # Too old for both windows, and a chat thread that is no question at all.
    _question(mobil, asker, staff, 40, 100)
    make_thread(chat, asker, "Nur Plaudern")
    return dsl, mobil


def backdate_question(thread, days: float) -> None:
    """Moves a question's asking time into the past."""
    moment = utcnow() - timedelta(days=days)
    thread.created_at = moment
    thread.last_asker_post_at = moment
    thread.waiting_since = moment
    db.session.commit()


def _staff_member() -> User:
    """The figures are for staff; any verified staff member sees them all."""
    return db.session.scalar(
        select(User).join(StaffVerification, StaffVerification.user_id == User.id).limit(1)
    )


def _by_board(figures):
    return {(f.board.slug if f.board else "all"): f for f in figures}


def test_seven_day_figures(timelines):
    figures = _by_board(response_figures(_staff_member(), 7))
    dsl = figures["dsl"]
    assert (dsl.questions, dsl.solved, dsl.waiting) == (6, 2, 1)
    assert dsl.median_seconds == 3 * 3600  # nearest rank of 1, 2, 3, 4, 10 hours
    assert dsl.p90_seconds == 10 * 3600
    assert dsl.solved_share == pytest.approx(2 / 6)
    assert figures["mobil"].questions == 0 and figures["mobil"].median_seconds is None
    assert figures["all"].questions == 6
    assert "chat" not in figures


def test_waiting_counts_every_unanswered_question_however_old(timelines):
    _, mobil = timelines
    asker = make_user("alte.frage")
    _question(mobil, asker, None, 60)
    for days in (7, 30):
        figures = _by_board(response_figures(_staff_member(), days))
        assert figures["mobil"].waiting == 1 and figures["mobil"].questions == (
            1 if days == 30 else 0
        )
        assert figures["all"].waiting == 2


def test_service_timings_feed_the_dashboard(app):
    board = make_board("Technik", slug="technik")
    asker, staff = make_user("kunde"), make_user("jana", staff=True)
    thread = make_thread(board, asker, "Echte Zeitmessung")
    thread.created_at = utcnow() - timedelta(hours=5)
    db.session.commit()
    posts.reply(staff, thread, "Antwort")
    figures = _by_board(response_figures(_staff_member(), 7))
    assert abs(figures["technik"].median_seconds - 5 * 3600) < 60


def test_thirty_day_figures_include_older_questions(timelines):
    figures = _by_board(response_figures(_staff_member(), 30))
    assert figures["mobil"].questions == 1
    assert figures["mobil"].median_seconds == 20 * 3600
    overall = figures["all"]
    assert overall.questions == 7 and overall.solved == 3 and overall.waiting == 1
    assert overall.median_seconds == 3 * 3600  # 1, 2, 3, 4, 10, 20 hours: rank 3 of 6
    assert overall.p90_seconds == 20 * 3600
