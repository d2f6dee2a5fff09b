"""The approval queue: new accounts' posts with links, approved or rejected."""

from flask import current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..access import Permission, load_or_404, require
from ..pagination import page_number
from ..posts import queries as post_queries
from ..posts.views import post_url, thread_url
from ..urls import safe_next
from . import approvals
from .forms import LockForm, ReasonForm
from .views import _done, _form_or_400, bp


@bp.app_context_processor
def _held_posts():
    """For the moderators' navigation: called only where the link is shown."""
    return {"held_post_count": lambda: approvals.held_count(current_user)}


@bp.get("/moderation/approvals")
@login_required
def approval_queue():
    require(Permission.REPORT_QUEUE)
    page = approvals.queue_page(
        current_user, page_number(request.args.get("page")), current_app.config["THREADS_PER_PAGE"]
    )
    return render_template("moderation/approvals.html", page=page)


def _back(fallback: str) -> str:
    return safe_next(request.form.get("next"), fallback)


@bp.post("/p/<id:post_id>/approve")
@login_required
def approve_post(post_id: int):
    post = load_or_404(post_queries.load_post, post_id, Permission.POST_HIDE)
    _form_or_400(ReasonForm())
    approvals.approve(current_user, post)
    return _done(_("The post is approved and visible to everyone."), _back(post_url(post)))


@bp.post("/p/<id:post_id>/reject")
@login_required
def reject_post(post_id: int):
    post = load_or_404(post_queries.load_post, post_id, Permission.POST_HIDE)
    form = _form_or_400(LockForm())
    thread = post.thread
    if post.id == thread.first_post_id:  # the thread goes with it
        fallback = url_for("boards.show_board", slug=thread.board.slug)
    else:
        fallback = thread_url(thread)
    approvals.reject(current_user, post, form.reason.data.strip())
    return _done(_("The post is rejected and removed."), _back(fallback))
