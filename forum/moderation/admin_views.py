"""The admin overview, and appointing moderators of single boards."""

from flask import abort, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..access import NotAllowed, Permission, require
from ..auth.services import find_account
from ..boards.queries import board_by_id
from . import board_moderators
from .forms import BoardModeratorForm, ReasonForm
from .views import _done, _form_or_400, bp


@bp.get("/admin")
@login_required
def admin_overview():
    require(Permission.ADMIN_AREA)
    return render_template("moderation/admin.html")


@bp.get("/admin/board-moderators")
@login_required
def board_moderator_list():
    require(Permission.BOARD_MODERATORS_MANAGE)
    return _board_moderator_page(BoardModeratorForm())


def _board_moderator_page(form, error: str | None = None, status: int = 200):
    return (
        render_template(
            "moderation/board_moderators.html",
            boards=board_moderators.by_board(),
            form=form,
            error=error,
        ),
        status,
    )


def _appointment(board_id, username):
    board, user = board_by_id(board_id), find_account(username or "")
    if board is None or user is None:
        abort(400, description=_("There is no account with this name."))
    return board, user


@bp.post("/admin/board-moderators")
@login_required
def appoint_board_moderator():
    require(Permission.BOARD_MODERATORS_MANAGE)
    form = BoardModeratorForm()
    if not form.validate_on_submit():
        return _board_moderator_page(form, _("Please fill in a username and a board."), 400)
    board, user = board_by_id(form.board.data), find_account(form.username.data.strip())
    if board is None or user is None:
        return _board_moderator_page(form, _("There is no account with this name."), 400)
    try:
        board_moderators.appoint(current_user, board, user, form.reason.data or "")
    except NotAllowed as refused:
        return _board_moderator_page(form, str(refused.reason), 400)
    return _done(
        _("%(name)s now moderates %(board)s.", name=user.name, board=board.name),
        url_for("moderation.board_moderator_list"),
    )


@bp.post("/admin/board-moderators/<id:board_id>/remove")
@login_required
def dismiss_board_moderator(board_id: int):
    require(Permission.BOARD_MODERATORS_MANAGE)
    form = _form_or_400(ReasonForm())
    board, user = _appointment(board_id, request.form.get("username"))
    board_moderators.dismiss(current_user, board, user, form.reason.data or "")
    return _done(
        _("%(name)s no longer moderates %(board)s.", name=user.name, board=board.name),
        url_for("moderation.board_moderator_list"),
    )
