"""The one access policy: may this user see or do this?

`decide()` is pure: it reads the user's roles and the target's state, never the
request. Views use `require()`/`load_or_404()`; lists use the SQL twins in
`queries.py`, which are built from the same `readable_visibilities()` so that
the yes/no answer and the SQL filter cannot disagree.
"""

from dataclasses import dataclass

from flask import abort
from flask_babel import format_datetime, gettext
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from flask_login import current_user

from ..models import Board, Guest, Post, PostingPolicy, Thread, ThreadStatus, Visibility
from .permissions import GLOBAL_PERMISSIONS, Permission


def sees_all_private_cases(user) -> bool:
    return not user.is_banned and (user.is_staff or user.is_moderator or user.is_admin)


def sees_hidden_threads(user) -> bool:
    """Moderates every board: sees hidden and held content everywhere."""
    return not user.is_banned and (user.is_moderator or user.is_admin)


def moderates(user, board: Board | None = None) -> bool:
    """Moderators and admins everywhere; board moderators in their boards."""
    if sees_hidden_threads(user):
        return True
    return board is not None and not user.is_banned and board.id in user.moderated_board_ids


def moderates_anything(user) -> bool:
    return sees_hidden_threads(user) or (not user.is_banned and bool(user.moderated_board_ids))


def sees_deleted_threads(user) -> bool:
    """Deleted threads wait for an admin, who restores or purges them."""
    return not user.is_banned and user.is_admin


def readable_visibilities(user) -> frozenset[str]:
    """Board visibilities this user may read."""
    if user.is_banned:
        return frozenset({Visibility.PUBLIC})
    if user.is_admin or user.is_staff:
        return frozenset(Visibility)
    if user.is_moderator or user.is_verified_customer:
        return frozenset({Visibility.PUBLIC, Visibility.CUSTOMERS})
    return frozenset({Visibility.PUBLIC})


@dataclass(frozen=True)
class Decision:
    allowed: bool
    # False when the user may not even know the target exists: answered with 404.
    visible: bool = True
    # A lazy translation, so that decisions can be made outside a request.
    reason: object = None

    def __bool__(self) -> bool:
        return self.allowed


ALLOW = Decision(True)
HIDDEN = Decision(False, visible=False)


def deny(reason) -> Decision:
    return Decision(False, visible=True, reason=reason)


def _thread_of(target) -> Thread | None:
    if isinstance(target, Thread):
        return target
    if isinstance(target, Post):
        return target.thread
    return None


def _may_see_case(user, thread: Thread) -> bool:
    """A private case: its customer and the staff side. An FAQ draft is the staff's
    alone: whoever started it sees it only while on that side."""
    if sees_all_private_cases(user):
        return True
    return user.is_authenticated and thread.author_id == user.id and not thread.is_faq_draft


def _board_of(target) -> Board:
    if isinstance(target, Board):
        return target
    if isinstance(target, Thread):
        return target.board
    return target.thread.board


def decide(user, permission: Permission, target=None) -> Decision:
    if user.is_banned:  # sees and does what a guest does, whatever rows it holds
        user = Guest()
    if permission in GLOBAL_PERMISSIONS:
        return _decide_global(user, permission)
    board = _board_of(target)
    if board.visibility not in readable_visibilities(user):
        return HIDDEN
    thread = _thread_of(target)
    if thread is not None and thread.is_private and not _may_see_case(user, thread):
        return HIDDEN
    if thread is not None and thread.is_hidden and not moderates(user, board):
        return HIDDEN
    if thread is not None and thread.is_deleted and not sees_deleted_threads(user):
        return HIDDEN
    if thread is not None and thread.is_pending and not _sees_held(user, board, thread):
        return HIDDEN
    if isinstance(target, Post) and target.is_pending and not _sees_held(user, board, target):
        return HIDDEN
    if permission is Permission.POST_READ and target.is_hidden and not moderates(user, board):
        return deny(_l("A moderator hid this post."))
    if permission in (Permission.BOARD_READ, Permission.THREAD_READ, Permission.POST_READ):
        return ALLOW
    if permission in (Permission.STAFF_NOTE_READ, Permission.STAFF_NOTE_WRITE):
        return ALLOW if user.is_staff or user.is_admin else HIDDEN

    if permission in (Permission.POST_HIDE, Permission.THREAD_MODERATE):
        # Tools that do not exist for anyone else (404), staff included.
        return ALLOW if moderates(user, board) else HIDDEN
    if permission is Permission.FAQ_OBJECT:  # also while suspended: it protects them
        return _may_object(user, thread)
    if not user.is_authenticated:
        return deny(_l("Please log in to write."))
    if user.is_suspended:  # reads, but does nothing else until the date
        return deny(suspension_notice(user))
    if user.needs_confirmation:
        return deny(_l("Please confirm your e-mail address first: we sent you a link."))
    if permission is Permission.POST_REPORT:
        return _may_report(user, target)
    if permission is Permission.THREAD_CREATE:
        return _may_start_thread(user, board)
    if permission is Permission.CASE_OPEN:
        if not board.is_support:
            return deny(_l("Private cases are opened in support boards."))
        if not user.is_verified_customer:
            return deny(_l("Private cases are for verified customers."))
        return _may_start_thread(user, board)
    if permission is Permission.THREAD_REPLY:
        return _may_reply(user, target)
    if permission is Permission.POST_EDIT:
        return _may_edit(user, target)
    if permission in _QUESTION_RULES:
        if not board.is_support:
            return deny(_l("Only questions in support boards have this."))
        return _QUESTION_RULES[permission](user, target)
    raise ValueError(f"unknown permission {permission!r}")


