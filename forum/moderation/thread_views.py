"""Routes that change a thread as a whole: delete (and, for admins, restore or purge),
merge and split."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..access import Permission, can, load_or_404, require
from ..boards.queries import board_by_id
from ..pagination import page_number
from ..posts import queries as post_queries
from ..posts.views import thread_url
from ..urls import parse_id
from . import restructure, trash
from .forms import LockForm, MergeForm, ReasonForm, SplitForm
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
    trash.purge(current_user, thread, form.reason.data or "")
    flash(_("»%(title)s« is purged for good.", title=title), "success")
    return redirect(url_for("moderation.deleted_threads"))


@bp.post("/t/<id:thread_id>/merge")
@login_required
def merge_thread(thread_id: int):
    thread = load_or_404(post_queries.load_thread, thread_id, Permission.THREAD_MODERATE)
    form = _form_or_400(MergeForm())
    other_id = form.other_id()
    other = post_queries.load_thread(other_id) if other_id else None
    if other is None or not can(current_user, Permission.THREAD_MODERATE, other):
        abort(400, description=_("There is no such thread."))
    kept = restructure.merge(current_user, thread, other, form.reason.data or "")
    return _done(_("The threads are merged into »%(title)s«.", title=kept.title), thread_url(kept))


@bp.post("/t/<id:thread_id>/split")
@login_required
def split_thread(thread_id: int):
    thread = load_or_404(post_queries.load_thread, thread_id, Permission.THREAD_MODERATE)
    form = _form_or_400(SplitForm())
    board = board_by_id(form.board.data)
    if board is None:
        abort(404)
    post_ids = request.form.getlist("post", type=parse_id)
    if not post_ids:
        abort(400, description=_("Choose the replies to move: tick them in the thread."))
    new = restructure.split(
        current_user, thread, post_ids, form.title.data, board, form.reason.data or ""
    )
    return _done(_("The replies are now a thread of their own."), thread_url(new))
