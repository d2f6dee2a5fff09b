"""Flask-Login wiring. The session id carries the account's nonce, so rotating
the nonce (password change) ends every other session."""

from flask_babel import lazy_gettext as _l

from ..extensions import db
from ..models import Guest, User


def load_user(session_id: str) -> User | None:
    user_id, _, nonce = session_id.partition(":")
    if not user_id.isdigit() or not nonce:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or user.session_nonce != nonce or user.is_banned:
        return None
    return user


def init_login(app, login_manager) -> None:
    login_manager.init_app(app)
    login_manager.anonymous_user = Guest
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to continue.")
    login_manager.login_message_category = "info"
    login_manager.user_loader(load_user)
