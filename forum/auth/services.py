"""Account use cases. Each takes an explicit actor and commits once."""

from flask import current_app
from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from .. import outbox, ratelimit
from ..access.policy import profile_change_refusal
from ..extensions import db
from ..models import User, canonical_username, utcnow
from ..models.users import name_hash
from ..staff import imitation
from . import rules, sessions

# Compared against when no account matches, so a miss costs as long as a wrong password.
_DUMMY_HASH = generate_password_hash("not a password", method="scrypt")


# Outbox kind of the mail that asks a new account, or a new address, to confirm it.
CONFIRM_MAIL = "mail.confirm-address"
# Tells an account that someone tried to register with its address (target: the account).
REGISTER_ATTEMPT_MAIL = "mail.register-attempt"


class AccountTaken(Exception):
    def __init__(self, field: str):
        super().__init__(field)
        self.field = field


class WrongPassword(Exception):
    pass


class TooManyAttempts(Exception):
    def __init__(self, wait: int):
        super().__init__(wait)
        self.wait = wait


class Unacceptable(Exception):
    """A username or password the rules refuse (for callers without a form)."""


def normalize_email(email: str) -> str:
    return email.strip().lower()


def username_taken(username: str) -> bool:
    """Also the names of deleted accounts, which stay reserved."""
    canonical = canonical_username(username.strip())
    stmt = select(User.id).where(
        or_(User.username_canonical == canonical, User.former_name_hash == name_hash(canonical))
    )
    return db.session.scalar(stmt.limit(1)) is not None


def email_taken(email: str) -> bool:
    address = normalize_email(email)
    return db.session.scalar(select(User.id).where(User.email == address)) is not None


def register(username: str, email: str, password: str, locale: str | None = None) -> None:
    """Creates the account and mails it the link that confirms the address and logs
    in; or, when the address belongs to an account already, tells that account by
    mail. The caller answers the same either way, and both ways do comparable work
    (a password hash, a mail task, a commit), so that neither the page nor its
    timing tells whether an address is registered. Usernames are public: a taken
    one is refused (AccountTaken)."""
    if username_taken(username):
        raise AccountTaken("username")
    owner = db.session.scalar(select(User).where(User.email == normalize_email(email)))
    if owner is not None:
        _tell_owner(owner, password)
        return
    user = User(
        username=username.strip(),
        email=normalize_email(email),
        password=password,
        locale=locale,
    )
    db.session.add(user)
    try:
        db.session.flush()
        outbox.record(CONFIRM_MAIL, user.id)
        db.session.commit()
    except IntegrityError:
        # Someone else took the name or the address in the same moment; whoever took
        # the address got its confirmation mail.
        db.session.rollback()
        if username_taken(username):
            raise AccountTaken("username") from None


def _tell_owner(owner: User, password: str) -> None:
    """A mail to the address's account (a few a day at most, so that the form floods
    no mailbox); the password is hashed as for a new account, and thrown away."""
    generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])
    may_log_in = not owner.is_banned and owner.deleted_at is None
    limited = ratelimit.attempt("REGISTER_NOTICE_PER_ACCOUNT", owner.id)
    outbox.record(REGISTER_ATTEMPT_MAIL, owner.id if may_log_in and not limited else 0)
    db.session.commit()


def find_account(login: str) -> User | None:
    """The account a log-in name (username or e-mail address) refers to."""
    login = login.strip()
    return db.session.scalar(
        select(User).where(
            or_(
                User.username_canonical == canonical_username(login),
                User.email == normalize_email(login),
            )
        )
    )


def password_matches(user: User | None, password: str) -> bool:
    """As slow for an unknown account as for a wrong password, so timing tells nothing."""
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return False
    return user.check_password(password)


def confirm_password(user: User, password: str) -> None:
    """A password asked again before a sensitive change. Wrong guesses have a limit
    of their own, which only the account's sessions reach: strangers' failed log-ins
    must not stop the owner from changing the password."""
    if wait := ratelimit.wait_seconds("REAUTH_PER_ACCOUNT", user.id):
        raise TooManyAttempts(wait)
    if not user.check_password(password):
        ratelimit.record("REAUTH_PER_ACCOUNT", user.id)
        raise WrongPassword


def change_password(actor: User, current_password: str, new_password: str) -> None:
    """Also ends every session of the account: cookies copied before open nothing."""
    confirm_password(actor, current_password)
    actor.set_password(new_password)
    sessions.end_all(actor)
    db.session.commit()


def set_locale(actor: User, language: str) -> None:
    actor.locale = language
    db.session.commit()


def update_profile(actor: User, display_name: str, bio: str, locale: str | None):
    """The language is the person's own choice at any time; name and about-me are seen
    by everyone and wait while the account may not write. Returns why they were not
    saved, or None."""
    if locale in current_app.config["LANGUAGES"]:
        actor.locale = locale
    refused = profile_change_refusal(actor)
    if refused is None:
        new_name = display_name.strip() or None
        renamed = actor.display_name != new_name
        actor.display_name = new_name
        actor.bio = bio.strip() or None
        if renamed and actor.is_staff:
            imitation.look_for_imitations(actor)
    db.session.commit()
    return refused


def create_admin(username: str, email: str, password: str) -> User:
    """For the command line, where no form checks the input."""
    if problem := rules.username_problem(username, official=True) or rules.password_problem(
        password, [username, email]
    ):
        raise Unacceptable(str(problem))
    if username_taken(username):
        raise AccountTaken("username")
    if email_taken(email):
        raise AccountTaken("email")
    user = User(username=username.strip(), email=normalize_email(email), password=password)
    user.is_admin = True
    user.email_confirmed_at = utcnow()
    db.session.add(user)
    db.session.commit()
    return user
