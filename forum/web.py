"""What every page needs: template globals and security headers."""

from urllib.parse import unquote_to_bytes

from flask import abort, current_app, request
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from . import uploads
from .access import Permission, can
from .models import Role
from .posts.views import post_url, thread_url

ROLE_LABELS = {Role.MODERATOR: _l("Moderator"), Role.ADMIN: _l("Administrator")}

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"
)


# The forum uses none of these browser features; a page that an injected script or a
# future embed runs in cannot ask for them either.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "geolocation",
        "gyroscope", "magnetometer", "microphone", "midi", "payment", "usb",
        "browsing-topics",
    )
)  # fmt: skip


def _security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    # A window the forum opens, or that opens the forum, gets no handle on the other.
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if max_age := current_app.config["HSTS_SECONDS"]:
        subdomains = "; includeSubDomains" if current_app.config["HSTS_INCLUDE_SUBDOMAINS"] else ""
        headers.setdefault("Strict-Transport-Security", f"max-age={max_age}{subdomains}")
    return response


def _refuse_undecodable_input():
    """Browsers send UTF-8. Werkzeug would keep invalid bytes as the literal text "%FF",
    so they are refused here, before anything (CSRF included) parses the request.
    NUL cannot be stored by PostgreSQL: refused in paths and query strings here, and
    in form fields by ForumForm, next to the field. Bodies are bounded by
    MAX_CONTENT_LENGTH, so reading one here costs little."""
    if "\x00" in request.path:
        abort(404)
    invalid = _("The request contained characters that are not valid text.")
    query = _decoded(request.query_string)
    if query is None or "\x00" in query:
        abort(400, description=invalid)
    is_form = request.mimetype == "application/x-www-form-urlencoded"
    if request.method == "POST" and is_form and _decoded(request.get_data(cache=True)) is None:
        abort(400, description=invalid)


def _decoded(raw: bytes) -> str | None:
    try:
        return unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return None


def init_request_checks(app) -> None:
    """Registered before every extension, so that they run first on each request
    (the body limit before anything reads the body)."""
    app.before_request(uploads.apply_upload_limit)
    app.before_request(_refuse_undecodable_input)


def init_app(app) -> None:
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
            "ROLE_LABELS": ROLE_LABELS,
        }
