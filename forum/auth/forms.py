from flask_babel import lazy_gettext as _l
from flask_login import current_user
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

from ..access import Permission, can
from ..forms import ConfiguredLength, ForumForm
from ..i18n import LANGUAGE_NAMES
from . import rules, services


def valid_username(form, field) -> None:
    if problem := rules.username_problem(field.data or ""):
        raise ValidationError(problem)


def strong_password(form, field) -> None:
    """The person's own name and address count as easy guesses."""
    personal = [getattr(form, name).data for name in ("username", "email") if hasattr(form, name)]
    account = getattr(form, "account", None) or current_user
    if account.is_authenticated:
        personal += [account.username, account.email]
    if problem := rules.password_problem(field.data or "", personal):
        raise ValidationError(problem)


class RegisterForm(ForumForm):
    username = StringField(
        _l("Username"),
        validators=[DataRequired(), valid_username],
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
        """Usernames are public anyway; whether an address is registered is not said."""
        if services.username_taken(field.data):
            raise ValidationError(_l("This username is already taken."))


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

    def validate_display_name(self, field) -> None:
        if not field.data or can(current_user, Permission.OFFICIAL_NAME):
            return
        if problem := rules.imitation_problem(field.data):
            raise ValidationError(problem)


class ForgotPasswordForm(ForumForm):
    email = EmailField(
        _l("E-mail address"),
        validators=[DataRequired(), Email(message=_l("Please enter a valid e-mail address."))],
    )


class ResetPasswordForm(ForumForm):
    """`account` is set by the view: the password must not be built from its name."""

    account = None
    password = PasswordField(_l("New password"), validators=[DataRequired(), strong_password])
    password_confirm = PasswordField(
        _l("Repeat new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords do not match."))],
    )


class ChangeEmailForm(ForumForm):
    email = EmailField(
        _l("New e-mail address"),
        validators=[DataRequired(), Email(message=_l("Please enter a valid e-mail address."))],
    )
    current_password = PasswordField(_l("Current password"), validators=[DataRequired()])
