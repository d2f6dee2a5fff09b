"""What the redaction finds, and what stands in the text instead."""

from dataclasses import dataclass
from enum import StrEnum

from flask_babel import lazy_gettext as _l


class Kind(StrEnum):
    """What was certainly personal, and so is replaced."""

    NAME = "name"  # a participant's name, or one met in a greeting elsewhere
    GREETING_NAME = "greeting-name"  # after "Hallo", "Frau", before a sign-off's end
    IBAN = "iban"
    ACCOUNT = "account"  # "IBAN endet auf 4711", "Konto …1234", a bank code
    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"
    CUSTOMER_NUMBER = "customer-number"
    CONTRACT_NUMBER = "contract-number"
    ORDER_NUMBER = "order-number"
    REFERENCE_NUMBER = "reference-number"  # invoices, tickets, cases
    SERIAL = "serial"
    MAC = "mac"
    BIRTH_DATE = "birth-date"


class Hint(StrEnum):
    """What may be personal: left in, highlighted for the reviewer."""

    NAME = "maybe-name"
    NUMBER = "long-number"
    DATE = "old-date"
    ADDRESS = "maybe-address"
    MENTION = "mention"
    EMAIL = "maybe-email"
    IBAN = "maybe-iban"
    PHONE = "service-number"


PLACEHOLDERS = {
    Kind.NAME: _l("[name]"),
    Kind.GREETING_NAME: _l("[name]"),
    Kind.IBAN: _l("[IBAN]"),
    Kind.ACCOUNT: _l("[account number]"),
    Kind.PHONE: _l("[phone number]"),
    Kind.EMAIL: _l("[e-mail address]"),
    Kind.ADDRESS: _l("[address]"),
    Kind.CUSTOMER_NUMBER: _l("[customer number]"),
    Kind.CONTRACT_NUMBER: _l("[contract number]"),
    Kind.ORDER_NUMBER: _l("[order number]"),
    Kind.REFERENCE_NUMBER: _l("[reference number]"),
    Kind.SERIAL: _l("[serial number]"),
    Kind.MAC: _l("[MAC address]"),
    Kind.BIRTH_DATE: _l("[date of birth]"),
}


def placeholders() -> dict[Kind, str]:
    """The placeholders in the current language (call inside the forum's locale)."""
    return {kind: str(text) for kind, text in PLACEHOLDERS.items()}


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    kind: Kind | Hint

    @property
    def certain(self) -> bool:
        return isinstance(self.kind, Kind)