def _decide_global(user, permission: Permission) -> Decision:
    """Staff and admin areas do not exist for anyone else (404)."""
    # Staff may show names like "Jana vom Kundenservice"; for anyone else they imitate staff.
    staff_work = (
        Permission.STAFF_QUEUE,
        Permission.CUSTOMER_VERIFY,
        Permission.OFFICIAL_NAME,
        Permission.INCIDENT_MANAGE,
    )
    if permission in staff_work and (user.is_staff or user.is_admin):
        return ALLOW
    if permission is Permission.REPORT_QUEUE and moderates_anything(user):
        return ALLOW
    # Suspensions and bans reach the whole forum, and so do names that imitate staff:
    # not for moderators of single boards.
    forum_wide = (Permission.USER_MODERATE, Permission.NAME_IMITATIONS)
    if permission in forum_wide and sees_hidden_threads(user):
        return ALLOW
    if permission in _ADMIN_ONLY and user.is_admin:
        return ALLOW
    return HIDDEN


_ADMIN_ONLY = (
    Permission.ADMIN_AREA,
    Permission.BOARD_MODERATORS_MANAGE,
    Permission.STAFF_VERIFY,
    Permission.SEARCH_ADMIN,
    Permission.AUDIT_READ,
    Permission.TRASH_MANAGE,
)


def _may_report(user, post: Post) -> Decision:
    if post.is_hidden:
        return deny(_l("This post is hidden already."))
    if post.author_id == user.id:
        return deny(_l("You cannot report your own post."))
    return ALLOW


def profile_change_refusal(user):
    """Why this person may not change what everyone sees of them (picture, display
    name, about-me) now, or None: it stops with a suspension like any other writing."""
    if not user.is_authenticated or user.is_banned or user.deleted_at is not None:
        return _l("Please log in first.")
    if user.is_suspended:
        return suspension_notice(user)
    if user.needs_confirmation:
        return _l("Please confirm your e-mail address first: we sent you a link.")
    return None


def suspension_notice(user):
    """Lazy, so that a decision made outside a request is worded in the reader's language."""
    return LazyString(
        lambda: gettext(
            "Your account is suspended until %(date)s: %(reason)s",
            date=format_datetime(user.suspended_until, "short"),
            reason=user.suspension_reason or "",
        )
    )


def _sees_held(user, board: Board, target) -> bool:
    """Held for approval: its author and the moderators see it, nobody else."""
    return moderates(user, board) or (user.is_authenticated and target.author_id == user.id)


def _may_solve(user, thread: Thread) -> Decision:
    if moderates(user, thread.board):
        return ALLOW
    if not (user.is_staff or thread.author_id == user.id):
        return deny(_l("Only the person who asked, staff and moderators can mark a solution."))
    if thread.status == ThreadStatus.CLOSED:
        return deny(_l("This question is closed."))
    return ALLOW


def _may_report_affected(user, thread: Thread) -> Decision:
    if thread.is_private:
        return deny(_l("A private case concerns one customer only."))
    if thread.author_id == user.id:
        return deny(_l("You asked this question yourself."))
    if thread.status == ThreadStatus.CLOSED:
        return deny(_l("This question is closed."))
    return ALLOW


