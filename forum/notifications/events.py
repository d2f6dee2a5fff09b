"""What services call when something happened that people may be told about. Each
records an outbox task in the caller's transaction; `delivery` decides who is told,
after the commit, with the access policy of that moment."""

from .. import outbox

POST = "notify.post"  # a post became visible to others: replies, mentions, new threads
SOLUTION = "notify.solution"  # target: thread
CASE_MANAGER = "notify.case-manager"  # target: thread
MODERATION = "notify.moderation"  # target: audit entry
REPORTS = "notify.reports"  # target: post whose reports were closed
INCIDENT = "notify.incident"  # target: an incident update
FAQ_PUBLISHED = "notify.faq-published"  # target: the FAQ thread
FAQ_OBJECTED = "notify.faq-objected"  # target: the FAQ thread
KINDS = (POST, SOLUTION, CASE_MANAGER, MODERATION, REPORTS, INCIDENT, FAQ_PUBLISHED, FAQ_OBJECTED)


def post_published(post) -> None:
    outbox.record(POST, post.id, post.author_id)


def solution_marked(thread, actor) -> None:
    outbox.record(SOLUTION, thread.id, actor.id)


def case_manager_assigned(thread, actor) -> None:
    outbox.record(CASE_MANAGER, thread.id, actor.id)


def moderation_recorded(entry) -> None:
    """`entry` is a flushed audit entry about someone's post or thread; its author is
    told (see `delivery`)."""
    outbox.record(MODERATION, entry.id, entry.actor_id)


def reports_closed(post, moderator) -> None:
    outbox.record(REPORTS, post.id, moderator.id)


def incident_updated(update, actor) -> None:
    outbox.record(INCIDENT, update.id, actor.id)


def faq_published(faq, actor) -> None:
    """The customer whose case it was is told, and can object."""
    outbox.record(FAQ_PUBLISHED, faq.id, actor.id)


def faq_objected(faq, customer) -> None:
    """Whoever drafted and published the FAQ is told why it is a draft again."""
    outbox.record(FAQ_OBJECTED, faq.id, customer.id)
