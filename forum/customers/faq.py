"""Turning a solved private case into a public, anonymised FAQ thread."""

import re

from flask_babel import lazy_gettext as _l

from ..access import NotAllowed, Permission, ensure
from ..extensions import db
from ..models import Post, Thread, ThreadStatus, User
from ..posts import services as posts
from ..search import tasks as search_tasks

REMOVED = "[entfernt]"
# A pattern that begins with a run of characters starts only where such a run
# starts: tried at every position inside the run, it would cost the square of the
# run's length (20 KB of "a." took 26 s).
PATTERNS = [
    re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(\.[\w-]+)+"),  # e-mail addresses
    re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\b"),  # IBAN
    re.compile(  # street and house number
        r"(?<![\w.-])[\w.-]+(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm)"
        r"\s*\d+\s*[a-zA-Z]?\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b\d{5}\s+[A-ZÄÖÜ][\wäöüß-]+"),  # postcode and town
    re.compile(r"(?<!\w)\+?\d[\d ./-]{5,}\d\b"),  # customer, contract and phone numbers
]
TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


def anonymise(text: str, customer: User) -> str:
    """Removes what identifies the customer: names (also spelled without umlauts),
    e-mail and postal addresses, IBANs and long numbers. Staff check the draft before
    it becomes public, because no rule catches everything."""
    display = customer.display_name or ""
    names = {customer.username, display, *display.split()}
    names |= {name.translate(TRANSLITERATION) for name in names}
    verification = customer.customer_verification
    if verification is not None:
        names.add(verification.customer_number)
    # Patterns first, so that an address is removed whole before a name inside it.
    for pattern in PATTERNS:
        text = pattern.sub(REMOVED, text)
    for name in sorted((n for n in names if len(n) >= 3), key=len, reverse=True):
        text = re.sub(re.escape(name), REMOVED, text, flags=re.IGNORECASE)
    return text


def draft_faq(actor: User, case: Thread) -> Thread:
    """A draft FAQ thread in the same board with the question and its solution, written
    by the staff member: private (only staff see it) until `publish_draft`. The case
    itself stays private."""
    ensure(actor, Permission.CASE_PUBLISH, case)
    if not case.is_private or case.status != ThreadStatus.SOLVED or case.solution is None:
        raise NotAllowed(_l("Only solved private cases can become FAQ threads."))
    customer = case.author
    question = db.session.get(Post, case.first_post_id)
    faq = posts.create_thread(
        actor,
        case.board,
        anonymise(case.title, customer),
        anonymise(question.body_source, customer),
        faq_draft=True,
    )
    answer = posts.reply(actor, faq, anonymise(case.solution.body_source, customer))
    faq.solution_post_id = answer.id
    faq.status = ThreadStatus.SOLVED
    search_tasks.thread_changed(faq)
    db.session.commit()
    return faq


def publish_draft(actor: User, draft: Thread) -> None:
    """After a staff member checked it, the draft becomes an ordinary public thread."""
    ensure(actor, Permission.CASE_PUBLISH, draft)
    if not (draft.is_private and draft.is_faq_draft):
        raise NotAllowed(_l("Only FAQ drafts can be made public."))
    draft.is_faq_draft = False
    posts.make_public(draft)
