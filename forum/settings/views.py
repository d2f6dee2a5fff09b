from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.exceptions import RequestEntityTooLarge

from ..access import Permission, require
from ..errors import render_error
from ..uploads import accepts_upload, images, storage
from . import bp, store
from .forms import LogoForm, SettingsForm
from .registry import IDENTITY, LIMITS, SETTINGS


def _page(form: SettingsForm, logo_form: LogoForm, status: int = 200):
    sections = {
        section: [key for key, setting in SETTINGS.items() if setting.section == section]
        for section in (IDENTITY, LIMITS)
    }
    return (
        render_template(
            "settings/edit.html",
            form=form,
            logo_form=logo_form,
            sections=sections,
            logo_megabytes=images.megabytes(current_app.config["AVATAR_MAX_BYTES"]),
        ),
        status,
    )


def _current_values() -> SettingsForm:
    return SettingsForm(formdata=None, data={key: current_app.config.get(key) for key in SETTINGS})


@bp.get("/admin/settings")
@login_required
def edit():
    require(Permission.ADMIN_AREA)
    return _page(_current_values(), LogoForm())


@bp.post("/admin/settings")
@login_required
def save():
    require(Permission.ADMIN_AREA)
    form = SettingsForm()
    if not form.validate():
        return _page(form, LogoForm(), 400)
    changed = store.save(current_user, form.values(), form.reason.data or "")
    if changed:
        flash(_("The settings are saved. Every page uses them from now on."), "success")
    else:
        flash(_("Nothing was changed."), "info")
    return redirect(url_for("settings.edit"))


@bp.post("/admin/settings/logo")
@accepts_upload("AVATAR_MAX_BYTES")
@login_required
def upload_logo():
    require(Permission.ADMIN_AREA)
    logo_form = LogoForm()
    form = _current_values()
    if not logo_form.validate() or not logo_form.logo.data:
        logo_form.logo.errors = [_("Please choose a picture.")]
        return _page(form, logo_form, 400)
    try:
        store.change_logo(current_user, logo_form.logo.data)
    except images.ImageRejected as rejected:
        logo_form.logo.errors = [str(rejected.reason)]
        return _page(form, logo_form, 400)
    flash(_("The logo is saved."), "success")
    return redirect(url_for("settings.edit"))


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(error):
    """The settings page again with the reason, not a bare error page."""
    if request.endpoint != "settings.upload_logo" or not current_user.is_admin:
        return render_error(error.code)
    logo_form = LogoForm(formdata=None)
    logo_form.logo.errors = [str(images.too_large(current_app.config["AVATAR_MAX_BYTES"]))]
    return _page(_current_values(), logo_form, error.code)


@bp.post("/admin/settings/logo/remove")
@login_required
def remove_logo():
    require(Permission.ADMIN_AREA)
    form = LogoForm()
    if form.validate():
        store.remove_logo(current_user)
        flash(_("The logo is removed: the header shows the forum's initial again."), "success")
    return redirect(url_for("settings.edit"))


@bp.get("/site/logo/<name>")
def logo(name: str):
    return storage.send(store.logo_folder(), name)