def _may_close(user, thread: Thread) -> Decision:
    if moderates(user, thread.board):
        return ALLOW
    return deny(_l("Only moderators can close questions."))


def _may_read_case_history(user, thread: Thread) -> Decision:
    """Who handled a case is internal, except for the customer whose case it is."""
    if user.is_staff or user.is_moderator or user.is_admin or thread.author_id == user.id:
        return ALLOW
    return deny(_l("Only staff see the case history."))


def _may_assign(user, thread: Thread) -> Decision:
    """Case work (assigning, publishing as FAQ) is for staff."""
    if user.is_staff or user.is_admin:
        return ALLOW
    return deny(_l("Only staff can do this."))


_QUESTION_RULES = {
    Permission.THREAD_SOLVE: _may_solve,
    Permission.THREAD_AFFECTED: _may_report_affected,
    Permission.THREAD_CLOSE: _may_close,
    Permission.CASE_ASSIGN: _may_assign,
    Permission.CASE_HISTORY_READ: _may_read_case_history,
    Permission.CASE_PUBLISH: _may_assign,
}


def _may_object(user, faq: Thread) -> Decision:
    """Only the customer whose case a published FAQ was made from objects to it."""
    case = faq.faq_case if faq.is_faq else None
    if case is None or not user.is_authenticated or case.author_id != user.id:
        return deny(_l("Only the customer whose case this was can object to it."))
    if faq.is_faq_draft:
        return deny(_l("This FAQ is not public."))
    return ALLOW


def _may_start_thread(user, board: Board) -> Decision:
    if board.posting_policy == PostingPolicy.MEMBERS:
        return ALLOW
    if board.posting_policy == PostingPolicy.STAFF and (user.is_staff or user.is_admin):
        return ALLOW
    if board.posting_policy == PostingPolicy.STAFF:
        return deny(_l("Only staff can start threads in this board."))
    return deny(_l("This board is read-only."))


def _may_reply(user, thread: Thread) -> Decision:
    if thread.is_pending:
        return deny(_l("This thread is waiting for a moderator's approval."))
    if thread.board.posting_policy == PostingPolicy.READ_ONLY:
        return deny(_l("This board is read-only."))
    if thread.is_locked and not moderates(user, thread.board):
        return deny(_l("This thread is locked. New replies are not possible."))
    if thread.is_faq_draft:
        # A reply would be published with the draft without having been reviewed.
        return deny(_l("An FAQ draft takes no replies; correct its texts on the review page."))
    return ALLOW


def _may_edit(user, post: Post) -> Decision:
    if moderates(user, post.thread.board):
        return ALLOW
    # An FAQ draft is prepared by staff together; an anonymised customer's words are
    # nobody's own: staff and moderators edit them.
    if (post.anonymised_customer or post.thread.is_faq_draft) and (user.is_staff or user.is_admin):
        return ALLOW
    if post.anonymised_customer:
        return deny(_l("Only staff and moderators can edit the words of an anonymised customer."))
    if post.author_id != user.id:
        return deny(_l("You can only edit your own posts."))
    if post.thread.is_locked:
        return deny(_l("This thread is locked. Posts can no longer be edited."))
    return ALLOW


class NotAllowed(Exception):
    """Raised by services when the policy refuses; `reason` is a lazy translation."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def ensure(actor, permission: Permission, target=None) -> None:
    """For services: the policy's answer as an exception, so that no service acts
    on a decision made elsewhere."""
    decision = decide(actor, permission, target)
    if not decision.allowed:
        raise NotAllowed(decision.reason or _l("Not allowed."))


def can(user, permission: Permission, target=None) -> bool:
    return decide(user, permission, target).allowed


def require(permission: Permission, target=None, user=None):
    """For views: 404 when the target is invisible to the user, 403 with a reason otherwise."""
    decision = decide(user if user is not None else current_user, permission, target)
    if not decision.visible:
        abort(404)
    if not decision.allowed:
        abort(403, description=str(decision.reason))
    return target


def load_or_404(loader, ident, permission: Permission, user=None):
    """`loader(ident)` fetches the target (with what the policy reads) or returns None."""
    target = loader(ident)
    if target is None:
        abort(404)
    return require(permission, target, user)
