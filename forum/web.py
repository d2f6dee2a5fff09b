"""What every page needs: template globals and security headers."""

from flask import current_app, request
from flask_babel import get_locale

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


def init_app(app) -> None:
    app.after_request(_security_headers)
    app.jinja_env.add_extension("jinja2.ext.do")

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
