"""Admin pages for categories and boards. Everyone but admins gets 404, guests too:
the pages do not exist for them."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..access import Permission, require
from ..boards.queries import board_by_id
from ..extensions import db
from ..forms import ForumForm
from ..models import Category
from ..urls import parse_id
from . import boards as services
from . import bp
from .board_forms import BoardForm, CategoryForm

STEPS = {"up": -1, "down": 1}


def _category_or_404(category_id: int) -> Category:
    category = db.session.get(Category, category_id)
    if category is None:
        abort(404)
    return category


def _board_or_404(board_id: int):
    board = board_by_id(board_id)
    if board is None:
        abort(404)
    return board


def _overview_url(anchor: str | None = None) -> str:
    return url_for("administration.boards", _anchor=anchor)


def _show_refusal(form, refused: services.Refused) -> None:
    target = form[refused.field].errors if refused.field else form.form_errors
    target.append(str(refused.reason))


def _step() -> int:
    """The direction of a move button; anything else is a broken form (400)."""
    if not ForumForm().validate_on_submit() or request.form.get("direction") not in STEPS:
        abort(400)
    return STEPS[request.form["direction"]]


@bp.get("/boards")
def boards():
    require(Permission.ADMIN_AREA)
    return render_template("administration/boards.html", categories=services.overview())


# Categories


@bp.route("/categories/new", methods=["GET", "POST"])
def new_category():
    require(Permission.ADMIN_AREA)
    form = CategoryForm()
    if form.validate_on_submit():
        category = services.create_category(current_user, form.name.data)
        flash(_("The category “%(name)s” is created.", name=category.name), "success")
        return redirect(_overview_url(f"category-{category.id}"))
    status = 400 if form.is_submitted() else 200
    return render_template("administration/category_form.html", form=form, category=None), status


@bp.route("/categories/<id:category_id>/edit", methods=["GET", "POST"])
def edit_category(category_id: int):
    require(Permission.ADMIN_AREA)
    category = _category_or_404(category_id)
    form = CategoryForm(obj=category)
    if form.validate_on_submit():
        services.rename_category(current_user, category, form.name.data)
        flash(_("The category is saved."), "success")
        return redirect(_overview_url(f"category-{category.id}"))
    status = 400 if form.is_submitted() else 200
    return (
        render_template("administration/category_form.html", form=form, category=category),
        status,
    )


@bp.post("/categories/<id:category_id>/move")
def move_category(category_id: int):
    require(Permission.ADMIN_AREA)
    category = _category_or_404(category_id)
    services.move_category(current_user, category, _step())
    return redirect(_overview_url(f"category-{category.id}"))


@bp.post("/categories/<id:category_id>/delete")
def delete_category(category_id: int):
    require(Permission.ADMIN_AREA)
    category = _category_or_404(category_id)
    if not ForumForm().validate_on_submit():
        abort(400)
    name = category.name
    try:
        services.delete_category(current_user, category)
    except services.Refused as refused:
        form = CategoryForm(formdata=None, obj=category)
        form.form_errors.append(str(refused.reason))
        return (
            render_template("administration/category_form.html", form=form, category=category),
            400,
        )
    flash(_("The category “%(name)s” is deleted.", name=name), "success")
    return redirect(_overview_url())


# Boards


def _board_form(board=None, from_request: bool = True) -> BoardForm:
    """The board's form, as sent or (from_request=False, or not sent) as the board is."""
    form = BoardForm(obj=board) if from_request else BoardForm(formdata=None, obj=board)
    form.category.choices = [(category.id, category.name) for category in services.categories()]
    if not (from_request and form.is_submitted()):
        if board is None:
            form.category.data = request.args.get("category", type=parse_id)
            form.is_support.data = True
        else:
            form.category.data = board.category_id
    return form


def _fields(form: BoardForm) -> services.BoardFields:
    return services.BoardFields(
        name=form.name.data,
        slug=form.slug.data or "",
        description=form.description.data or "",
        category=db.session.get(Category, form.category.data),
        visibility=form.visibility.data,
        posting_policy=form.posting_policy.data,
        is_support=form.is_support.data,
    )


def _board_page(form, board, status: int):
    has_threads = board is not None and services.has_threads(board)
    form.slug.description = (
        _("Lower-case letters a–z, digits and hyphens: /b/… Empty: made from the name.")
        if board is None
        else _(
            "Lower-case letters a–z, digits and hyphens: /b/… It can change only"
            " while the board has no threads."
        )
    )
    return (
        render_template(
            "administration/board_form.html", form=form, board=board, has_threads=has_threads
        ),
        status,
    )


@bp.route("/boards/new", methods=["GET", "POST"])
def new_board():
    require(Permission.ADMIN_AREA)
    form = _board_form()
    if not form.category.choices:
        flash(_("Boards belong to a category: please create one first."), "info")
        return redirect(url_for("administration.new_category"))
    if form.validate_on_submit():
        try:
            board = services.create_board(current_user, _fields(form))
        except services.Refused as refused:
            _show_refusal(form, refused)
        else:
            flash(_("The board “%(name)s” is created.", name=board.name), "success")
            return redirect(_overview_url(f"board-{board.id}"))
    return _board_page(form, None, 400 if form.is_submitted() else 200)


@bp.route("/boards/<id:board_id>/edit", methods=["GET", "POST"])
def edit_board(board_id: int):
    require(Permission.ADMIN_AREA)
    board = _board_or_404(board_id)
    form = _board_form(board)
    if form.validate_on_submit():
        try:
            changed = services.update_board(current_user, board, _fields(form))
        except services.Refused as refused:
            _show_refusal(form, refused)
        else:
            if changed:
                flash(_("The board “%(name)s” is saved.", name=board.name), "success")
            else:
                flash(_("Nothing was changed."), "info")
            return redirect(_overview_url(f"board-{board.id}"))
    return _board_page(form, board, 400 if form.is_submitted() else 200)


@bp.post("/boards/<id:board_id>/move")
def move_board(board_id: int):
    require(Permission.ADMIN_AREA)
    board = _board_or_404(board_id)
    services.move_board(current_user, board, _step())
    return redirect(_overview_url(f"board-{board.id}"))


@bp.post("/boards/<id:board_id>/delete")
def delete_board(board_id: int):
    require(Permission.ADMIN_AREA)
    board = _board_or_404(board_id)
    if not ForumForm().validate_on_submit():
        abort(400)
    name = board.name
    try:
        services.delete_board(current_user, board)
    except services.Refused as refused:
        form = _board_form(board, from_request=False)
        form.form_errors.append(str(refused.reason))
        return _board_page(form, board, 400)
    flash(_("The board “%(name)s” is deleted.", name=name), "success")
    return redirect(_overview_url())
