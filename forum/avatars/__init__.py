"""Profile pictures: an uploaded one, or one drawn from the account's name."""

from flask import Blueprint

bp = Blueprint("avatars", __name__)

from . import views  # noqa: E402, F401  (registers the routes)
