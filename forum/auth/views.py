from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from .. import ratelimit
from ..i18n import select_locale
from ..urls import safe_next
from . import bp, services, sessions, throttle
from .forms import ChangePasswordForm, LoginForm, ProfileForm, RegisterForm


@bp.route("/register", methods=["GET", "POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("boards.index"))
    form = RegisterForm()
    status = 200
    # Every attempt counts, so the form cannot be used to test many names.
    wait = form.is_submitted() and ratelimit.attempt(
        "REGISTER_ATTEMPTS_PER_IP", request.remote_addr
    )
    if wait:
        form.form_errors.append(ratelimit.too_many(wait))
        status = 429
    elif form.validate_on_submit():
        wait = ratelimit.attempt("REGISTER_PER_IP", request.remote_addr)
        if wait:
            form.form_errors.append(ratelimit.too_many(wait))
            status = 429
        else:
            try:
                services.register(
                    form.username.data, form.email.data, form.password.data, select_locale()
                )
            except services.AccountTaken:
                form.username.errors.append(_("This username is already taken."))
            else:
                # The same page whether the address is new or known (services.register).
                return render_template("auth/register_sent.html", address=form.email.data.strip())
    return render_template("auth/register.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("boards.index"))
    form = LoginForm()
    status, devices_only = 200, False
    if form.validate_on_submit():
        user = services.find_account(form.login.data)
        attempt = throttle.LoginAttempt.of(user, form.login.data, request.remote_addr)
        refusal = attempt.refusal()
        if refusal:
            status, devices_only = 429, refusal.devices_only
            if refusal.wait:
                form.form_errors.append(ratelimit.too_many(refusal.wait))
        elif not services.password_matches(user, form.password.data):
            attempt.failed()
            form.form_errors.append(_("Username/e-mail or password is wrong."))
        elif user.is_banned:
            form.form_errors.append(
                _("This account is banned. If you think this is a mistake, contact our service.")
            )
            status = 403
        else:
            sessions.start(user, form.remember.data, request.user_agent.string)
            return redirect(safe_next(request.args.get("next"), url_for("boards.index")))
    return render_template("auth/login.html", form=form, devices_only=devices_only), status


@bp.post("/logout")
def logout():
    sessions.end_current()
    logout_user()
    flash(_("You have been logged out."), "info")
    return redirect(url_for("boards.index"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        remember = sessions.current().remember
        try:
            services.change_password(user, form.current_password.data, form.password.data)
        except services.WrongPassword:
            form.current_password.errors.append(_("The current password is wrong."))
        except services.TooManyAttempts as limited:
            form.form_errors.append(ratelimit.too_many(limited.wait))
        else:
            # This browser goes on in a new session.
            sessions.start(user, remember, request.user_agent.string)
            flash(_("Your password has been changed. Other sessions were logged out."), "success")
            return redirect(url_for("auth.change_password"))
    return render_template(
        "auth/password.html",
        form=form,
        devices=sessions.active(current_user),
        this_device=sessions.current(),
    )


@bp.route("/account/profile", methods=["GET", "POST"])
@login_required
def edit_profile():
    form = ProfileForm(obj=current_user)
    if request.method == "GET":
        form.locale.data = current_user.locale or select_locale()
    if form.validate_on_submit():
        refused = services.update_profile(
            current_user, form.display_name.data, form.bio.data, form.locale.data
        )
        if refused is None:
            flash(_("Your profile has been saved."), "success")
        else:
            flash(
                _(
                    "Your language is saved; name and text stay as they were: %(reason)s",
                    reason=refused,
                ),
                "error",
            )
        return redirect(url_for("users.profile", username=current_user.username))
    return render_template("auth/profile.html", form=form)
