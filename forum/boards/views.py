from flask import abort, current_app, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..access import Permission, can, load_or_404
from ..pagination import page_number
from ..posts import services as post_services
from ..posts.forms import NewThreadForm
from ..posts.views import held_message, posting_wait_message, preview_of, thread_url
from ..search.views import find_similar
from . import bp, queries


@bp.get("/")
def index():
    return render_template("boards/index.html", categories=queries.board_index(current_user))


@bp.get("/b/<slug>")
def show_board(slug: str):
    board = load_or_404(queries.board_by_slug, slug, Permission.BOARD_READ)
    question_filter = request.args.get("filter") if board.is_support else None
    if question_filter not in queries.QUESTION_FILTERS:
        question_filter = None
    page = queries.thread_page(
        current_user,
        board,
        page_number(request.args.get("page")),
        current_app.config["THREADS_PER_PAGE"],
        question_filter,
    )
    if page.page > page.pages:
        abort(404)
    return render_template(
        "boards/board.html",
        board=board,
        page=page,
        question_filter=question_filter,
        may_start_thread=can(current_user, Permission.THREAD_CREATE, board),
    )


@bp.route("/b/<slug>/new", methods=["GET", "POST"])
@login_required
def new_thread(slug: str):
    board = load_or_404(queries.board_by_slug, slug, Permission.THREAD_CREATE)
    form = NewThreadForm()
    may_open_case = can(current_user, Permission.CASE_OPEN, board)
    preview_html = preview_notice = None
    similar, status = [], 200
    if form.validate_on_submit():
        if form.preview.data:
            preview_html, preview_notice = preview_of(form.body.data)
            if preview_notice:
                status = 429
            else:
                similar = find_similar(current_user, form.title.data)
        elif wait := posting_wait_message():
            form.form_errors.append(wait)
            status = 429
        else:
            thread = post_services.create_thread(
                current_user,
                board,
                form.title.data,
                form.body.data,
                private=may_open_case and form.private.data,
            )
            if thread.is_pending:
                flash(held_message(), "info")
            return redirect(thread_url(thread))
    elif form.is_submitted():
        form.form_errors.append(_("Your post was not sent yet. Please check the marked fields."))
    return (
        render_template(
            "boards/new_thread.html",
            board=board,
            form=form,
            preview_html=preview_html,
            preview_notice=preview_notice,
            similar=similar,
            may_open_case=may_open_case,
        ),
        status,
    )
