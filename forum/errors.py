"""Friendly, localised error pages that reveal nothing about the server."""

from flask import render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from .access import NotAllowed


def _titles() -> dict[int, str]:
    return {
        400: _("The request could not be understood."),
        403: _("You are not allowed to do this."),
        404: _("This page does not exist."),
        405: _("This action is not possible here."),
        413: _("That was too much data at once."),
        429: _("Too many requests. Please wait a moment."),
        500: _("Something went wrong on our side."),
    }


# Form fields whose text is shown again when a post could not be saved.
KEPT_FIELDS = ("title", "body")


def _kept_text() -> list[tuple[str, str]]:
    """What the person wrote, so that an error after "Send" loses nothing."""
    if request.method != "POST":
        return []
    try:
        form = request.form
    except HTTPException:  # the body itself was the problem (too large, say)
        return []
    return [(name, form[name]) for name in KEPT_FIELDS if form.get(name, "").strip()]


def render_error(code: int, detail: str | None = None):
    title = _titles().get(code, _titles()[500])
    wants_json = request.accept_mimetypes.best == "application/json"
    if wants_json:
        return {"error": title, "detail": detail}, code
    page = render_template(
        "errors/error.html", code=code, title=title, detail=detail, kept=_kept_text()
    )
    return page, code


def init_app(app) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_error(
            400, _("The form had expired. Please go back, reload the page and send it again.")
        )

    @app.errorhandler(NotAllowed)
    def not_allowed(error):
        return render_error(403, str(error.reason))

    @app.errorhandler(HTTPException)
    def http_error(error):
        if error.code is None or error.code < 400:
            return error
        own_reason = error.description != type(error).description
        detail = error.description if own_reason else None
        return render_error(error.code, detail)

    @app.errorhandler(Exception)
    def unexpected_error(error):
        app.logger.exception("Unhandled error on %s", request.path)
        return render_error(InternalServerError.code)
