from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from ..access import Permission, load_or_404, require
from ..access.policy import moderates
from ..auth.services import find_account
from ..boards.queries import board_by_id, board_index
from ..pagination import page_number
from ..posts import queries as post_queries
from ..posts.views import post_url, thread_url
from ..urls import safe_next
from . import audit, reports, services, users
from .forms import (
    HIDE_REASONS,
    REPORT_REASONS,
    DuplicateForm,
    HidePostForm,
    LockForm,
    MoveForm,
    ReasonForm,
    RenameForm,
    ReportForm,
    ResolveReportForm,
    SuspendForm,
    WarnForm,
)

bp = Blueprint("moderation", __name__)


def _boards_to_move_to():
    """The boards the moderator may move threads into, by category."""
    grouped = (
        (category, [board for board in boards if moderates(current_user, board)])
        for category, boards in board_index(current_user)
    )
    return [(category, boards) for category, boards in grouped if boards]


@bp.app_context_processor
def _moderation_choices():
    """The reasons offered by the hide form inside every post's tools."""
    return {
        "hide_reasons": HIDE_REASONS,
        "report_reasons": REPORT_REASONS,
        # Called only where a moderator sees the thread tools.
        "boards_to_move_to": _boards_to_move_to,
        "unseen_warnings": users.unseen_warnings,
        "suspension_days": users.SUSPENSION_DAYS,
    }


def _form_or_400(form):
    if not form.validate_on_submit():
        errors = [str(e) for field in form for e in field.errors] + list(form.form_errors)
        abort(400, description=" ".join(errors))
    return form


def _done(message: str, target: str):
    flash(message, "success")
    return redirect(target)


@bp.post("/p/<id:post_id>/hide")
@login_required
def hide_post(post_id: int):
    post = load_or_404(post_queries.load_post, post_id, Permission.POST_HIDE)
    form = _form_or_400(HidePostForm())
    services.hide_post(current_user, post, form.shown_reason())
    return _done(_("The post is hidden."), post_url(post))


@bp.post("/p/<id:post_id>/restore")
@login_required
def restore_post(post_id: int):
    post = load_or_404(post_queries.load_post, post_id, Permission.POST_HIDE)
    form = _form_or_400(ReasonForm())
    services.restore_post(current_user, post, form.reason.data or "")
    return _done(_("The post is visible again."), post_url(post))


@bp.post("/t/<id:thread_id>/pin")
@login_required
def pin(thread_id: int):
    thread = load_or_404(post_queries.load_thread, thread_id, Permission.THREAD_MODERATE)
    _form_or_400(ReasonForm())
    services.set_pinned(current_user, thread, request.form.get("pinned") == "1")
    message = _("The thread is pinned.") if thread.is_pinned else _("The thread is unpinned.")
    return _done(message, thread_url(thread))


@bp.post("/t/<id:thread_id>/lock")
@login_required
def lock(thread_id: int):
    thread = load_or_404(post_queries.load_thread, thread_id, Permission.THREAD_MODERATE)
    form = _form_or_400(LockForm())
    services.lock(current_user, thread, form.reason.data.strip())
    return _done(_("The thread is locked."), thread_url(thread))


@bp.post("/t/<id:thread_id>/unlock")
@login_required
def unlock(thread_id: int):
    thread = load_or_404(post_queries.load_thread, thread_id, Permission.THREAD_MODERATE)
    form = _form_or_400(ReasonForm())
    services.unlock(current_user, thread, form.reason.data or "")
    return _done(_("The thread is open for replies again."), thread_url(thread))


@bp.get("/admin/audit")
@login_required
def audit_log():
    require(Permission.AUDIT_READ)
    action = request.args.get("action") or None
    actor_name = request.args.get("actor", "").strip()[:100]
    actor = find_account(actor_name) if actor_name else None
    if actor_name and actor is None:
        flash(_("There is no account with this name."), "error")
    page = audit.entries_page(
        page_number(request.args.get("page")),
        current_app.config["THREADS_PER_PAGE"],
        action,
        (actor.id if actor else 0) if actor_name else None,  # 0: nobody, no entries
    )
    return render_template(
        "moderation/audit.html",
        page=page,
        action=action,
        actor_name=actor_name,
        actions=audit.actions(),
    )


