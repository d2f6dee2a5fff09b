import re

from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, EqualTo, Optional, ValidationError
from zxcvbn import zxcvbn

from ..forms import ConfiguredLength, ForumForm
from ..i18n import LANGUAGE_NAMES
from . import services

USERNAME_PATTERN = re.compile(r"^[^\W_][\w.-]*$")
# Hashing cost grows with length; nobody types more than this.
PASSWORD_MAX_LENGTH = 200


def valid_username(form, field) -> None:
    if not USERNAME_PATTERN.match(field.data.strip()):
        raise ValidationError(
            _l("Use letters, digits, dots, hyphens and underscores; start with a letter or digit.")
        )


def strong_password(form, field) -> None:
    password = field.data or ""
    minimum = current_app.config["PASSWORD_MIN_LENGTH"]
    if len(password) < minimum:
        raise ValidationError(_l("The password needs at least %(num)d characters.", num=minimum))
    if len(password) > PASSWORD_MAX_LENGTH:
        raise ValidationError(
            _l("The password may have at most %(num)d characters.", num=PASSWORD_MAX_LENGTH)
        )
    personal = [
        value for value in (getattr(form, "username", None), getattr(form, "email", None)) if value
    ]
    result = zxcvbn(password[:100], user_inputs=[f.data for f in personal if f.data])
    if result["score"] < current_app.config["PASSWORD_MIN_SCORE"]:
        raise ValidationError(
            _l(
                "This password is too easy to guess. Use a longer phrase, "
                "for example several unrelated words."
            )
        )


class RegisterForm(ForumForm):
    username = StringField(
        _l("Username"),
        validators=[DataRequired(), ConfiguredLength("USERNAME"), valid_username],
        description=_l("Shown with your posts. Letters, digits, . - _"),
    )
    email = EmailField(
        _l("E-mail address"),
        validators=[DataRequired(), Email(message=_l("Please enter a valid e-mail address."))],
        description=_l("Never shown publicly."),
    )
    password = PasswordField(_l("Password"), validators=[DataRequired(), strong_password])
    password_confirm = PasswordField(
        _l("Repeat password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords do not match."))],
    )

    def validate_username(self, field) -> None:
        if services.username_taken(field.data):
            raise ValidationError(_l("This username is already taken."))

    def validate_email(self, field) -> None:
        if services.email_taken(field.data):
            raise ValidationError(_l("An account with this e-mail address already exists."))


class LoginForm(ForumForm):
    login = StringField(_l("Username or e-mail address"), validators=[DataRequired()])
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    remember = BooleanField(_l("Stay logged in"))


class ChangePasswordForm(ForumForm):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired()])
    password = PasswordField(_l("New password"), validators=[DataRequired(), strong_password])
    password_confirm = PasswordField(
        _l("Repeat new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords do not match."))],
    )


class ProfileForm(ForumForm):
    display_name = StringField(
        _l("Display name"),
        validators=[Optional(), ConfiguredLength("DISPLAY_NAME")],
        description=_l("Optional. Shown instead of your username."),
    )
    bio = TextAreaField(_l("About me"), validators=[Optional(), ConfiguredLength("BIO")])
    locale = SelectField(
        _l("Language"),
        choices=[SelectChoice(code, name) for code, name in LANGUAGE_NAMES.items()],
        validators=[DataRequired()],
    )
