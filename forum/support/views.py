"""Actions on a question. Each is a small POST form on the thread page."""

from flask import Blueprint, abort, flash, redirect, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..access import Permission, load_or_404
from ..posts import queries as post_queries
from ..posts.views import post_url, thread_url
from ..urls import parse_id
from . import services

bp = Blueprint("support", __name__)


def _question(thread_id: int, permission: Permission):
    return load_or_404(post_queries.load_thread, thread_id, permission)


@bp.post("/t/<id:thread_id>/solution")
@login_required
def mark_solution(thread_id: int):
    thread = _question(thread_id, Permission.THREAD_SOLVE)
    post_id = request.form.get("post_id", type=parse_id)
    if post_id is None:
        abort(404)
    post = load_or_404(post_queries.load_post, post_id, Permission.POST_READ)
    try:
        services.mark_solution(current_user, thread, post)
    except services.NotInThread:
        abort(403, description=_("This post is not a reply in this question."))
    flash(_("Marked as the solution. Thank you!"), "success")
    return redirect(post_url(post))


@bp.post("/t/<id:thread_id>/solution/remove")
@login_required
def unmark_solution(thread_id: int):
    thread = _question(thread_id, Permission.THREAD_SOLVE)
    services.unmark_solution(current_user, thread)
    flash(_("The solution mark was removed."), "info")
    return redirect(thread_url(thread))


@bp.post("/t/<id:thread_id>/affected")
@login_required
def report_affected(thread_id: int):
    thread = _question(thread_id, Permission.THREAD_AFFECTED)
    if services.report_affected(current_user, thread):
        flash(_("Noted: you have the same problem. You now follow this question."), "success")
    return redirect(thread_url(thread))


@bp.post("/t/<id:thread_id>/affected/remove")
@login_required
def withdraw_affected(thread_id: int):
    thread = _question(thread_id, Permission.THREAD_READ)
    services.withdraw_affected(current_user, thread)
    return redirect(thread_url(thread))


@bp.post("/t/<id:thread_id>/close")
@login_required
def close(thread_id: int):
    thread = _question(thread_id, Permission.THREAD_CLOSE)
    services.close_question(current_user, thread)
    return redirect(thread_url(thread))


@bp.post("/t/<id:thread_id>/reopen")
@login_required
def reopen(thread_id: int):
    thread = _question(thread_id, Permission.THREAD_CLOSE)
    services.reopen_question(current_user, thread)
    return redirect(thread_url(thread))
