"""Staff use cases. Each takes an explicit actor and commits once."""

from flask import current_app
from sqlalchemy import update

from ..access import Permission, ensure
from ..extensions import db
from ..models import CaseAssignment, StaffNote, StaffVerification, Thread, User, utcnow
from ..moderation import audit
from ..notifications import events, follows
from ..posts.markdown import render
from . import imitation, names


class AlreadyStaff(Exception):
    pass


class NotStaff(Exception):
    pass


def verify_staff(actor: User, user: User, title: str, team: str, team_account: bool = False):
    """From now on the account's names are its own; accounts that took one before are
    looked for after the commit and listed for the moderators."""
    ensure(actor, Permission.STAFF_VERIFY)
    if user.staff_verification is not None:
        raise AlreadyStaff
    verification = StaffVerification(
        user_id=user.id,
        title=title.strip(),
        team=team.strip(),
        is_team_account=team_account,
        verified_by_id=actor.id,
    )
    db.session.add(verification)
    after = {"title": verification.title, "team": verification.team, "team_account": team_account}
    audit.record(actor, "user.staff-verify", user, after=after)
    imitation.look_for_imitations(user)
    db.session.commit()
    db.session.expire(user, ["staff_verification"])
    return verification


def return_cases(user: User, now) -> None:
    """Someone who left staff no longer manages cases: they go back to the queue
    instead of naming them."""
    db.session.execute(
        update(CaseAssignment)
        .where(CaseAssignment.staff_id == user.id, CaseAssignment.ended_at.is_(None))
        .values(ended_at=now)
    )
    db.session.execute(
        update(Thread).where(Thread.case_manager_id == user.id).values(case_manager_id=None)
    )


def revoke_staff(actor: User, user: User) -> None:
    """Ends the verification; badges on earlier posts disappear with it."""
    ensure(actor, Permission.STAFF_VERIFY)
    verification = user.staff_verification
    if verification is None:
        raise NotStaff
    now = utcnow()
    verification.revoked_at = now
    verification.revoked_by_id = actor.id
    return_cases(user, now)
    before = {"title": verification.title, "team": verification.team}
    db.session.flush()
    db.session.expire(user, ["staff_verification"])
    if user.display_name and _official_looking(user.display_name):
        # "Jana vom Kundenservice" was theirs as staff; without the badge it would
        # speak for the company. They appear under their username instead.
        before["display_name"], user.display_name = user.display_name, None
    audit.record(actor, "user.staff-revoke", user, before=before)
    db.session.commit()


def _official_looking(name: str) -> bool:
    company = current_app.config["COMPANY_NAME"]
    return bool(names.imitates_staff(name, company) or imitation.imitated_staff(name))


def assign_case(actor: User, thread: Thread, staff_member: User) -> None:
    """Makes `staff_member` the case manager; the previous one's assignment ends (hand-over)."""
    ensure(actor, Permission.CASE_ASSIGN, thread)
    if not staff_member.is_staff:
        raise NotStaff
    if thread.case_manager_id == staff_member.id:
        return
    now = utcnow()
    db.session.execute(
        update(CaseAssignment)
        .where(CaseAssignment.thread_id == thread.id, CaseAssignment.ended_at.is_(None))
        .values(ended_at=now)
    )
    db.session.add(
        CaseAssignment(
            thread_id=thread.id, staff_id=staff_member.id, assigned_by_id=actor.id, assigned_at=now
        )
    )
    thread.case_manager_id = staff_member.id
    follows.auto_follow(staff_member, thread)
    events.case_manager_assigned(thread, actor)
    db.session.commit()


def add_note(actor: User, thread: Thread, body: str) -> StaffNote:
    ensure(actor, Permission.STAFF_NOTE_WRITE, thread)
    note = StaffNote(
        thread_id=thread.id, author_id=actor.id, body_source=body, body_html=render(body)
    )
    db.session.add(note)
    db.session.commit()
    return note
