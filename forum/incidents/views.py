from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from ..access import Permission, can, readable_threads, require
from ..boards.queries import board_index, boards_by_ids
from ..extensions import db
from ..models import Incident, Thread
from ..posts import queries as post_queries
from ..posts.views import thread_url
from ..urls import parse_id
from . import services
from .forms import IncidentForm, IncidentUpdateForm

bp = Blueprint("incidents", __name__)


@bp.app_context_processor
def _banner():
    # active_incidents: called only where staff link a thread to an incident.
    return {"incident_banners": services.banners, "active_incidents": services.active}


def _incident_or_404(incident_id: int) -> Incident:
    incident = db.session.get(Incident, incident_id)
    if incident is None:
        abort(404)
    return incident


@bp.get("/status")
def status():
    return render_template(
        "incidents/status.html", active=services.active(), recent=services.recent()
    )


@bp.get("/status/<id:incident_id>")
def show(incident_id: int):
    incident = _incident_or_404(incident_id)
    linked = list(
        db.session.scalars(
            readable_threads(current_user, select(Thread))
            .where(Thread.incident_id == incident.id)
            .order_by(Thread.last_post_at.desc())
            .limit(50)
        )
    )
    may_manage = can(current_user, Permission.INCIDENT_MANAGE)
    return render_template(
        "incidents/show.html",
        incident=incident,
        linked=linked,
        following=services.follows(current_user, incident),
        update_form=IncidentUpdateForm() if may_manage and incident.is_active else None,
    )


def _board_choices():
    return [
        (board.id, board.name)
        for _category, boards in board_index(current_user)
        for board in boards
    ]


@bp.route("/status/new", methods=["GET", "POST"])
@login_required
def new():
    require(Permission.INCIDENT_MANAGE)
    form = IncidentForm()
    form.boards.choices = _board_choices()
    if form.validate_on_submit():
        boards = boards_by_ids(form.boards.data or [])
        incident = services.publish(
            current_user,
            form.title.data,
            form.body.data,
            form.severity.data,
            form.products.data or "",
            boards,
            form.started_at_utc(),
        )
        flash(_("The incident is published; the banner shows at once."), "success")
        return redirect(url_for("incidents.show", incident_id=incident.id))
    status = 400 if form.is_submitted() else 200
    return render_template("incidents/new.html", form=form), status


@bp.post("/status/<id:incident_id>/updates")
@login_required
def add_update(incident_id: int):
    require(Permission.INCIDENT_MANAGE)
    incident = _incident_or_404(incident_id)
    form = IncidentUpdateForm()
    if not form.validate_on_submit():
        abort(400, description=_("Please write the update."))
    services.post_update(current_user, incident, form.body.data, form.resolves.data)
    flash(
        _("The incident is resolved; followers are told.")
        if form.resolves.data
        else _("The update is published; followers are told."),
        "success",
    )
    return redirect(url_for("incidents.show", incident_id=incident.id))


@bp.post("/status/<id:incident_id>/follow")
@login_required
def follow(incident_id: int):
    incident = _incident_or_404(incident_id)
    services.set_following(current_user, incident, request.form.get("following") == "1")
    return redirect(url_for("incidents.show", incident_id=incident.id))


@bp.post("/t/<id:thread_id>/incident")
@login_required
def link_thread(thread_id: int):
    require(Permission.INCIDENT_MANAGE)
    thread = post_queries.load_thread(thread_id)
    if thread is None:
        abort(404)
    require(Permission.THREAD_READ, thread)
    raw = request.form.get("incident", "")
    incident = None
    if raw:
        try:
            incident = _incident_or_404(parse_id(raw))
        except ValueError:
            abort(400)
    services.link_thread(current_user, thread, incident)
    flash(
        _("The thread is marked as a known incident.") if incident else _("The mark is removed."),
        "success",
    )
    return redirect(thread_url(thread))
