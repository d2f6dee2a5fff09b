"""What every page needs: template globals and security headers."""

from urllib.parse import unquote_to_bytes

from flask import abort, current_app, request
from flask_babel import get_locale
from flask_babel import gettext as _

from .access import Permission, can
from .posts.views import post_url, thread_url

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"
)


def _security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def _refuse_invalid_utf8():
    """Browsers send UTF-8; anything else would be stored as mangled text, so say no."""
    raw_parts = [request.query_string]
    if request.mimetype == "application/x-www-form-urlencoded":
        raw_parts.append(request.get_data(cache=True))
    for raw in raw_parts:
        try:
            unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            abort(400, description=_("The request contained characters that are not valid text."))


def init_app(app) -> None:
    app.before_request(_refuse_invalid_utf8)
    app.after_request(_security_headers)
    app.jinja_env.add_extension("jinja2.ext.do")
    # WTForms would render a None attribute as the text "None".
    app.jinja_env.filters["without_none"] = lambda attrs: {
        key: value for key, value in attrs.items() if value is not None
    }

    @app.context_processor
    def forum_globals():
        return {
            "forum_title": current_app.config["FORUM_TITLE"],
            "company_name": current_app.config["COMPANY_NAME"],
            "current_path": request.full_path.rstrip("?"),
            "get_locale": get_locale,
            "can": can,
            "Permission": Permission,
            "thread_url": thread_url,
            "post_url": post_url,
        }
