from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import DataRequired

from ..forms import ForumForm


class VerifyCustomerForm(ForumForm):
    username = StringField(_l("Username or e-mail address"), validators=[DataRequired()])
    customer_number = StringField(
        _l("Customer number"),
        validators=[DataRequired()],
        description=_l("Checked by you, for example on the phone or in the customer system."),
    )
