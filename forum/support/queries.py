"""What the thread page shows about a question, for one viewer."""

from datetime import timedelta

from flask import current_app

from ..access import Permission, can
from ..extensions import db
from ..models import Thread, ThreadAffected, ThreadStatus, utcnow
from ..staff import queries as staff_queries
from ..staff.forms import AssignCaseForm


def question_context(viewer, thread: Thread) -> dict:
    if not thread.board.is_support:
        return {"may_solve": False}
    assign_form = None
    if can(viewer, Permission.CASE_ASSIGN, thread):
        assign_form = AssignCaseForm(staff_id=thread.case_manager_id or viewer.id)
        assign_form.staff_id.choices = staff_queries.staff_choices()
    return {
        "may_solve": can(viewer, Permission.THREAD_SOLVE, thread),
        "i_am_affected": viewer.is_authenticated
        and db.session.get(ThreadAffected, (thread.id, viewer.id)) is not None,
        "reminder": _remind_to_mark_solution(viewer, thread),
        "assign_form": assign_form,
        "handovers": staff_queries.assignment_history(thread)
        if thread.case_manager_id and can(viewer, Permission.CASE_HISTORY_READ, thread)
        else [],
    }


def _remind_to_mark_solution(viewer, thread: Thread) -> bool:
    """The asker is reminded once staff answered a while ago and nothing is marked."""
    if viewer.id != thread.author_id or thread.status != ThreadStatus.ANSWERED:
        return False
    if thread.last_staff_reply_at is None:
        return False
    waited = timedelta(hours=current_app.config["SOLUTION_REMINDER_HOURS"])
    return utcnow() - thread.last_staff_reply_at >= waited
