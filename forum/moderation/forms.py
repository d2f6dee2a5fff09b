import re

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..forms import ConfiguredLength, ForumForm
from .services import REASON_MAX_LENGTH

HIDE_REASONS = [
    ("spam", _l("Spam")),
    ("abuse", _l("Abusive or insulting")),
    ("off-topic", _l("Off-topic")),
    ("personal-data", _l("Personal data")),
    ("other", _l("Other")),
]


REPORT_REASONS = [
    ("spam", _l("Spam or advertising")),
    ("abuse", _l("Abusive or insulting")),
    ("off-topic", _l("Off-topic")),
    ("personal-data", _l("Personal data (e.g. a customer number)")),
    ("other", _l("Something else")),
]


class HidePostForm(ForumForm):
    reason = SelectField(
        _l("Reason"),
        choices=[SelectChoice(value, label) for value, label in HIDE_REASONS],
        validators=[DataRequired()],
    )
    note = TextAreaField(
        _l("Explanation (shown in the placeholder)"),
        validators=[Optional(), Length(max=REASON_MAX_LENGTH)],
    )

    def shown_reason(self) -> str:
        label = str(dict(HIDE_REASONS)[self.reason.data])
        note = (self.note.data or "").strip()  # absent when the form leaves it out
        return f"{label}: {note}" if note else label


class LockForm(ForumForm):
    reason = TextAreaField(
        _l("Reason (shown on the thread)"),
        validators=[DataRequired(), Length(max=REASON_MAX_LENGTH)],
    )


class ReasonForm(ForumForm):
    reason = TextAreaField(_l("Reason"), validators=[Optional(), Length(max=REASON_MAX_LENGTH)])


class ReportForm(ForumForm):
    reason = SelectField(
        _l("Why?"),
        choices=[SelectChoice(value, label) for value, label in REPORT_REASONS],
        validators=[DataRequired()],
    )
    text = TextAreaField(
        _l("Anything the moderators should know (optional)"),
        validators=[Optional(), Length(max=REASON_MAX_LENGTH)],
    )


class ResolveReportForm(HidePostForm):
    """Hide (with a reason, as the hide form) or dismiss, with a note for the log."""

    decision = SelectField(
        _l("Decision"),
        choices=[
            SelectChoice("hide", _l("Hide the post")),
            SelectChoice("dismiss", _l("Dismiss the reports")),
        ],
        validators=[DataRequired()],
    )


class RenameForm(ForumForm):
    title = StringField(
        _l("New title"),
        validators=[DataRequired(), ConfiguredLength("TITLE")],
    )
    reason = TextAreaField(_l("Reason"), validators=[Optional(), Length(max=REASON_MAX_LENGTH)])


class MoveForm(ForumForm):
    board = IntegerField(_l("Board"), validators=[DataRequired()])
    reason = TextAreaField(_l("Reason"), validators=[Optional(), Length(max=REASON_MAX_LENGTH)])


class WarnForm(ForumForm):
    text = TextAreaField(
        _l("Warning (the person sees it)"),
        validators=[DataRequired(), Length(max=REASON_MAX_LENGTH)],
    )


class SuspendForm(ForumForm):
    days = IntegerField(_l("Days"), validators=[DataRequired()])
    reason = TextAreaField(
        _l("Reason (the person sees it)"),
        validators=[DataRequired(), Length(max=REASON_MAX_LENGTH)],
    )


THREAD_ADDRESS = re.compile(r"(?:/t/)?(\d{1,9})(?:\b|-)")


def thread_id_in(text: str) -> int | None:
    """The thread a moderator pasted: its address, or its number."""
    match = THREAD_ADDRESS.search(text)
    return int(match.group(1)) if match else None


class DuplicateForm(ForumForm):
    original = StringField(
        _l("The original thread (its address or number)"),
        validators=[DataRequired(), Length(max=500)],
    )
    reason = TextAreaField(_l("Reason"), validators=[Optional(), Length(max=REASON_MAX_LENGTH)])

    def original_id(self) -> int | None:
        return thread_id_in(self.original.data)


class MergeForm(ForumForm):
    other = StringField(
        _l("The other thread (its address or number)"),
        validators=[DataRequired(), Length(max=500)],
    )
    reason = TextAreaField(_l("Reason"), validators=[Optional(), Length(max=REASON_MAX_LENGTH)])

    def other_id(self) -> int | None:
        return thread_id_in(self.other.data)


class SplitForm(ForumForm):
    title = StringField(
        _l("Title of the new thread"), validators=[DataRequired(), ConfiguredLength("TITLE")]
    )
    board = IntegerField(_l("Board"), validators=[DataRequired()])
    reason = TextAreaField(_l("Reason"), validators=[Optional(), Length(max=REASON_MAX_LENGTH)])


class BoardModeratorForm(ForumForm):
    username = StringField(_l("Username"), validators=[DataRequired(), Length(max=100)])
    board = IntegerField(_l("Board"), validators=[DataRequired()])
    reason = TextAreaField(_l("Reason"), validators=[Optional(), Length(max=REASON_MAX_LENGTH)])
