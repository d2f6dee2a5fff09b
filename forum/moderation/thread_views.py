"""Routes for deleting threads (and, for admins, restoring or purging them)."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..access import NotAllowed, Permission, load_or_404, require
from ..pagination import page_number
from ..posts import queries as post_queries
from ..posts.views import thread_url
from . import trash
from .forms import LockForm, ReasonForm
from .views import _done, _form_or_400, bp


@bp.post("/t/<id:thread_id>/delete")
@login_required
def delete_thread(thread_id: int):
    thread = load_or_404(post_queries.load_thread, thread_id, Permission.THREAD_MODERATE)
    form = _form_or_400(LockForm())
    trash.delete_thread(current_user, thread, form.reason.data.strip())
    return _done(
        _("The thread is deleted. Admins can restore it."),
        url_for("boards.show_board", slug=thread.board.slug),
    )


@bp.get("/admin/deleted")
@login_required
def deleted_threads():
    require(Permission.TRASH_MANAGE)
    page = trash.deleted_page(
        page_number(request.args.get("page")), current_app.config["THREADS_PER_PAGE"]
    )
    return render_template("moderation/deleted.html", page=page)


def _deleted_thread(thread_id: int):
    require(Permission.TRASH_MANAGE)
    return load_or_404(post_queries.load_thread, thread_id, Permission.THREAD_READ)


@bp.post("/t/<id:thread_id>/undelete")
@login_required
def undelete_thread(thread_id: int):
    thread = _deleted_thread(thread_id)
    form = _form_or_400(ReasonForm())
    trash.restore_deleted(current_user, thread, form.reason.data or "")
    return _done(_("The thread is restored."), thread_url(thread))


@bp.post("/t/<id:thread_id>/purge")
@login_required
def purge_thread(thread_id: int):
    thread = _deleted_thread(thread_id)
    form = _form_or_400(ReasonForm())
    title = thread.title
    try:
        trash.purge(current_user, thread, form.reason.data or "")
    except NotAllowed as refused:
        abort(403, description=str(refused.reason))
    flash(_("»%(title)s« is purged for good.", title=title), "success")
    return redirect(url_for("moderation.deleted_threads"))
