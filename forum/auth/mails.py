"""Mails about the account itself, sent from the outbox like every other mail.
The link is made when the mail leaves, so a retried mail carries a fresh one."""

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from ..extensions import db
from ..models import User
from ..notifications import mail
from . import recovery, services


def _subject(text: str) -> str:
    return f"[{current_app.config['FORUM_TITLE']}] {text}"


def _locale(user: User) -> str:
    return user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]


def _account(task) -> User | None:
    user = db.session.get(User, task.target_id)
    return None if user is None or user.deleted_at is not None else user


def send_reset(task) -> None:
    user = _account(task)
    if user is None or user.is_banned:
        return
    link = f"{mail.base_url()}/reset/{recovery.reset_token(user)}"
    minutes = current_app.config["PASSWORD_RESET_SECONDS"] // 60
    with force_locale(_locale(user)):
        body = mail.render("mail/password_reset.txt", user=user, link=link, minutes=minutes)
        mail.deliver(user.email, _subject(_("Reset your password")), body)


def send_confirmation(task) -> None:
    user = _account(task)
    address = user and recovery.address_to_confirm(user)
    if not address:
        return  # confirmed meanwhile
    link = f"{mail.base_url()}/confirm/{recovery.confirmation_token(user, address)}"
    days = current_app.config["CONFIRMATION_SECONDS"] // 86400
    with force_locale(_locale(user)):
        body = mail.render("mail/confirm_address.txt", user=user, link=link, days=days)
        mail.deliver(address, _subject(_("Please confirm your e-mail address")), body)


def send_address_change(task) -> None:
    user = _account(task)
    if user is None or not user.pending_email:
        return
    with force_locale(_locale(user)):
        body = mail.render(
            "mail/address_change.txt",
            user=user,
            new_address=user.pending_email,
            reset=f"{mail.base_url()}/reset",
        )
        mail.deliver(user.email, _subject(_("Your e-mail address is being changed")), body)


def send_register_attempt(task) -> None:
    """Someone tried to register with the account's address: the owner learns it,
    and how to get in, and nobody else learns that the address is registered."""
    user = _account(task)
    if user is None or user.is_banned:
        return
    with force_locale(_locale(user)):
        body = mail.render(
            "mail/register_attempt.txt",
            user=user,
            login=f"{mail.base_url()}/login",
            reset=f"{mail.base_url()}/reset",
        )
        subject = _subject(_("Someone tried to register with your e-mail address"))
        mail.deliver(user.email, subject, body)


def init_app() -> None:
    mail.register_sender(recovery.RESET_MAIL, send_reset)
    mail.register_sender(recovery.CONFIRM_MAIL, send_confirmation)
    mail.register_sender(recovery.ADDRESS_CHANGE_MAIL, send_address_change)
    mail.register_sender(services.REGISTER_ATTEMPT_MAIL, send_register_attempt)
