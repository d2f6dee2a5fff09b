"""Verified customers, for the staff page (numbers are shown masked there)."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..models import CustomerVerification


def recently_verified(limit: int) -> list[CustomerVerification]:
    return list(
        db.session.scalars(
            select(CustomerVerification)
            .where(CustomerVerification.revoked_at.is_(None))
            .options(joinedload(CustomerVerification.user))
            .order_by(CustomerVerification.verified_at.desc())
            .limit(limit)
        )
    )
