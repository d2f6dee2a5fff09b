from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required
from werkzeug.exceptions import RequestEntityTooLarge

from .. import ratelimit
from ..access.policy import profile_change_refusal
from ..errors import render_error
from ..uploads import accepts_upload, storage
from ..uploads.images import ImageRejected, too_large
from . import bp, services
from .forms import AvatarForm, RemoveAvatarForm


@bp.app_template_filter("initials")
def _initials(name: str) -> str:
    return services.initials(name)


def _page(form: AvatarForm, status: int = 200):
    # A suspended account sees why in the banner on every page.
    may_change = profile_change_refusal(current_user) is None
    return render_template("avatars/edit.html", form=form, may_change=may_change), status


@bp.route("/account/avatar", methods=["GET", "POST"])
@accepts_upload("AVATAR_MAX_BYTES")
@login_required
def edit():
    form = AvatarForm()
    if not form.validate_on_submit():
        return _page(form)
    wait = ratelimit.attempt("AVATAR_PER_ACCOUNT", current_user.id)
    if wait:
        form.picture.errors.append(
            ngettext(
                "You have changed your picture often. Please try again in %(num)d minute.",
                "You have changed your picture often. Please try again in %(num)d minutes.",
                ratelimit.minutes(wait),
            )
        )
        return _page(form, 429)
    try:
        services.change_avatar(current_user._get_current_object(), form.picture.data)
    except ImageRejected as rejected:
        form.picture.errors.append(str(rejected.reason))
        return _page(form, 400)
    flash(_("Your picture has been saved."), "success")
    return redirect(url_for("avatars.edit"))


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(error):
    """The upload page again with the reason, not a bare error page. Raised before
    the view runs (CSRF protection reads the body first), so nothing was stored."""
    if request.endpoint != "avatars.edit" or not current_user.is_authenticated:
        return render_error(error.code)
    form = AvatarForm(formdata=None)
    form.picture.errors = [str(too_large(current_app.config["AVATAR_MAX_BYTES"]))]
    return _page(form, error.code)


@bp.post("/account/avatar/remove")
@login_required
def remove():
    if RemoveAvatarForm().validate_on_submit():
        services.remove_avatar(current_user._get_current_object())
        flash(_("Your picture has been removed."), "success")
    return redirect(url_for("avatars.edit"))


@bp.get("/avatars/<name>")
def show(name: str):
    return storage.send(current_app.config["AVATAR_FOLDER"], name)
