from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, StringField
from wtforms.validators import DataRequired, Length

from ..forms import ForumForm


class VerifyStaffForm(ForumForm):
    username = StringField(_l("Username"), validators=[DataRequired()])
    title = StringField(
        _l("Job title"),
        validators=[DataRequired(), Length(max=120)],
        description=_l('Shown with the badge, e.g. "Kundenservice Internet".'),
    )
    team = StringField(
        _l("Team"),
        validators=[DataRequired(), Length(max=120)],
        description=_l('e.g. "Team Kundenservice".'),
    )
    team_account = BooleanField(_l("Shared team account (shown as the team, not as a person)"))


class AssignCaseForm(ForumForm):
    staff_id = SelectField(_l("Case manager"), coerce=int, validators=[DataRequired()])
