import re

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..forms import ConfiguredLength, ForumForm
from .services import REASON_MAX_LENGTH
from .users import SUSPENSION_DAYS

IMPERSONATION = _l("Pretends to be staff or the company")

HIDE_REASONS = [
    ("spam", _l("Spam")),
    ("abuse", _l("Abusive or insulting")),
    ("off-topic", _l("Off-topic")),
    ("personal-data", _l("Personal data")),
    ("impersonation", IMPERSONATION),
    ("other", _l("Other")),
]


REPORT_REASONS = [
    ("spam", _l("Spam or advertising")),
    ("abuse", _l("Abusive or insulting")),
    ("off-topic", _l("Off-topic")),
    ("personal-data", _l("Personal data (e.g. a customer number)")),
    # Reports are of posts: a post written under a name that passes for staff is enough.
    ("impersonation", IMPERSONATION),
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
    """One decision about a reported post, with a note for the log: hide it (with a
    reason, as the hide form), close the reports after editing it, warn or suspend
    its author (with a message the author sees), or dismiss the reports."""

    decision = SelectField(
        _l("Decision"),
        choices=[
            SelectChoice("hide", _l("Hide the post")),
            SelectChoice("edited", _l("Edited: close the reports")),
            SelectChoice("warn", _l("Warn the author")),
            SelectChoice("suspend", _l("Suspend the author")),
            SelectChoice("dismiss", _l("Dismiss the reports")),
        ],
        validators=[DataRequired()],
    )
    reason = SelectField(
        _l("Reason"),
        choices=[SelectChoice(value, label) for value, label in HIDE_REASONS],
        validators=[Optional()],
    )
    message = TextAreaField(
        _l("Message (the author sees it)"),
        validators=[Optional(), Length(max=REASON_MAX_LENGTH)],
    )
    days = IntegerField(_l("Days"), validators=[Optional()])

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        decision = self.decision.data
        if decision == "hide" and not self.reason.data:
            self.reason.errors.append(_l("Choose a reason."))
            return False
        if decision in ("warn", "suspend") and not (self.message.data or "").strip():
            self.message.errors.append(_l("Write what the author is told."))
            return False
        if decision == "suspend" and self.days.data not in SUSPENSION_DAYS:
            self.days.errors.append(_l("Choose how long."))
            return False
        return True


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
