"""Settings admins change in the browser, stored in the database over the
configured defaults. Each process applies them to its config when they change
(checked every SETTINGS_RELOAD_SECONDS), so code keeps reading app.config."""

from flask import Blueprint

bp = Blueprint("settings", __name__)

from . import views  # noqa: E402, F401  (registers the routes)
