"""Turning a solved private case into a public, anonymised FAQ thread.

The FAQ speaks for the customer without naming them: their question (and their
answer, if they solved it themselves) are posts of an anonymised customer, shown as
"Kundin/Kunde (anonymisiert)" and counted for and found under nobody; a staff answer
stays with the staff member who wrote it. What identifies the customer is replaced
(see `redaction`). A staff member reviews every replacement and every remaining hint
and confirms before the FAQ is public; the customer is told and can object, which
takes it out of public view at once.
"""

import hashlib

from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from ..access import NotAllowed, Permission, ensure
from ..config import COLUMN_SIZES
from ..extensions import db
from ..models import CaseAssignment, Post, Thread, ThreadStatus, User, utcnow
from ..moderation import audit
from ..notifications import events, follows
from ..posts import services as posts
from ..posts.counters import recount_boards
from ..posts.markdown import render
from ..search import tasks as search_tasks
from . import redaction


class DraftChanged(Exception):
    """The draft is not the text the staff member reviewed (edited since)."""


def case_names(case: Thread) -> redaction.Names:
    """Everyone who took part in the case (the customer, whoever wrote in it, its case
    managers), the names met in its greetings and sign-offs, the customer's numbers."""
    people_ids = {case.author_id, case.case_manager_id}
    people_ids |= set(db.session.scalars(select(Post.author_id).where(Post.thread_id == case.id)))
    people_ids |= set(
        db.session.scalars(
            select(CaseAssignment.staff_id).where(CaseAssignment.thread_id == case.id)
        )
    )
    people = list(db.session.scalars(select(User).where(User.id.in_(people_ids - {None}))))
    greeted = set()
    for text in source_texts(case).values():
        greeted |= redaction.greeting_names(text)
    verification = case.author.customer_verification
    return redaction.Names(
        proper=redaction.name_words(*(person.display_name for person in people)) | greeted,
        handles=redaction.handle_words(*(h for p in people for h in (p.username, p.email))),
        numbers=[verification.customer_number] if verification is not None else [],
    )


def source_texts(case: Thread) -> dict[str, str]:
    """What the FAQ is made from: the case's title, question and solution."""
    question = db.session.get(Post, case.first_post_id)
    return {
        "title": case.title,
        "question": question.body_source if question is not None else "",
        "answer": case.solution.body_source if case.solution is not None else "",
    }


def forum_placeholders() -> dict:
    """In the forum's language, not the staff member's: the FAQ is read by everyone."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return redaction.placeholders()


def anonymised(case: Thread) -> dict[str, str]:
    """The case's texts with everything certainly personal replaced."""
    names, placeholders = case_names(case), forum_placeholders()
    return {
        field: redaction.replace(text, redaction.find(text, names), placeholders)
        for field, text in source_texts(case).items()
    }


def draft_faq(actor: User, case: Thread) -> Thread:
    """A staff-only draft in the case's board: the anonymised question under no name,
    the solution under its staff author (or under no name, if the customer wrote it).
    The case itself stays private."""
    ensure(actor, Permission.CASE_PUBLISH, case)
    if not case.is_private or case.is_faq or case.status != ThreadStatus.SOLVED:
        raise NotAllowed(_l("Only solved private cases can become FAQ threads."))
    if case.solution is None:
        raise NotAllowed(_l("Only solved private cases can become FAQ threads."))
    if case.faqs:  # also after an objection: a new draft must not get around it
        raise NotAllowed(_l("An FAQ was made from this case already."))
    texts = anonymised(case)
    answer_author = case.solution.author
    customer_answered = answer_author.id == case.author_id
    now = utcnow()
    title = texts["title"].strip()[: COLUMN_SIZES["TITLE_MAX_LENGTH"]]
    faq = Thread(
        board=case.board,
        author=actor,
        title=title,
        slug=posts.slug_for(title),
        created_at=now,
        last_post_at=now,
        is_private=True,
        is_faq=True,
        is_faq_draft=True,
        faq_case=case,
        status=ThreadStatus.SOLVED,
        post_count=2,
    )
    if answer_author.is_staff and not customer_answered:
        faq.first_staff_reply_at = faq.last_staff_reply_at = now
    question = _post(faq, actor, texts["question"], now, anonymised_customer=True)
    answer = _post(
        faq,
        actor if customer_answered else answer_author,
        texts["answer"],
        now,
        anonymised_customer=customer_answered,
    )
    db.session.add_all([faq, question, answer])
    db.session.flush()
    faq.first_post_id, faq.last_post_id, faq.solution_post_id = question.id, answer.id, answer.id
    if not customer_answered:
        db.session.execute(
            update(User).where(User.id == answer.author_id).values(post_count=User.post_count + 1)
        )
    follows.auto_follow(actor, faq)
    audit.record(actor, "faq.draft", faq, after={"case": case.id})
    search_tasks.thread_and_posts_changed(faq)
    db.session.commit()
    return faq


