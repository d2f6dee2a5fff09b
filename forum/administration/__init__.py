"""Running the forum in the browser: boards, users, settings and health, for admins."""

from flask import Blueprint

bp = Blueprint("administration", __name__, url_prefix="/admin")
from . import (  # noqa: E402, F401
    board_views,
    health_views,
    synonym_views,
    user_views,
)
