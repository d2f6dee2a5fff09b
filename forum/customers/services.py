"""Customer verification use cases. Each takes an explicit actor and commits once."""

import re

from sqlalchemy.exc import IntegrityError

from ..access import Permission, ensure
from ..extensions import db
from ..models import CustomerLinkUse, CustomerVerification, User, utcnow
from ..moderation import audit
from .signing import LinkClaim

CUSTOMER_NUMBER = re.compile(r"^\d{4,20}$")


class VerificationRefused(Exception):
    """`reason`: "other-account", "used", "already", "not-verified" or "bad-number"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def verify_with_link(actor: User, claim: LinkClaim) -> CustomerVerification:
    """The portal vouches for the customer number of the account with this address."""
    if claim.email != actor.email:
        raise VerificationRefused("other-account")
    if db.session.get(CustomerLinkUse, claim.fingerprint) is not None:
        raise VerificationRefused("used")
    if actor.is_verified_customer:
        raise VerificationRefused("already")
    verification = CustomerVerification(
        user_id=actor.id, customer_number=claim.customer_number, method="portal-link"
    )
    db.session.add_all(
        [verification, CustomerLinkUse(fingerprint=claim.fingerprint, user_id=actor.id)]
    )
    try:
        db.session.commit()
    except IntegrityError:  # the same link, or the same account, in a parallel request
        db.session.rollback()
        raise VerificationRefused("used") from None
    db.session.expire(actor, ["customer_verification"])
    return verification


def verify_by_staff(actor: User, user: User, customer_number: str) -> CustomerVerification:
    """Staff checked the customer number (for example on the phone)."""
    _ensure(actor)
    number = customer_number.strip()
    if not CUSTOMER_NUMBER.match(number):
        raise VerificationRefused("bad-number")
    if user.is_verified_customer:
        raise VerificationRefused("already")
    verification = CustomerVerification(
        user_id=user.id, customer_number=number, method="staff", verified_by_id=actor.id
    )
    db.session.add(verification)
    audit.record(
        actor, "user.customer-verify", user, after={"customer_number": verification.masked_number}
    )
    db.session.commit()
    db.session.expire(user, ["customer_verification"])
    return verification


def revoke(actor: User, user: User) -> None:
    _ensure(actor)
    verification = user.customer_verification
    if verification is None:
        raise VerificationRefused("not-verified")
    verification.revoked_at = utcnow()
    verification.revoked_by_id = actor.id
    audit.record(
        actor, "user.customer-revoke", user, before={"customer_number": verification.masked_number}
    )
    db.session.commit()
    db.session.expire(user, ["customer_verification"])


def _ensure(actor: User) -> None:
    ensure(actor, Permission.CUSTOMER_VERIFY)
