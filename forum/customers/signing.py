"""The customer portal's signed verification link.

The portal and the forum share FORUM_CUSTOMER_LINK_SECRET. A link carries the
customer number, the e-mail address and an expiry time, signed with
HMAC-SHA256 over exactly those three values; the forum accepts it once.
"""

import hashlib
import hmac
import time
from dataclasses import dataclass
from urllib.parse import urlencode


class InvalidLink(Exception):
    """Why a link was refused: `reason` is one of "malformed", "expired", "tampered"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class LinkClaim:
    customer_number: str
    email: str
    expires: int
    signature: str

    @property
    def fingerprint(self) -> str:
        """Stored once used, so that the same link cannot verify twice."""
        return hashlib.sha256(self.signature.encode()).hexdigest()


def _message(customer_number: str, email: str, expires: int) -> bytes:
    return f"{customer_number}\n{email.strip().lower()}\n{expires}".encode()


def sign(secret: str, customer_number: str, email: str, expires: int) -> str:
    return hmac.new(
        secret.encode(), _message(customer_number, email, expires), "sha256"
    ).hexdigest()


def link_query(
    secret: str, customer_number: str, email: str, valid_seconds: int = 3 * 86400
) -> str:
    expires = int(time.time()) + valid_seconds
    signature = sign(secret, customer_number, email, expires)
    return urlencode({"c": customer_number, "e": email, "x": expires, "s": signature})


def verify(secret: str, args, now: float | None = None) -> LinkClaim:
    """Checks a link's query arguments; raises InvalidLink with the reason."""
    customer_number, email = args.get("c", ""), args.get("e", "")
    signature, expires = args.get("s", ""), args.get("x", "")
    if not (customer_number.isdigit() and 4 <= len(customer_number) <= 20):
        raise InvalidLink("malformed")
    if not (email and expires.isdigit() and len(signature) == 64):
        raise InvalidLink("malformed")
    expected = sign(secret, customer_number, email, int(expires))
    if not hmac.compare_digest(expected, signature):
        raise InvalidLink("tampered")
    if int(expires) < (now if now is not None else time.time()):
        raise InvalidLink("expired")
    return LinkClaim(customer_number, email.strip().lower(), int(expires), signature)
