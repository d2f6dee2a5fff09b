"""Forgotten passwords, address confirmation and changes, ending sessions."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from .. import ratelimit
from . import bp, recovery, sessions
from .forms import ChangeEmailForm, ForgotPasswordForm, ResetPasswordForm
from .services import AccountTaken, TooManyAttempts, WrongPassword
from .views import logout


def _link_problem(problem: recovery.LinkProblem, again: str, status: int = 400):
    """What went wrong with a link, and the way to a new one."""
    texts = {
        recovery.LinkProblem.EXPIRED: _("This link has expired."),
        recovery.LinkProblem.INVALID: _(
            "This link is not valid. Perhaps it was not copied completely."
        ),
        recovery.LinkProblem.USED: _(
            "This link has been used already, or the password was changed since."
        ),
        recovery.LinkProblem.CONFIRMED: _("This e-mail address is confirmed already."),
        recovery.LinkProblem.OUTDATED: _("This link is for an address the account no longer uses."),
    }
    return render_template(
        "auth/link_problem.html", message=texts[problem], problem=problem, again=again
    ), status


@bp.route("/reset", methods=["GET", "POST"])
def forgot_password():
    form = ForgotPasswordForm()
    status = 200
    if form.validate_on_submit():
        wait = ratelimit.attempt("RESET_PER_IP", request.remote_addr)
        if wait:
            form.form_errors.append(ratelimit.too_many(wait))
            status = 429
        else:
            recovery.request_reset(form.email.data)
            return render_template("auth/reset_sent.html", address=form.email.data.strip())
    return render_template("auth/forgot_password.html", form=form), status


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    try:
        user = recovery.account_for_reset(token)
    except recovery.BadLink as bad:
        return _link_problem(bad.problem, "reset")
    form = ResetPasswordForm()
    form.account = user
    if form.validate_on_submit():
        recovery.reset_password(token, form.password.data)
        sessions.end_current()  # should the browser have been logged in to another account
        # The mail proved the mailbox: this browser is logged in, and becomes one of
        # the account's devices (forum.auth.throttle).
        sessions.start(user, False, request.user_agent.string)
        flash(_("Your password has been changed, and you are logged in."), "success")
        return redirect(url_for("boards.index"))
    return render_template("auth/reset_password.html", form=form, user=user)


@bp.route("/confirm/<token>", methods=["GET", "POST"])
def confirm_email(token: str):
    """Opening the link shows a button; only sending it (with its CSRF token) confirms,
    and logs a new account in. So a mail program that opens links to check them
    confirms nothing, and no other site can log a visitor in to an account of its
    choosing."""
    try:
        user, address = recovery.read_confirmation_link(token)
    except recovery.BadLink as bad:
        return _link_problem(bad.problem, "confirm")
    logs_in = recovery.is_first_address(user, address) and not current_user.is_authenticated
    if request.method == "GET":
        return render_template("auth/confirm.html", user=user, address=address, logs_in=logs_in)
    try:
        recovery.confirm_address(token)
    except AccountTaken:
        flash(_("Another account uses this e-mail address meanwhile."), "error")
        return redirect(url_for("auth.change_email"))
    if logs_in:
        sessions.start(user, False, request.user_agent.string)
        flash(_("Thank you: your e-mail address is confirmed, and you are logged in."), "success")
    else:
        flash(_("Thank you: your e-mail address is confirmed."), "success")
    return redirect(url_for("boards.index"))


@bp.post("/account/confirm/resend")
@login_required
def resend_confirmation():
    if recovery.address_to_confirm(current_user) is None:
        flash(_("This e-mail address is confirmed already."), "info")
    elif wait := ratelimit.attempt("CONFIRM_PER_ACCOUNT", current_user.id):
        flash(ratelimit.too_many(wait), "error")
    else:
        recovery.request_confirmation(current_user)
        flash(_("We sent the link again. Please look in your inbox and spam folder."), "success")
    return redirect(url_for("auth.change_email"))


@bp.route("/account/email", methods=["GET", "POST"])
@login_required
def change_email():
    form = ChangeEmailForm()
    if form.validate_on_submit():
        try:
            recovery.change_email(current_user, form.email.data, form.current_password.data)
        except WrongPassword:
            form.current_password.errors.append(_("The current password is wrong."))
        except TooManyAttempts as limited:
            form.form_errors.append(ratelimit.too_many(limited.wait))
        except AccountTaken:
            form.email.errors.append(_("An account with this e-mail address already exists."))
        else:
            if current_user.pending_email:
                flash(
                    _(
                        "Almost done: please confirm %(address)s with the link we sent there.",
                        address=current_user.pending_email,
                    ),
                    "success",
                )
            return redirect(url_for("auth.change_email"))
    return render_template("auth/email.html", form=form)


@bp.post("/account/sessions/<id:session_id>/end")
@login_required
def end_session(session_id: int):
    if session_id == sessions.current().id:
        return logout()
    if sessions.end(current_user, session_id):
        flash(_("The device has been logged out."), "success")
    return redirect(url_for("auth.change_password", _anchor="devices"))


@bp.post("/account/sessions/end")
@login_required
def log_out_everywhere():
    recovery.log_out_everywhere(current_user)
    logout_user()
    flash(_("You have been logged out on every device."), "success")
    return redirect(url_for("auth.login"))