def _post(faq: Thread, author: User, body: str, now, anonymised_customer: bool) -> Post:
    return Post(
        thread=faq,
        author=author,
        body_source=body,
        body_html=render(body),
        created_at=now,
        anonymised_customer=anonymised_customer,
    )


def draft_texts(draft: Thread) -> dict[str, tuple[Post | None, str]]:
    """The draft's reviewed texts: title, question (first post) and answer (solution)."""
    question = db.session.get(Post, draft.first_post_id) if draft.first_post_id else None
    answer = draft.solution
    return {
        "title": (None, draft.title),
        "question": (question, question.body_source if question is not None else ""),
        "answer": (answer, answer.body_source if answer is not None else ""),
    }


def fingerprint(draft: Thread) -> str:
    """Names the texts a staff member reviewed: publishing checks that they did not
    change since (an edit in another tab, a colleague's edit)."""
    digest = hashlib.sha256()
    for field, (post, text) in draft_texts(draft).items():
        digest.update(f"{field}\0{post.id if post else ''}\0{text}\0".encode())
    return digest.hexdigest()[:32]


def revise_draft(actor: User, draft: Thread, texts: dict[str, str], reason: str) -> bool:
    """The staff member's corrections on the review page, in one transaction. Returns
    whether anything changed."""
    _ensure_draft(actor, draft)
    changed = False
    for field, (post, current) in draft_texts(draft).items():
        new = texts.get(field)
        if new is None or _lines(new).strip() == _lines(current).strip():
            continue
        changed = True
        if field == "title":
            draft.title, draft.slug = new.strip(), posts.slug_for(new)
            search_tasks.thread_changed(draft)
        elif post is None:
            raise NotAllowed(_l("This draft has no question or answer to correct."))
        else:
            posts.replace_text(actor, post, new, reason, keep_history=False)
    db.session.commit()
    return changed


def _lines(text: str) -> str:
    """Browsers send line breaks as CR LF: an untouched text is no change."""
    return text.replace("\r\n", "\n")


def publish_draft(actor: User, draft: Thread, reviewed: str) -> None:
    """After a staff member reviewed exactly these texts and confirmed, the draft joins
    its board's lists, counters and search, and the customer is told."""
    _ensure_draft(actor, draft)
    if draft.faq_objected_at is not None:
        raise NotAllowed(_l("The customer objected to this FAQ: it stays a draft."))
    if reviewed != fingerprint(draft):
        raise DraftChanged
    reviewed_posts = {draft.first_post_id, draft.solution_post_id}
    if db.session.scalar(
        select(Post.id).where(Post.thread_id == draft.id, Post.id.not_in(reviewed_posts - {None}))
    ):
        raise NotAllowed(_l("Only the question and the answer can be published as an FAQ."))
    draft.is_private = draft.is_faq_draft = False
    db.session.flush()
    recount_boards(draft.board_id)
    search_tasks.thread_and_posts_changed(draft)
    audit.record(actor, "faq.publish", draft)
    events.faq_published(draft, actor)
    db.session.commit()


def _ensure_draft(actor: User, draft: Thread) -> None:
    ensure(actor, Permission.CASE_PUBLISH, draft)
    if not (draft.is_faq and draft.is_faq_draft):
        raise NotAllowed(_l("Only FAQ drafts can be made public."))


def object_to(actor: User, faq: Thread, reason: str) -> None:
    """The customer does not want the FAQ made from their case: it is a staff-only draft
    again at once (and stays one), staff are told why."""
    ensure(actor, Permission.FAQ_OBJECT, faq)
    withdraw(faq)
    audit.record(actor, "faq.objection", faq, reason)
    db.session.flush()
    events.faq_objected(faq, actor)
    db.session.commit()


def withdraw(faq: Thread) -> None:
    """Out of public view (lists, counters, search), for good: inside another service's
    transaction."""
    faq.is_private = faq.is_faq_draft = True
    faq.faq_objected_at = faq.faq_objected_at or utcnow()
    db.session.flush()
    recount_boards(faq.board_id)
    search_tasks.thread_and_posts_changed(faq)


def made_from_cases_of(user: User) -> list[Thread]:
    """The FAQs made from the person's cases (for their own-data export and deletion)."""
    cases = select(Thread.id).where(Thread.author_id == user.id, Thread.is_private)
    return list(
        db.session.scalars(
            select(Thread).where(Thread.is_faq, Thread.faq_case_id.in_(cases)).order_by(Thread.id)
        )
    )
