"""Response-time figures, per support board and overall, computed in SQL.

Percentiles use the nearest-rank method with window functions, which SQLite and
PostgreSQL both have, so no thread is loaded into Python."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Integer, case, cast, func, literal, select

from ..access import readable_boards
from ..access.policy import sees_all_private_cases
from ..access.queries import visible_cases
from ..extensions import db
from ..models import STILL_OPEN, Board, Thread, ThreadStatus, utcnow


@dataclass
class Figures:
    board: Board | None  # None: all support boards together
    questions: int
    median_seconds: int | None
    p90_seconds: int | None
    solved: int
    waiting: int  # now, however long ago they asked: the old ones hurt most

    @property
    def solved_share(self) -> float | None:
        return self.solved / self.questions if self.questions else None


def response_figures(viewer, days: int, now: datetime | None = None) -> list[Figures]:
    """Questions asked in the last `days` days, of those the viewer may see: overall
    first, then each support board."""
    since = (now or utcnow()) - timedelta(days=days)
    in_window = [Board.is_support, Thread.created_at >= since]
    counts = _counts(viewer, in_window)
    waiting_now = _counts(viewer, [Board.is_support])
    percentiles = _percentiles(viewer, in_window)
    support_boards = readable_boards(viewer, select(Board)).where(Board.is_support)
    boards = {board.id: board for board in db.session.scalars(support_boards.order_by(Board.name))}
    figures = []
    for key in [None, *boards]:
        questions, solved, _ = counts.get(key, (0, 0, 0))
        waiting = waiting_now.get(key, (0, 0, 0))[2]
        median, p90 = percentiles.get(key, (None, None))
        figures.append(Figures(boards.get(key), questions, median, p90, solved, waiting))
    return figures


def _visible(viewer, stmt):
    """The access policy's filter, for statements that already join Board; hidden,
    deleted and held threads are no questions for the figures, nor are FAQs (answered
    the moment they were written down)."""
    stmt = readable_boards(viewer, stmt).where(Thread.live(), Thread.is_faq.is_(False))
    return stmt if sees_all_private_cases(viewer) else stmt.where(visible_cases(viewer))


def _counts(viewer, conditions) -> dict:
    """Per board and overall (key None): questions, solved, waiting for staff."""
    solved = func.sum(case((Thread.status == ThreadStatus.SOLVED.value, 1), else_=0))
    waiting = func.sum(
        case(
            (Thread.first_staff_reply_at.is_(None) & Thread.status.in_(STILL_OPEN), 1),
            else_=0,
        )
    )
    result = {}
    for group in (None, Thread.board_id):
        key = group if group is not None else literal(None, Integer)
        stmt = _visible(
            viewer,
            select(key.label("key"), func.count(Thread.id), solved, waiting)
            .join(Board, Thread.board_id == Board.id)
            .where(*conditions),
        )
        if group is not None:
            stmt = stmt.group_by(group)
        for row in db.session.execute(stmt):
            if row[1]:
                result[row.key] = (row[1], int(row[2] or 0), int(row[3] or 0))
    return result


def _percentiles(viewer, in_window) -> dict:
    result = {}
    for group in (None, Thread.board_id):
        partition = group if group is not None else literal(0)
        answered = _visible(
            viewer,
            select(
                (group if group is not None else literal(None, Integer)).label("key"),
                Thread.first_staff_reply_seconds.label("seconds"),
                func.row_number()
                .over(partition_by=partition, order_by=Thread.first_staff_reply_seconds)
                .label("rank"),
                func.count().over(partition_by=partition).label("n"),
            )
            .join(Board, Thread.board_id == Board.id)
            .where(*in_window, Thread.first_staff_reply_seconds.is_not(None)),
        ).subquery()

        def at(percent: int, ranked=answered):
            wanted = cast((ranked.c.n * percent + 99) // 100, Integer)
            return func.max(case((ranked.c.rank == wanted, ranked.c.seconds)))

        stmt = select(answered.c.key, at(50), at(90)).group_by(answered.c.key)
        for row in db.session.execute(stmt):
            result[row.key] = (row[1], row[2])
    return result
