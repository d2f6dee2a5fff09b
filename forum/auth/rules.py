"""What makes a username or password acceptable, shared by the forms and the CLI."""

import re

from flask import current_app
from flask_babel import lazy_gettext as _l
from zxcvbn import zxcvbn

from ..staff.imitation import imitated_staff
from ..staff.names import imitates_staff

USERNAME_PATTERN = re.compile(r"^[^\W_][\w.-]*$")
# Hashing cost grows with length; nobody types more than this.
PASSWORD_MAX_LENGTH = 200


def username_problem(username: str, official: bool = False):
    """None when the name is acceptable, else the reason (a lazy translation).

    `official` accounts (admins created by the operator) may use reserved words."""
    config = current_app.config
    name = username.strip()
    if len(name) < config["USERNAME_MIN_LENGTH"]:
        return _l("Please enter at least %(num)d characters.", num=config["USERNAME_MIN_LENGTH"])
    if len(name) > config["USERNAME_MAX_LENGTH"]:
        return _l(
            "Please enter at most %(max)d characters (you entered %(num)d).",
            max=config["USERNAME_MAX_LENGTH"],
            num=len(name),
        )
    if not USERNAME_PATTERN.match(name):
        return _l(
            "Use letters, digits, dots, hyphens and underscores; start with a letter or digit."
        )
    return None if official else imitation_problem(name)


def imitation_problem(name: str):
    """Names that could pass for staff, or for one staff member, are only for verified
    staff (checked by callers)."""
    company = current_app.config["COMPANY_NAME"]
    if word := imitates_staff(name, company):
        return _l(
            "This name could be mistaken for an official name of %(company)s (“%(word)s”). "
            "Please choose another one.",
            company=company,
            word=word,
        )
    if staff := imitated_staff(name):
        return _l(
            "This name could be mistaken for “%(name)s” (verified staff of %(company)s). "
            "Please choose another one.",
            name=staff.shown_as,
            company=company,
        )
    return None


def password_problem(password: str, personal: list[str]):
    """None when the password is acceptable, else the reason (a lazy translation).

    `personal` are the person's name and address: a password built from them is weak."""
    minimum = current_app.config["PASSWORD_MIN_LENGTH"]
    if len(password) < minimum:
        return _l("The password needs at least %(num)d characters.", num=minimum)
    if len(password) > PASSWORD_MAX_LENGTH:
        return _l("The password may have at most %(num)d characters.", num=PASSWORD_MAX_LENGTH)
    result = zxcvbn(password[:100], user_inputs=[value for value in personal if value])
    if result["score"] < current_app.config["PASSWORD_MIN_SCORE"]:
        return _l(
            "This password is too easy to guess. Use a longer phrase, "
            "for example several unrelated words."
        )
    return None
