"""Getting back into an account and proving an address: signed, expiring links.

A reset link names the account and a fingerprint of its password hash and
address, so it works once (a new password changes the hash) and not after any
other password or address change. A confirmation link names the account and
the address it was sent to, so a link for a replaced address confirms nothing.
"""

from enum import StrEnum

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select

from .. import outbox, ratelimit
from ..extensions import db
from ..models import User, utcnow
from . import sessions
from .services import (
    CONFIRM_MAIL,
    AccountTaken,
    TooManyAttempts,
    confirm_password,
    email_taken,
    normalize_email,
)

RESET_MAIL = "mail.password-reset"  # target: a user
ADDRESS_CHANGE_MAIL = "mail.address-change"  # target: a user; tells the old address


class LinkProblem(StrEnum):
    EXPIRED = "expired"
    INVALID = "invalid"  # tampered, cut off, or for an account that is gone
    USED = "used"  # the reset happened, or the password changed since
    CONFIRMED = "confirmed"  # the address is confirmed already
    OUTDATED = "outdated"  # the account uses another address since


class BadLink(Exception):
    def __init__(self, problem: LinkProblem):
        super().__init__(problem)
        self.problem = problem


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"forum-{purpose}")


def _read(purpose: str, token: str, max_age: int) -> list:
    try:
        return _serializer(purpose).loads(token, max_age=max_age)
    except SignatureExpired:
        raise BadLink(LinkProblem.EXPIRED) from None
    except BadSignature:
        raise BadLink(LinkProblem.INVALID) from None


def _account(user_id) -> User:
    user = db.session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None or user.deleted_at is not None or user.is_banned:
        raise BadLink(LinkProblem.INVALID)
    return user


# Password reset


def reset_token(user: User) -> str:
    return _serializer("password-reset").dumps([user.id, user.credentials_fingerprint])


def request_reset(address: str) -> None:
    """Queues a reset mail if the address belongs to an account that may log in.
    The caller answers the same either way, and both ways do the same work (a
    limit check, a task, a commit), so that neither the page nor its timing tells
    who is registered. A task for nobody (0) is dropped by the mail sender."""
    address = normalize_email(address)
    user = db.session.scalar(select(User).where(User.email == address))
    may_log_in = user is not None and not user.is_banned and user.deleted_at is None
    limited = ratelimit.attempt("RESET_PER_ACCOUNT", user.id if may_log_in else address)
    outbox.record(RESET_MAIL, user.id if may_log_in and not limited else 0)
    db.session.commit()


def account_for_reset(token: str) -> User:
    payload = _read("password-reset", token, current_app.config["PASSWORD_RESET_SECONDS"])
    user = _account(payload[0] if isinstance(payload, list) and len(payload) == 2 else None)
    if payload[1] != user.credentials_fingerprint:
        raise BadLink(LinkProblem.USED)
    return user


def reset_password(token: str, new_password: str) -> User:
    """Sets the password and ends every session (the caller starts a new one for the
    browser the link was opened in); the mail proved the address."""
    user = account_for_reset(token)
    user.set_password(new_password)
    sessions.end_all(user)
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()
    db.session.commit()
    return user


# Address confirmation


def address_to_confirm(user: User) -> str | None:
    if user.pending_email:
        return user.pending_email
    return None if user.email_confirmed_at else user.email


def confirmation_token(user: User, address: str) -> str:
    return _serializer("confirm-address").dumps([user.id, address])


def request_confirmation(user: User) -> None:
    if address_to_confirm(user) is not None:
        outbox.record(CONFIRM_MAIL, user.id)
        db.session.commit()


def read_confirmation_link(token: str) -> tuple[User, str]:
    """The account and the address a confirmation link confirms, if it still may."""
    payload = _read("confirm-address", token, current_app.config["CONFIRMATION_SECONDS"])
    user = _account(payload[0] if isinstance(payload, list) and len(payload) == 2 else None)
    address = payload[1]
    if address != user.pending_email:
        if address != user.email:
            raise BadLink(LinkProblem.OUTDATED)
        if user.email_confirmed_at is not None:
            raise BadLink(LinkProblem.CONFIRMED)
    return user, address


def is_first_address(user: User, address: str) -> bool:
    """A new account's own address, not a change: confirming it may log in."""
    return address != user.pending_email


def confirm_address(token: str) -> User:
    user, address = read_confirmation_link(token)
    if not is_first_address(user, address):
        if email_taken(address):
            raise AccountTaken("email")
        user.email, user.pending_email = address, None
    user.email_confirmed_at = utcnow()
    db.session.commit()
    return user


def change_email(actor: User, new_address: str, password: str) -> None:
    """The new address takes effect once confirmed; until then the old one stays in
    use and is told, so that a stolen session cannot quietly take over the account.

    Each attempt counts (EMAIL_CHANGE_PER_ACCOUNT): the form sends mail to an address
    the person types, and says whether an address is taken."""
    if wait := ratelimit.attempt("EMAIL_CHANGE_PER_ACCOUNT", actor.id):
        raise TooManyAttempts(wait)
    confirm_password(actor, password)
    address = normalize_email(new_address)
    if address == actor.email:
        actor.pending_email = None
        db.session.commit()
        return
    if address == actor.pending_email:
        return  # its link is on the way; "send again" is the way to another one
    if email_taken(address):
        raise AccountTaken("email")
    actor.pending_email = address
    outbox.record(CONFIRM_MAIL, actor.id)
    if actor.email_confirmed_at is not None:
        outbox.record(ADDRESS_CHANGE_MAIL, actor.id)
    db.session.commit()


def log_out_everywhere(actor: User) -> None:
    sessions.end_all(actor)
    db.session.commit()
