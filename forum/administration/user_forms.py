from flask_babel import lazy_gettext as _l
from wtforms import SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..forms import ForumForm
from ..moderation.services import REASON_MAX_LENGTH
from .users import ROLE_FLAGS


class ChangeRoleForm(ForumForm):
    role = SelectField(choices=list(ROLE_FLAGS), validators=[DataRequired()])
    change = SelectField(choices=["grant", "revoke"], validators=[DataRequired()])
    reason = TextAreaField(_l("Reason"), validators=[Optional(), Length(max=REASON_MAX_LENGTH)])
