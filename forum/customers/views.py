from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from ..access import Permission, require
from ..auth.services import find_account
from ..extensions import db
from ..models import User
from ..models.users import mask_customer_number
from ..urls import safe_next
from . import queries, services, signing
from .forms import VerifyCustomerForm

bp = Blueprint("customers", __name__)

LINK_PROBLEMS = {
    "malformed": _l(
        "This verification link is incomplete. Please open it again from the customer portal."
    ),
    "tampered": _l(
        "This verification link is not valid. Please request a new one in the customer portal."
    ),
    "expired": _l(
        "This verification link has expired. Please request a new one in the customer portal."
    ),
    "used": _l("This verification link has already been used. Each link works once."),
    "other-account": _l(
        "This link was issued for another e-mail address. Log in with the account "
        "that uses the address from the customer portal."
    ),
    "already": _l("Your account is verified as a customer already."),
    "disabled": _l("Verification through the customer portal is not set up for this forum."),
}


STAFF_PROBLEMS = {
    "bad-number": _l("A customer number has 4 to 20 digits."),
    "already": _l("This account is a verified customer already."),
}


@bp.route("/customers/verify", methods=["GET", "POST"])
@login_required
def verify_link():
    """Where the customer portal sends people: confirm, then the account is verified."""
    secret = current_app.config.get("CUSTOMER_LINK_SECRET")
    try:
        if not secret:
            raise signing.InvalidLink("disabled")
        claim = signing.verify(secret, request.args)
    except signing.InvalidLink as refused:
        return render_template("customers/link.html", problem=LINK_PROBLEMS[refused.reason]), 400
    if request.method == "POST":
        try:
            services.verify_with_link(current_user, claim)
        except services.VerificationRefused as refused:
            return render_template(
                "customers/link.html", problem=LINK_PROBLEMS[refused.reason]
            ), 409
        flash(_("Thank you! Your account is now verified as a customer."), "success")
        return redirect(url_for("boards.index"))
    return render_template(
        "customers/link.html",
        masked_number=mask_customer_number(claim.customer_number),
        problem=None,
    )


@bp.route("/staff/customers", methods=["GET", "POST"])
@login_required
def manage():
    require(Permission.CUSTOMER_VERIFY)
    form = VerifyCustomerForm()
    if form.validate_on_submit():
        user = find_account(form.username.data)
        if user is None:
            form.username.errors.append(_("There is no account with this name."))
        else:
            try:
                services.verify_by_staff(current_user, user, form.customer_number.data)
            except services.VerificationRefused as refused:
                field = form.customer_number if refused.reason == "bad-number" else form.username
                field.errors.append(STAFF_PROBLEMS[refused.reason])
            else:
                flash(_("%(name)s is now a verified customer.", name=user.name), "success")
                return redirect(_back_to_customer_page())
    return render_template(
        "customers/manage.html", form=form, customers=queries.recently_verified(limit=50)
    )


@bp.post("/staff/customers/<id:user_id>/revoke")
@login_required
def revoke(user_id: int):
    require(Permission.CUSTOMER_VERIFY)
    user = db.session.get(User, user_id)
    if user is None or not user.is_verified_customer:
        abort(404)
    services.revoke(current_user, user)
    flash(_("The customer verification of %(name)s was revoked.", name=user.name), "info")
    return redirect(_back_to_customer_page())


def _back_to_customer_page() -> str:
    """Or to the admin's page of the account, where the form was sent from."""
    return safe_next(request.form.get("next"), url_for("customers.manage"))


from . import faq_views  # noqa: E402, F401  (routes of this blueprint)
