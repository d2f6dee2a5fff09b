from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import outbox
from ..access import Permission, load_or_404, require
from ..boards.queries import board_by_slug
from ..extensions import csrf, db
from ..models import MailMode, Notification
from ..pagination import page_number
from ..posts import queries as post_queries
from ..posts.views import post_url, thread_url
from . import follows, mail, mail_admin, queries
from .forms import EVENT_LABELS, DiscardMailForm, MailSettingsForm, field_for, field_name
from .texts import describe

bp = Blueprint("notifications", __name__)


@bp.app_context_processor
def _notification_helpers():
    return {
        "describe_notification": describe,
        "thread_follow_state": lambda thread: follows.thread_state(current_user, thread),
        "follows_board": lambda board: follows.follows_board(current_user, board),
    }


@bp.get("/notifications")
@login_required
def index():
    page = queries.page_of(
        current_user, page_number(request.args.get("page")), current_app.config["THREADS_PER_PAGE"]
    )
    lines = [(line, queries.readable_thread(current_user, line)) for line in page.items]
    return render_template("notifications/index.html", page=page, lines=lines)


@bp.get("/notifications/<id:notification_id>")
@login_required
def open_notification(notification_id: int):
    """Marks the line read and leads to what it is about, if the person may still see it."""
    line = db.session.get(Notification, notification_id)
    if line is None or line.user_id != current_user.id:
        abort(404)
    thread = queries.readable_thread(current_user, line)
    post = queries.target_post(current_user, line) if thread is not None else None
    queries.mark_read(current_user, line)
    if line.incident_id is not None:
        return redirect(url_for("incidents.show", incident_id=line.incident_id))
    if post is not None:
        return redirect(post_url(post))
    if thread is not None:
        return redirect(thread_url(thread))
    return redirect(url_for("notifications.index"))


@bp.post("/notifications/read")
@login_required
def read_all():
    queries.mark_all_read(current_user)
    return redirect(url_for("notifications.index"))


@bp.post("/t/<id:thread_id>/follow")
@login_required
def follow_thread(thread_id: int):
    thread = load_or_404(post_queries.load_thread, thread_id, Permission.THREAD_READ)
    state = request.form.get("state")
    if state not in (follows.FOLLOWING, follows.MUTED, follows.NEUTRAL):
        abort(400)
    follows.set_thread_state(current_user, thread, state)
    messages = {
        follows.FOLLOWING: _("You follow this thread and are told about new replies."),
        follows.MUTED: _("Muted: nothing about this thread reaches you."),
        follows.NEUTRAL: _("You no longer follow this thread."),
    }
    flash(messages[state], "success")
    return redirect(thread_url(thread))


@bp.post("/b/<slug>/follow")
@login_required
def follow_board(slug: str):
    board = load_or_404(board_by_slug, slug, Permission.BOARD_READ)
    followed = request.form.get("followed") == "1"
    follows.set_board_followed(current_user, board, followed)
    flash(
        _("You are told about new threads in %(board)s.", board=board.name)
        if followed
        else _("You no longer follow %(board)s.", board=board.name),
        "success",
    )
    return redirect(url_for("boards.show_board", slug=board.slug))


@bp.route("/account/notifications", methods=["GET", "POST"])
@login_required
def settings():
    current = mail.modes(current_user)
    form = MailSettingsForm(data={field_name(e): m.value for e, m in current.items()})
    if form.validate_on_submit():
        mail.set_modes(
            current_user, {event: MailMode(field_for(form, event).data) for event in EVENT_LABELS}
        )
        flash(_("Your e-mail settings are saved."), "success")
        return redirect(url_for("notifications.settings"))
    fields = [(field_for(form, event), event) for event in EVENT_LABELS]
    return render_template("notifications/settings.html", form=form, fields=fields)


@bp.route("/mail/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # the signed token is the proof; mail programs post here without a form
def unsubscribe(token: str):
    found = mail.read_unsubscribe_token(token)
    if found is None:
        return render_template("notifications/unsubscribe.html", invalid=True), 400
    user, event = found
    label = EVENT_LABELS[event] if event is not None else _("the daily digest")
    if request.method == "POST":
        mail.unsubscribe(user, event)
        return render_template("notifications/unsubscribe.html", done=True, label=label)
    return render_template("notifications/unsubscribe.html", token=token, label=label)


@bp.get("/admin/mail")
@login_required
def mail_status():
    """Mails that could not be sent yet: how often tried, when next, why."""
    require(Permission.ADMIN_AREA)
    waiting, oldest = outbox.backlog(mail.mail_kinds())
    return render_template(
        "notifications/mail_status.html",
        failing=mail.failing(),
        waiting=waiting,
        oldest=oldest,
        backend=current_app.config["MAIL_BACKEND"],
    )


@bp.post("/admin/mail/<id:task_id>/retry")
@login_required
def retry_mail(task_id: int):
    require(Permission.ADMIN_AREA)
    task = mail_admin.failed_mail(task_id)
    if task is not None:
        mail_admin.retry_now(current_user, task)
        flash(_("The mail is tried again now."), "success")
    return redirect(url_for("notifications.mail_status"))


@bp.post("/admin/mail/<id:task_id>/discard")
@login_required
def discard_mail(task_id: int):
    require(Permission.ADMIN_AREA)
    form = DiscardMailForm()
    task = mail_admin.failed_mail(task_id)
    if task is not None and form.validate():
        mail_admin.discard(current_user, task, form.reason.data or "")
        flash(_("The mail is given up: it will not be sent."), "success")
    return redirect(url_for("notifications.mail_status"))
