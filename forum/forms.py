"""Form pieces shared by every capability."""

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField, TextAreaField
from wtforms.validators import ValidationError

from .text import single_line

# U+FFFD is what undecodable bytes (invalid UTF-8) turn into when the request is parsed.
FORBIDDEN_CHARACTERS = ("\x00", "\ufffd")


class ForumForm(FlaskForm):
    """Refuses NUL bytes and undecodable text in any text field, next to that field,
    before any validator (some look up the database) sees the value. One-line fields
    (titles, names) lose line breaks and control characters before validation, so the
    person sees and the length check counts what will be stored."""

    def validate(self, extra_validators=None) -> bool:
        unusable = [
            field
            for field in self
            if isinstance(field, StringField | TextAreaField)
            and any(ch in (field.data or "") for ch in FORBIDDEN_CHARACTERS)
        ]
        if not unusable:
            for field in self:
                if _is_one_line(field) and isinstance(field.data, str):
                    field.data = single_line(field.data)
            return super().validate(extra_validators)
        for field in unusable:
            field.errors = [str(_l("Contains characters that are not allowed."))]
        return False


def _is_one_line(field) -> bool:
    multi_line_or_verbatim = TextAreaField | PasswordField | HiddenField
    return isinstance(field, StringField) and not isinstance(field, multi_line_or_verbatim)


class ConfiguredLength:
    """A length check whose bounds are settings (e.g. TITLE_MIN_LENGTH / TITLE_MAX_LENGTH)."""

    def __init__(self, setting: str):
        self.setting = setting

    def bounds(self) -> tuple[int, int]:
        config = current_app.config
        return config.get(f"{self.setting}_MIN_LENGTH", 0), config[f"{self.setting}_MAX_LENGTH"]

    def __call__(self, form, field) -> None:
        minimum, maximum = self.bounds()
        length = len((field.data or "").strip())
        if length < minimum:
            raise ValidationError(_l("Please enter at least %(num)d characters.", num=minimum))
        if length > maximum:
            raise ValidationError(
                _l(
                    "Please enter at most %(max)d characters (you entered %(num)d).",
                    max=maximum,
                    num=length,
                )
            )