@bp.post("/p/<id:post_id>/report")
@login_required
def report_post(post_id: int):
    post = load_or_404(post_queries.load_post, post_id, Permission.POST_REPORT)
    form = _form_or_400(ReportForm())
    try:
        reports.report(current_user, post, form.reason.data, form.text.data or "")
    except reports.AlreadyReported:
        flash(_("You reported this post already; the moderators will look at it."), "info")
        return redirect(post_url(post))
    return _done(_("Thank you. The moderators will look at the post."), post_url(post))


@bp.get("/moderation/reports")
@login_required
def report_queue():
    require(Permission.REPORT_QUEUE)
    page = reports.queue_page(
        current_user, page_number(request.args.get("page")), current_app.config["THREADS_PER_PAGE"]
    )
    return render_template("moderation/reports.html", page=page, reasons=dict(REPORT_REASONS))


@bp.post("/moderation/reports/<id:post_id>")
@login_required
def resolve_report(post_id: int):
    require(Permission.REPORT_QUEUE)
    post = load_or_404(post_queries.load_post, post_id, Permission.POST_HIDE)
    form = _form_or_400(ResolveReportForm())
    note, decision = (form.note.data or "").strip(), form.decision.data
    if decision in ("warn", "suspend"):
        require(Permission.USER_MODERATE)
    to_author = (form.message.data or "").strip()
    if decision == "hide":
        reports.hide_reported(current_user, post, form.shown_reason(), note)
    elif decision == "edited":
        reports.close_as_edited(current_user, post, note)
    elif decision == "warn":
        reports.warn_author(current_user, post, to_author, note)
    elif decision == "suspend":
        reports.suspend_author(current_user, post, form.days.data, to_author, note)
    else:
        reports.dismiss(current_user, post, note)
    flash(str(RESOLVED_MESSAGES[decision]), "success")
    return redirect(url_for("moderation.report_queue"))


RESOLVED_MESSAGES = {
    "hide": _l("The post is hidden and its reports are closed."),
    "edited": _l("The reports of the edited post are closed."),
    "warn": _l("The author is warned and the reports are closed."),
    "suspend": _l("The author is suspended and the reports are closed."),
    "dismiss": _l("The reports are dismissed."),
}


@bp.get("/reports/mine")
@login_required
def my_reports():
    return render_template(
        "moderation/my_reports.html",
        reports=reports.my_reports(current_user),
        reasons=dict(REPORT_REASONS),
    )


@bp.get("/p/<id:post_id>/history")
@login_required
def post_history(post_id: int):
    """Earlier versions of a post, for moderators."""
    post = load_or_404(post_queries.load_post, post_id, Permission.POST_HIDE)
    return render_template("moderation/history.html", post=post, revisions=audit.revisions(post))


@bp.post("/t/<id:thread_id>/rename")
@login_required
def rename(thread_id: int):
    thread = load_or_404(post_queries.load_thread, thread_id, Permission.THREAD_MODERATE)
    form = _form_or_400(RenameForm())
    services.rename(current_user, thread, form.title.data, form.reason.data or "")
    return _done(_("The thread is renamed."), thread_url(thread))


@bp.post("/t/<id:thread_id>/move")
@login_required
def move(thread_id: int):
    thread = load_or_404(post_queries.load_thread, thread_id, Permission.THREAD_MODERATE)
    form = _form_or_400(MoveForm())
    board = board_by_id(form.board.data)
    if board is None:
        abort(404)
    services.move(current_user, thread, board, form.reason.data or "")
    return _done(_("The thread was moved to %(board)s.", board=board.name), thread_url(thread))


