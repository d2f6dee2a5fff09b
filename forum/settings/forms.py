"""The settings form, built from the registry so that a new setting is one line there."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from limits import parse_many
from wtforms import IntegerField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, ValidationError

from ..forms import ForumForm
from ..i18n import LANGUAGE_NAMES
from .registry import SETTINGS


def _valid_rate_limit(form, field) -> None:
    try:
        limits = parse_many(field.data or "")
    except ValueError:
        limits = []
    if not limits:
        raise ValidationError(
            _l("Write limits like “6/minute;60/hour”: a number, a slash and a unit of time.")
        )


def _field(setting):
    label, hint = setting.label, setting.hint
    if setting.kind == "number":
        return IntegerField(
            label,
            description=hint,
            validators=[
                InputRequired(message=_l("Please enter a whole number.")),
                NumberRange(setting.minimum, setting.maximum),
            ],
        )
    if setting.kind == "language":
        choices = [SelectChoice(code, name) for code, name in LANGUAGE_NAMES.items()]
        return SelectField(label, description=hint, choices=choices)
    if setting.kind == "ratelimit":
        return StringField(
            label, description=hint, validators=[DataRequired(), _valid_rate_limit, Length(max=100)]
        )
    length = Length(min=setting.minimum, max=setting.maximum)
    if setting.kind == "longtext":
        return TextAreaField(label, description=hint, validators=[length])
    return StringField(label, description=hint, validators=[DataRequired(), length])


class SettingsForm(ForumForm):
    reason = StringField(_l("Note for the audit log (optional)"), validators=[Length(max=500)])

    def validate_TITLE_MAX_LENGTH(self, field) -> None:
        shortest = self.TITLE_MIN_LENGTH.data
        if field.data is not None and shortest is not None and field.data < shortest:
            raise ValidationError(_l("The longest title cannot be shorter than the shortest."))

    def values(self) -> dict:
        return {key: getattr(self, key).data for key in SETTINGS}


for _key, _setting in SETTINGS.items():
    setattr(SettingsForm, _key, _field(_setting))


class LogoForm(ForumForm):
    logo = FileField(_l("Logo"))
