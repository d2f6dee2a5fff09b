from flask import Blueprint

bp = Blueprint("auth", __name__)

from . import recovery_views, views  # noqa: E402, F401  (registers the routes)
