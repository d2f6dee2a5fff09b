from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, PasswordField, RadioField, SelectChoice
from wtforms.validators import DataRequired, InputRequired

from ..forms import ForumForm


class DeleteAccountForm(ForumForm):
    posts = RadioField(
        _l("Your posts"),
        choices=[
            SelectChoice("keep", _l("Keep them, shown as written by “Deleted user”")),
            SelectChoice("remove", _l("Remove their texts too")),
        ],
        default="keep",
        validators=[InputRequired(message=_l("Please choose what happens to your posts."))],
    )
    password = PasswordField(_l("Your password"), validators=[DataRequired()])
    understood = BooleanField(
        _l("I understand that this cannot be undone."),
        validators=[
            DataRequired(message=_l("Please confirm that you want to delete the account."))
        ],
    )
