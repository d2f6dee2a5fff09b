from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, Length, Optional

from ..forms import ConfiguredLength, ForumForm
from ..models import Severity, utcnow

SEVERITY_CHOICES = [
    SelectChoice(Severity.MAJOR.value, _l("Outage")),
    SelectChoice(Severity.MINOR.value, _l("Disruption")),
    SelectChoice(Severity.INFO.value, _l("Notice or maintenance")),
]


class IncidentForm(ForumForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(min=5, max=200)])
    severity = SelectField(_l("Severity"), choices=SEVERITY_CHOICES, default=Severity.MAJOR.value)
    products = StringField(
        _l("Affected products or regions (optional)"), validators=[Optional(), Length(max=300)]
    )
    boards = SelectMultipleField(
        _l("Show the banner only in these boards (none: on every page)"),
        coerce=int,
        validators=[Optional()],
    )
    started_at = DateTimeLocalField(_l("Began at (optional; empty: now)"), validators=[Optional()])
    body = TextAreaField(
        _l("What happened, and what customers can do"),
        validators=[DataRequired(), ConfiguredLength("BODY")],
    )

    def validate_started_at(self, field) -> None:
        if field.data is None:
            return
        began = self.started_at_utc()
        if began > utcnow():
            raise ValidationError(_l("The start cannot be in the future."))
        if began < utcnow() - timedelta(days=30):
            raise ValidationError(_l("The start can be at most 30 days ago."))

    def started_at_utc(self):
        """The form's local time (the forum's time zone) as a UTC moment, or None."""
        if self.started_at.data is None:
            return None
        zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
        return self.started_at.data.replace(tzinfo=zone).astimezone(UTC)


class IncidentUpdateForm(ForumForm):
    body = TextAreaField(_l("Update"), validators=[DataRequired(), ConfiguredLength("BODY")])
    resolves = BooleanField(_l("The incident is resolved"))
