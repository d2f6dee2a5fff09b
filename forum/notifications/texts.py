"""What a notification says, in the reader's language (called inside their locale)."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from ..models import Event, Notification

MODERATION_TEXTS = {
    "post.hide": _l("A moderator hid your post"),
    "post.restore": _l("A moderator showed your post again"),
    "post.edit": _l("A moderator edited your post"),
    "post.remove-personal-data": _l("A moderator removed personal data from your post"),
    "post.reject": _l("A moderator did not approve your post"),
    "thread.lock": _l("A moderator locked your thread"),
    "thread.move": _l("A moderator moved your thread"),
    "thread.rename": _l("A moderator renamed your thread"),
    "thread.hide": _l("A moderator hid your thread"),
    "thread.restore": _l("A moderator showed your thread again"),
    "thread.delete": _l("A moderator deleted your thread"),
    "thread.duplicate": _l("A moderator closed your thread as a duplicate"),
    "thread.reject": _l("A moderator did not approve your thread"),
}

REPORT_TEXTS = {
    "hidden": _l("Your report was handled: the post is hidden"),
    "dismissed": _l("Your report was handled: no action was needed"),
}


def describe(line: Notification) -> str:
    title = line.thread.title if line.thread is not None else ""
    actor = line.actor.name_and_username if line.actor is not None else ""
    event = Event(line.event)
    if event == Event.REPLY:
        return ngettext(
            "New reply in »%(title)s«",
            "%(num)d new replies in »%(title)s«",
            line.count,
            title=title,
        )
    if event == Event.STAFF_REPLY:
        return ngettext(
            "Staff replied in »%(title)s«",
            "%(num)d new replies, also from staff, in »%(title)s«",
            line.count,
            title=title,
        )
    if event == Event.NEW_THREAD:
        return _("New thread: »%(title)s«", title=title)
    if event == Event.MENTION:
        return _("%(name)s mentioned you in »%(title)s«", name=actor, title=title)
    if event == Event.SOLUTION:
        return _("A solution was marked in »%(title)s«", title=title)
    if event == Event.CASE_MANAGER:
        if line.actor_id == line.user_id:
            return _("You now look after »%(title)s«", title=title)
        return _("%(name)s now looks after your question »%(title)s«", name=actor, title=title)
    if event == Event.MODERATION:
        text = str(MODERATION_TEXTS.get(line.action, _l("A moderator acted on your post")))
        return f"{text}: {line.detail}" if line.detail else text
    if event == Event.INCIDENT:
        if line.action == "resolved":
            return _("Resolved: %(title)s", title=line.detail or "")
        return _("Update on the incident: %(title)s", title=line.detail or "")
    if event == Event.REPORT:
        return str(REPORT_TEXTS.get(line.action, _l("Your report was handled: a moderator acted")))
    if event == Event.FAQ_PUBLISHED:
        return _(
            "An anonymised version of your case »%(case)s« was published as an FAQ",
            case=line.detail or "",
        )
    if event == Event.FAQ_OBJECTION:
        text = _("The customer objected to the FAQ »%(title)s«: it is a draft again", title=title)
        return f"{text}. {line.detail}" if line.detail else text
    return title


def objection_path(line: Notification) -> str | None:
    """Where the customer objects to the FAQ a notification is about."""
    if Event(line.event) == Event.FAQ_PUBLISHED and line.thread_id is not None:
        return f"/t/{line.thread_id}/objection"
    return None
