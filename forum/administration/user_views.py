"""Accounts for admins: find them, see their roles and history, change roles.

Staff and customer verification, warnings, suspensions and bans are the forms of their
own capabilities, shown on the account's page and sending the admin back to it.
"""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ..access import NotAllowed, Permission, require
from ..extensions import db
from ..models import User
from ..pagination import page_number
from . import bp, user_queries, users
from .user_forms import ChangeRoleForm

CHANGED = {
    ("moderator", "grant"): _l("%(name)s is now a moderator."),
    ("moderator", "revoke"): _l("%(name)s is no longer a moderator."),
    ("admin", "grant"): _l("%(name)s is now an admin."),
    ("admin", "revoke"): _l("%(name)s is no longer an admin."),
}


@bp.get("/users")
def user_list():
    require(Permission.ADMIN_AREA)
    criteria = user_queries.UserSearch.from_args(request.args)
    result = user_queries.search(
        criteria, page_number(request.args.get("page")), current_app.config["THREADS_PER_PAGE"]
    )
    if result.page.page > result.page.pages:
        abort(404)
    return render_template(
        "administration/users.html",
        criteria=criteria,
        result=result,
        role_filters=user_queries.ROLE_FILTERS,
    )


def _account(user_id: int) -> User:
    require(Permission.ADMIN_AREA)
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def _account_page(user: User, error: str | None = None, status: int = 200):
    return (
        render_template(
            "administration/user.html",
            user=user,
            history=user_queries.history(user),
            error=error,
        ),
        status,
    )


@bp.get("/users/<id:user_id>")
def user_detail(user_id: int):
    return _account_page(_account(user_id))


@bp.post("/users/<id:user_id>/roles")
def change_role(user_id: int):
    user = _account(user_id)
    form = ChangeRoleForm()
    if not form.validate_on_submit():
        abort(400)
    role, change = form.role.data, form.change.data
    try:
        changed = users.change_role(
            current_user, user, role, change == "grant", (form.reason.data or "").strip()
        )
    except NotAllowed as refused:
        return _account_page(user, str(refused.reason), 400)
    if changed:
        flash(str(CHANGED[role, change] % {"name": user.name}), "success")
    return redirect(url_for("administration.user_detail", user_id=user.id))
