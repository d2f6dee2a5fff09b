"""Kundenforum: a customer community forum.

create_app() follows the flaskr order: defaults, then instance/config.py, then
FORUM_* environment variables (the deployment wins); tests pass a mapping instead.
"""

import logging
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from . import config as config_module
from . import ratelimit
from .extensions import babel, csrf, db, limiter, login_manager, migrate
from .urls import IdConverter

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_relative_config=True,
        instance_path=str(PROJECT_ROOT / "instance"),
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.config.from_object(config_module.Defaults)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("FORUM")
    else:
        app.config.update(test_config)
    config_module.finalize(app.config, app.instance_path)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    app.url_map.converters["id"] = IdConverter
    if app.config["PROXY_FIX_X_FOR"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_FIX_X_FOR"])

    if not app.logger.level:
        app.logger.setLevel(logging.INFO)  # start-up facts reach the log by default
    _init_extensions(app)
    _register_capabilities(app)
    ratelimit.log_store(app)
    return app


def _init_extensions(app: Flask) -> None:
    from . import i18n, notifications, outbox, search, staff, web
    from .auth import mails, sessions
    from .settings import store

    web.init_request_checks(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale, timezone_selector=None)
    sessions.init_login(app, login_manager)
    i18n.init_app(app)
    outbox.init_app(app)
    search.init_app(app)
    notifications.init_app(app)
    staff.init_app(app)
    mails.init_app()
    store.init_app(app)


def _register_capabilities(app: Flask) -> None:
    from . import cli, errors, web
    from .administration import bp as administration_bp
    from .auth import bp as auth_bp
    from .avatars import bp as avatars_bp
    from .boards import bp as boards_bp
    from .customers.views import bp as customers_bp
    from .feeds.views import bp as feeds_bp
    from .incidents.views import bp as incidents_bp
    from .moderation.views import bp as moderation_bp
    from .notifications.views import bp as notifications_bp
    from .posts import bp as posts_bp
    from .privacy import bp as privacy_bp
    from .search.views import bp as search_bp
    from .settings import bp as settings_bp
    from .staff.views import bp as staff_bp
    from .support.views import bp as support_bp
    from .users import bp as users_bp

    for blueprint in (
        administration_bp,
        auth_bp,
        avatars_bp,
        boards_bp,
        customers_bp,
        feeds_bp,
        incidents_bp,
        moderation_bp,
        notifications_bp,
        posts_bp,
        privacy_bp,
        search_bp,
        settings_bp,
        staff_bp,
        support_bp,
        users_bp,
    ):
        app.register_blueprint(blueprint)
    web.init_app(app)
    errors.init_app(app)
    cli.init_app(app)
