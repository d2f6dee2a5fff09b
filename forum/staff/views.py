from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..access import Permission, load_or_404, require
from ..auth.services import find_account
from ..extensions import db
from ..models import User, utcnow
from ..pagination import page_number
from ..posts import queries as post_queries
from ..posts.forms import StaffNoteForm
from ..posts.views import thread_url
from ..urls import parse_id, safe_next
from . import dashboard, queries, services
from .forms import AssignCaseForm, VerifyStaffForm

bp = Blueprint("staff", __name__)


@bp.get("/staff")
def directory():
    """Public: who the verified staff are and what the badge means."""
    return render_template("staff/directory.html", staff=queries.verified_staff())


@bp.get("/staff/queue")
@login_required
def queue():
    require(Permission.STAFF_QUEUE)
    tab = request.args.get("tab") if request.args.get("tab") in queries.QUEUES else "waiting"
    sort = request.args.get("sort") if request.args.get("sort") in queries.SORTS else "oldest"
    board_id = request.args.get("board", type=parse_id)
    page = queries.queue_page(
        current_user,
        tab,
        board_id,
        sort,
        page_number(request.args.get("page")),
        current_app.config["THREADS_PER_PAGE"],
    )
    return render_template(
        "staff/queue.html",
        page=page,
        tab=tab,
        sort=sort,
        board_id=board_id,
        boards=queries.support_boards(current_user),
        now=utcnow(),
    )


@bp.get("/staff/cases")
@login_required
def my_cases():
    require(Permission.STAFF_QUEUE)
    return render_template("staff/cases.html", threads=queries.my_cases(current_user))


@bp.get("/staff/dashboard")
@login_required
def response_times():
    require(Permission.STAFF_QUEUE)
    windows = {days: dashboard.response_figures(current_user, days) for days in (7, 30)}
    return render_template("staff/dashboard.html", windows=windows)


@bp.post("/t/<id:thread_id>/case-manager")
@login_required
def assign_case(thread_id: int):
    thread = load_or_404(post_queries.load_thread, thread_id, Permission.CASE_ASSIGN)
    form = AssignCaseForm()
    form.staff_id.choices = queries.staff_choices()
    if not form.validate_on_submit():
        abort(400, description=_("Please choose a staff member."))
    staff_member = db.session.get(User, form.staff_id.data)
    try:
        services.assign_case(current_user, thread, staff_member)
    except services.NotStaff:  # revoked a moment ago
        abort(400, description=_("Please choose a staff member."))
    flash(_("%(name)s is now the case manager.", name=staff_member.name), "success")
    return redirect(thread_url(thread))


@bp.route("/admin/staff", methods=["GET", "POST"])
@login_required
def manage_staff():
    require(Permission.STAFF_VERIFY)
    form = VerifyStaffForm()
    if form.validate_on_submit():
        user = find_account(form.username.data)
        if user is None:
            form.username.errors.append(_("There is no account with this name."))
        else:
            try:
                services.verify_staff(
                    current_user, user, form.title.data, form.team.data, form.team_account.data
                )
            except services.AlreadyStaff:
                form.username.errors.append(_("This account is verified staff already."))
            else:
                flash(_("%(name)s is now verified staff.", name=user.name), "success")
                return redirect(_back_to_staff_page())
    return render_template("staff/manage.html", form=form, staff=queries.verified_staff())


@bp.post("/admin/staff/<id:user_id>/revoke")
@login_required
def revoke_staff(user_id: int):
    require(Permission.STAFF_VERIFY)
    user = db.session.get(User, user_id)
    if user is None or not user.is_staff:
        abort(404)
    services.revoke_staff(current_user, user)
    flash(_("The staff verification of %(name)s was revoked.", name=user.name), "info")
    return redirect(_back_to_staff_page())


def _back_to_staff_page() -> str:
    """Or to the admin's page of the account, where the form was sent from."""
    return safe_next(request.form.get("next"), url_for("staff.manage_staff"))


@bp.post("/t/<id:thread_id>/notes")
@login_required
def add_note(thread_id: int):
    thread = load_or_404(post_queries.load_thread, thread_id, Permission.STAFF_NOTE_WRITE)
    form = StaffNoteForm()
    if not form.validate_on_submit():
        abort(400, description=" ".join(str(error) for error in form.note.errors))
    services.add_note(current_user, thread, form.note.data)
    flash(_("The internal note was added."), "success")
    return redirect(thread_url(thread) + "#staff-notes-heading")
