from flask_babel import lazy_gettext as _l
from wtforms import SelectChoice, SelectField, StringField
from wtforms.validators import Length, Optional

from ..forms import ForumForm
from ..models import Event, MailMode

EVENT_LABELS = {
    Event.REPLY: _l("Replies in threads I follow"),
    Event.STAFF_REPLY: _l("Replies by staff in threads I follow"),
    Event.NEW_THREAD: _l("New threads in boards I follow"),
    Event.MENTION: _l("Someone mentions me"),
    Event.SOLUTION: _l("A solution is marked in a thread I follow"),
    Event.CASE_MANAGER: _l("Someone looks after my question"),
    Event.MODERATION: _l("Moderators act on my posts"),
    Event.REPORT: _l("My reports are handled"),
    Event.INCIDENT: _l("Outages I follow are updated or resolved"),
    Event.FAQ_PUBLISHED: _l("An anonymised version of my case is published as an FAQ"),
    Event.FAQ_OBJECTION: _l("A customer objects to an FAQ I published (staff)"),
}
MODE_CHOICES = [
    SelectChoice(MailMode.IMMEDIATELY.value, _l("At once")),
    SelectChoice(MailMode.DIGEST.value, _l("Daily digest")),
    SelectChoice(MailMode.OFF.value, _l("No e-mail")),
]


def field_name(event: Event) -> str:
    return f"mode_{event.name.lower()}"


class MailSettingsForm(ForumForm):
    """One choice per event; the fields are named after the events."""


for _event, _label in EVENT_LABELS.items():
    setattr(MailSettingsForm, field_name(_event), SelectField(_label, choices=MODE_CHOICES))


def field_for(form: MailSettingsForm, event: Event):
    return getattr(form, field_name(event))


class DiscardMailForm(ForumForm):
    reason = StringField(_l("Why (for the audit log)"), validators=[Optional(), Length(max=500)])
