"""A member's own data (DSGVO): download everything about them, delete the account."""

from flask import Blueprint

bp = Blueprint("privacy", __name__)

from . import views  # noqa: E402, F401  (registers the routes)
