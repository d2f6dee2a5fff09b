"""Friendly, localised error pages that reveal nothing about the server."""

from flask import render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from .posts.services import NotAllowed


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


def render_error(code: int, detail: str | None = None):
    title = _titles().get(code, _titles()[500])
    wants_json = request.accept_mimetypes.best == "application/json"
    if wants_json:
        return {"error": title, "detail": detail}, code
    return render_template("errors/error.html", code=code, title=title, detail=detail), code


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
