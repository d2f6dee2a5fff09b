from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from .. import ratelimit
from ..access import NotAllowed
from ..auth.views import _too_many
from ..avatars.services import delete_file as delete_avatar_file
from ..models import utcnow
from . import bp, deletion, export
from .forms import DeleteAccountForm


@bp.get("/account/data")
@login_required
def overview():
    return render_template("privacy/account.html", form=DeleteAccountForm())


@bp.post("/account/data/export")
@login_required
def download():
    if wait := ratelimit.attempt("EXPORT_PER_ACCOUNT", current_user.id):
        flash(_too_many(wait), "error")
        return redirect(url_for("privacy.overview"))
    name = f"kundenforum-{current_user.username}-{utcnow():%Y-%m-%d}.zip"
    return Response(
        export.build(current_user),
        mimetype="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.post("/account/delete")
@login_required
def delete_account():
    form = DeleteAccountForm()
    if not form.validate_on_submit():
        return render_template("privacy/account.html", form=form), 400
    if not current_user.check_password(form.password.data):
        form.password.errors.append(_("The password is wrong."))
        return render_template("privacy/account.html", form=form), 400
    user = current_user._get_current_object()
    avatar = user.avatar_name
    try:
        deletion.delete_account(user, remove_posts=form.posts.data == "remove")
    except NotAllowed as refused:
        form.form_errors.append(str(refused.reason))
        return render_template("privacy/account.html", form=form), 403
    delete_avatar_file(avatar)
    logout_user()
    flash(_("Your account is deleted. Thank you for having been part of the forum."), "success")
    return redirect(url_for("boards.index"))
