"""Language choice and localised dates and numbers.

German is the default; a person's saved choice wins, then the language switch
(a cookie, for guests), then the browser's Accept-Language.
"""

from datetime import datetime

from flask import Blueprint, current_app, has_request_context, redirect, request, url_for
from flask_babel import (
    format_date,
    format_datetime,
    format_decimal,
    format_percent,
    format_timedelta,
    gettext,
    ngettext,
)
from flask_login import current_user
from markupsafe import Markup

from .models import utcnow
from .urls import safe_next

LANGUAGE_COOKIE = "lang"
LANGUAGE_NAMES = {"de": "Deutsch", "en": "English"}

bp = Blueprint("i18n", __name__)


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen in languages:
        return chosen
    return (
        request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]
    )


@bp.post("/language")
def switch_language():
    """The footer switch. A plain form post (CSRF-checked), so it works without JavaScript."""
    language = request.form.get("language")
    response = redirect(safe_next(request.form.get("next"), url_for("boards.index")))
    if language in current_app.config["LANGUAGES"]:
        response.set_cookie(
            LANGUAGE_COOKIE, language, max_age=365 * 24 * 3600, samesite="Lax", httponly=True
        )
        if current_user.is_authenticated:
            from .auth import services as auth_services  # auth's forms import this module

            auth_services.set_locale(current_user, language)
    return response


def time_tag(moment: datetime | None) -> Markup:
    """A relative time ("vor 3 Stunden") with the exact date and time on hover."""
    if moment is None:
        return Markup("")
    relative = format_timedelta(moment - utcnow(), add_direction=True, granularity="minute")
    exact = format_datetime(moment, "short")
    return Markup('<time datetime="{iso}" title="{exact}">{relative}</time>').format(
        iso=moment.isoformat(), exact=exact, relative=relative
    )


def duration(seconds: float | None) -> str:
    """A waiting time as days and hours ("3 Tage, 4 Std."), or hours and minutes."""
    if seconds is None:
        return "–"
    minutes = int(seconds // 60)
    days, hours, minutes = minutes // 1440, minutes // 60 % 24, minutes % 60
    if days:
        parts = [ngettext("%(num)d day", "%(num)d days", days)]
        if hours:
            parts.append(gettext("%(num)d h", num=hours))
    elif hours:
        parts = [gettext("%(num)d h", num=hours)]
        if minutes:
            parts.append(gettext("%(num)d min", num=minutes))
    else:
        parts = [gettext("%(num)d min", num=minutes)]
    return ", ".join(parts)


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.jinja_env.filters["time"] = time_tag
    app.jinja_env.filters["date"] = lambda moment: format_date(moment, "medium")
    app.jinja_env.filters["number"] = format_decimal
    app.jinja_env.filters["duration"] = duration
    app.jinja_env.filters["percent"] = lambda share: (
        format_percent(share) if share is not None else "–"
    )
    app.jinja_env.globals["LANGUAGE_NAMES"] = LANGUAGE_NAMES
