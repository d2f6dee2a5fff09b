from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from ..forms import ConfiguredLength, ForumForm
from ..models import Severity

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
    body = TextAreaField(
        _l("What happened, and what customers can do"),
        validators=[DataRequired(), ConfiguredLength("BODY")],
    )


class IncidentUpdateForm(ForumForm):
    body = TextAreaField(_l("Update"), validators=[DataRequired(), ConfiguredLength("BODY")])
    resolves = BooleanField(_l("The incident is resolved"))
