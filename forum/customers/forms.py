from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..forms import ConfiguredLength, ForumForm


class VerifyCustomerForm(ForumForm):
    username = StringField(_l("Username or e-mail address"), validators=[DataRequired()])
    customer_number = StringField(
        _l("Customer number"),
        validators=[DataRequired()],
        description=_l("Checked by you, for example on the phone or in the customer system."),
    )


class FaqReviewForm(ForumForm):
    """The draft's texts, to correct; publishing needs the confirmation and the texts
    exactly as reviewed (`reviewed` names them)."""

    title = StringField(
        _l("Title"),
        validators=[DataRequired(message=_l("Please enter a title.")), ConfiguredLength("TITLE")],
    )
    question = TextAreaField(
        _l("Question"),
        validators=[DataRequired(message=_l("Please write something.")), ConfiguredLength("BODY")],
    )
    answer = TextAreaField(
        _l("Answer"),
        validators=[DataRequired(message=_l("Please write something.")), ConfiguredLength("BODY")],
    )
    reviewed = HiddenField()
    confirmed = BooleanField(_l("I have checked the text"))
    save = SubmitField(_l("Save changes"))
    publish = SubmitField(_l("Publish"))


class ObjectionForm(ForumForm):
    reason = TextAreaField(
        _l("Why (optional)"),
        validators=[Optional(), Length(max=1000)],
        description=_l("Our staff read this. Please do not repeat personal details here."),
    )
    submit = SubmitField(_l("Object"))
