from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..forms import ConfiguredLength, ForumForm


class PostBodyMixin:
    body = TextAreaField(
        _l("Your text"),
        validators=[DataRequired(message=_l("Please write something.")), ConfiguredLength("BODY")],
        description=_l("Markdown: **bold**, *italic*, > quote, - list, `code`, [link](https://…)"),
    )
    preview = SubmitField(_l("Preview"))
    submit = SubmitField(_l("Send"))


class ReplyForm(PostBodyMixin, ForumForm):
    pass


class EditPostForm(PostBodyMixin, ForumForm):
    reason = StringField(
        _l("Reason for the change"),
        validators=[Optional(), Length(max=300)],
        description=_l("Shown in the edit history, which moderators can see."),
    )
    remove_personal_data = BooleanField(
        _l("The earlier text contains personal data: remove it from every earlier version"),
    )
    submit = SubmitField(_l("Save changes"))


class NewThreadForm(PostBodyMixin, ForumForm):
    private = BooleanField(
        _l("Open as a private case: only you and our staff can see it"),
        description=_l("For questions about your contract, invoices or personal data."),
    )

    title = StringField(
        _l("Title"),
        validators=[DataRequired(message=_l("Please enter a title.")), ConfiguredLength("TITLE")],
    )
    submit = SubmitField(_l("Start thread"))


class StaffNoteForm(ForumForm):
    note = TextAreaField(
        _l("Internal note"),
        validators=[DataRequired(message=_l("Please write something.")), ConfiguredLength("BODY")],
        description=_l("Only staff see this, e.g. a ticket number or a hand-over remark."),
    )