@bp.post("/t/<id:thread_id>/hide")
@login_required
def hide_thread(thread_id: int):
    thread = load_or_404(post_queries.load_thread, thread_id, Permission.THREAD_MODERATE)
    form = _form_or_400(LockForm())
    services.hide_thread(current_user, thread, form.reason.data.strip())
    return _done(_("The thread is hidden."), thread_url(thread))


@bp.post("/t/<id:thread_id>/restore")
@login_required
def restore_thread(thread_id: int):
    thread = load_or_404(post_queries.load_thread, thread_id, Permission.THREAD_MODERATE)
    form = _form_or_400(ReasonForm())
    services.restore_thread(current_user, thread, form.reason.data or "")
    return _done(_("The thread is visible again."), thread_url(thread))


def _member(username: str):
    require(Permission.USER_MODERATE)
    user = find_account(username)
    if user is None:
        abort(404)
    return user


def _profile(user) -> str:
    """Back to the profile, or to the admin page the form was sent from."""
    return safe_next(request.form.get("next"), url_for("users.profile", username=user.username))


@bp.post("/u/<username>/warn")
@login_required
def warn(username: str):
    user = _member(username)
    form = _form_or_400(WarnForm())
    users.warn(current_user, user, form.text.data.strip())
    return _done(_("%(name)s was warned.", name=user.name), _profile(user))


@bp.post("/u/<username>/suspend")
@login_required
def suspend(username: str):
    user = _member(username)
    form = _form_or_400(SuspendForm())
    if form.days.data not in users.SUSPENSION_DAYS:
        abort(400)
    users.suspend(current_user, user, form.days.data, form.reason.data.strip())
    return _done(
        _("%(name)s is suspended.", name=user.name),
        _profile(user),
    )


@bp.post("/u/<username>/unsuspend")
@login_required
def unsuspend(username: str):
    user = _member(username)
    form = _form_or_400(ReasonForm())
    users.lift_suspension(current_user, user, form.reason.data or "")
    return _done(
        _("The suspension of %(name)s is lifted.", name=user.name),
        _profile(user),
    )


@bp.post("/u/<username>/ban")
@login_required
def ban(username: str):
    user = _member(username)
    form = _form_or_400(LockForm())
    users.ban(current_user, user, form.reason.data.strip())
    return _done(_("%(name)s is banned.", name=user.name), _profile(user))


@bp.post("/u/<username>/unban")
@login_required
def unban(username: str):
    user = _member(username)
    form = _form_or_400(ReasonForm())
    users.unban(current_user, user, form.reason.data or "")
    return _done(
        _("The ban of %(name)s is lifted.", name=user.name),
        _profile(user),
    )


@bp.post("/u/<username>/avatar/remove")
@login_required
def remove_avatar(username: str):
    user = _member(username)
    form = _form_or_400(ReasonForm())
    users.remove_avatar(current_user, user, form.reason.data or "")
    return _done(_("The picture of %(name)s is removed.", name=user.name), _profile(user))


@bp.post("/warnings/seen")
@login_required
def acknowledge_warnings():
    _form_or_400(ReasonForm())
    users.acknowledge_warnings(current_user)
    return redirect(safe_next(request.form.get("next"), url_for("boards.index")))


@bp.post("/t/<id:thread_id>/duplicate")
@login_required
def close_as_duplicate(thread_id: int):
    thread = load_or_404(post_queries.load_thread, thread_id, Permission.THREAD_MODERATE)
    form = _form_or_400(DuplicateForm())
    original = post_queries.load_thread(form.original_id())
    if original is None:
        abort(400, description=_("There is no such thread."))
    services.close_as_duplicate(current_user, thread, original, form.reason.data or "")
    return _done(_("The thread is closed as a duplicate."), thread_url(thread))


from . import (  # noqa: E402, F401  (routes of this blueprint)
    admin_views,
    approval_views,
    imitation_views,
    thread_views,
)
