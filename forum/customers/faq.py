"""Turning a solved private case into a public, anonymised FAQ thread."""

import re

from flask_babel import lazy_gettext as _l

from ..access import Permission, decide
from ..extensions import db
from ..models import Post, Thread, ThreadStatus, User
from ..posts import services as posts
from ..posts.services import NotAllowed

REMOVED = "[entfernt]"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
LONG_NUMBER = re.compile(r"\b\d[\d ./-]{5,}\d\b")  # customer, contract and phone numbers


def anonymise(text: str, customer: User) -> str:
    """Removes what identifies the customer: names, address, and long numbers."""
    names = {customer.username, customer.display_name or "", *(customer.display_name or "").split()}
    verification = customer.customer_verification
    if verification is not None:
        names.add(verification.customer_number)
    text = EMAIL.sub(REMOVED, text)
    for name in sorted((n for n in names if len(n) >= 3), key=len, reverse=True):
        text = re.sub(re.escape(name), REMOVED, text, flags=re.IGNORECASE)
    return LONG_NUMBER.sub(REMOVED, text)


def publish_faq(actor: User, case: Thread) -> Thread:
    """A new public thread in the same board with the question and its solution,
    written by the staff member who publishes it. The case itself stays private."""
    decision = decide(actor, Permission.CASE_PUBLISH, case)
    if not decision.allowed:
        raise NotAllowed(decision.reason)
    if not case.is_private or case.status != ThreadStatus.SOLVED or case.solution is None:
        raise NotAllowed(_l("Only solved private cases can become FAQ threads."))
    customer = case.author
    question = db.session.get(Post, case.first_post_id)
    faq = posts.create_thread(
        actor,
        case.board,
        anonymise(case.title, customer),
        anonymise(question.body_source, customer),
    )
    answer = posts.reply(actor, faq, anonymise(case.solution.body_source, customer))
    faq.solution_post_id = answer.id
    faq.status = ThreadStatus.SOLVED
    db.session.commit()
    return faq
