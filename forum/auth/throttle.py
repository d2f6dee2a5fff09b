"""How often passwords may be tried, without letting strangers lock the owner out.

Failed log-ins count per IP address and per IP address and account, which stops
one attacker, and per account, which stops many attackers sharing the guesses
out. The account-wide count would stop the owner too; so a browser that logged
in to the account before holds a signed device cookie and is counted on its own
(OWASP's "device cookies"): strangers' failures never stop it, and its own
failures do not count against the account. Other browsers, once the account-wide
limit is reached, are sent to the e-mailed reset link, without the password
being tried, so that the answer says nothing about it. Without a device cookie
a password is tried no more often than the account-wide limit allows.
"""

import secrets
from dataclasses import dataclass

from flask import after_this_request, current_app, request, url_for
from itsdangerous import BadSignature, URLSafeTimedSerializer

from .. import ratelimit
from ..models import User, canonical_username


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="forum-device")


def _cookie_name(user: User) -> str:
    return f"device-{user.id}"


def device_of(user: User | None) -> str | None:
    """This browser's device key for the account, if it holds a valid cookie for it."""
    value = request.cookies.get(_cookie_name(user)) if user is not None else None
    if not value:
        return None
    try:
        user_id, nonce, credentials = _serializer().loads(
            value, max_age=current_app.config["DEVICE_COOKIE_SECONDS"]
        )
    except (BadSignature, TypeError, ValueError):
        return None
    # A cookie earned with a password that has changed since (or for an address the
    # account no longer has) buys no guesses of its own any more.
    if user_id != user.id or credentials != user.credentials_fingerprint:
        return None
    return f"{user_id}:{nonce}"


def remember_device(user: User) -> None:
    """After a log-in that proved the password or the mailbox: this browser becomes
    one of the account's devices (a fresh key, so its own failures start at zero)."""
    value = _serializer().dumps([user.id, secrets.token_urlsafe(12), user.credentials_fingerprint])
    config = current_app.config

    @after_this_request
    def set_cookie(response):
        response.set_cookie(
            _cookie_name(user),
            value,
            max_age=config["DEVICE_COOKIE_SECONDS"],
            path=url_for("auth.login"),
            secure=config["SESSION_COOKIE_SECURE"],
            httponly=True,
            samesite="Lax",
        )
        return response


@dataclass(frozen=True)
class Refusal:
    wait: int = 0  # seconds until this browser may try again
    devices_only: bool = False  # the account takes log-ins only from its devices now


@dataclass(frozen=True)
class LoginAttempt:
    ip: str
    account: str  # one key per account, whether named by username or address
    device: str | None  # the browser's device key for this account, if any

    @classmethod
    def of(cls, user: User | None, login: str, ip: str) -> "LoginAttempt":
        account = f"user:{user.id}" if user else canonical_username(login.strip())
        return cls(ip=ip, account=account, device=device_of(user))

    @property
    def _ip_and_account(self) -> str:
        return f"{self.ip}|{self.account}"

    def refusal(self) -> Refusal | None:
        """Why the password is not tried now, if it is not; counts the attempt per IP."""
        if self.device:
            wait = ratelimit.wait_seconds("LOGIN_PER_DEVICE", self.device)
        else:
            wait = ratelimit.attempt("LOGIN_PER_IP", self.ip) or ratelimit.wait_seconds(
                "LOGIN_PER_IP_ACCOUNT", self._ip_and_account
            )
        if wait:
            return Refusal(wait=wait)
        if not self.device and ratelimit.wait_seconds("LOGIN_PER_ACCOUNT", self.account):
            return Refusal(devices_only=True)
        return None

    def failed(self) -> None:
        if self.device:
            ratelimit.record("LOGIN_PER_DEVICE", self.device)
        else:
            ratelimit.record("LOGIN_PER_IP_ACCOUNT", self._ip_and_account)
            ratelimit.record("LOGIN_PER_ACCOUNT", self.account)
