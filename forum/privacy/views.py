import io

from flask import flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from .. import ratelimit
from ..access import NotAllowed
from ..auth.services import TooManyAttempts, WrongPassword
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
        flash(ratelimit.too_many(wait), "error")
        return redirect(url_for("privacy.overview"))
    return send_file(
        io.BytesIO(export.build(current_user)),
        mimetype="application/zip",
        as_attachment=True,
        download_name=f"kundenforum-daten-{utcnow():%Y-%m-%d}.zip",
    )


@bp.post("/account/delete")
@login_required
def delete_account():
    form = DeleteAccountForm()
    if not form.validate_on_submit():
        return render_template("privacy/account.html", form=form), 400
    try:
        deletion.delete_account(
            current_user._get_current_object(),
            form.password.data,
            remove_posts=form.posts.data == "remove",
        )
    except WrongPassword:
        form.password.errors.append(_("The password is wrong."))
        return render_template("privacy/account.html", form=form), 400
    except TooManyAttempts as limited:
        form.form_errors.append(ratelimit.too_many(limited.wait))
        return render_template("privacy/account.html", form=form), 429
    except NotAllowed as refused:
        form.form_errors.append(str(refused.reason))
        return render_template("privacy/account.html", form=form), 403
    logout_user()
    flash(_("Your account is deleted. Thank you for having been part of the forum."), "success")
    return redirect(url_for("boards.index"))
