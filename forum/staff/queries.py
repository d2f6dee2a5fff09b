"""The staff's views of waiting questions. Lists go through the access policy's SQL filter."""

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload
from wtforms import SelectChoice

from ..access import Permission, can, readable_boards, readable_threads
from ..extensions import db
from ..models import (
    STILL_OPEN,
    Board,
    CaseAssignment,
    StaffNote,
    StaffVerification,
    Thread,
    User,
)
from ..pagination import Page, paginate
from ..posts.forms import StaffNoteForm

QUEUES = ("waiting", "again")
SORTS = ("oldest", "affected")


def _questions(viewer, board_id: int | None):
    stmt = readable_threads(viewer, select(Thread)).where(
        Board.is_support, Thread.status.in_(STILL_OPEN), Thread.live()
    )
    return stmt.where(Thread.board_id == board_id) if board_id else stmt


def queue_page(
    viewer, queue: str, board_id: int | None, sort: str, page: int, per_page: int
) -> Page:
    """ "waiting": no staff reply yet, oldest first. "again": the asker wrote after the
    last staff reply. `sort="affected"` puts the widest problems first."""
    stmt = _questions(viewer, board_id).where(Thread.waiting_since.is_not(None))
    if queue == "waiting":
        stmt = stmt.where(Thread.first_staff_reply_at.is_(None))
    else:
        stmt = stmt.where(Thread.first_staff_reply_at.is_not(None))
    total = db.session.scalar(stmt.with_only_columns(func.count(Thread.id)))
    order = [Thread.waiting_since.asc(), Thread.id.asc()]
    if sort == "affected":
        order.insert(0, Thread.affected_count.desc())
    stmt = stmt.options(joinedload(Thread.author), joinedload(Thread.board)).order_by(*order)
    return paginate(stmt, page, per_page, total=total)


def my_cases(staff_member: User) -> list[Thread]:
    """Open questions this staff member manages, those waiting longest first."""
    return list(
        db.session.scalars(
            _questions(staff_member, None)
            .where(Thread.case_manager_id == staff_member.id)
            .options(joinedload(Thread.author), joinedload(Thread.board))
            .order_by(Thread.waiting_since.asc().nulls_last(), Thread.id.asc())
        ).unique()
    )


def support_boards(viewer) -> list[Board]:
    return list(
        db.session.scalars(
            readable_boards(viewer, select(Board)).where(Board.is_support).order_by(Board.name)
        )
    )


def staff_choices() -> list[SelectChoice]:
    return [SelectChoice(user.id, user.name) for user in verified_staff()]


def assignment_history(thread: Thread) -> list[CaseAssignment]:
    return list(
        db.session.scalars(
            select(CaseAssignment)
            .where(CaseAssignment.thread_id == thread.id)
            .options(joinedload(CaseAssignment.staff), joinedload(CaseAssignment.assigned_by))
            .order_by(CaseAssignment.assigned_at)
        )
    )


def verified_staff() -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .join(StaffVerification, StaffVerification.user_id == User.id)
            .where(StaffVerification.revoked_at.is_(None))
            .order_by(StaffVerification.team, User.display_name, User.username)
        )
    )


def staff_context(viewer, thread: Thread) -> dict:
    """Internal notes for the thread page, for those who may read them."""
    if not can(viewer, Permission.STAFF_NOTE_READ, thread):
        return {"note_form": None}
    notes = db.session.scalars(
        select(StaffNote)
        .where(StaffNote.thread_id == thread.id)
        .options(joinedload(StaffNote.author))
        .order_by(StaffNote.id)
    )
    return {"note_form": StaffNoteForm(), "staff_notes": list(notes)}
