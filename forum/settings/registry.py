"""Which settings admins may change, of what kind, within which bounds."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Setting:
    key: str  # the config key it overrides
    kind: str  # "text", "longtext", "number", "language", "ratelimit"
    label: object
    section: str
    minimum: int = 0
    maximum: int = 0
    hint: object = ""


IDENTITY, LIMITS = "identity", "limits"

SETTINGS = {
    setting.key: setting
    for setting in (
        Setting("FORUM_TITLE", "text", _l("Forum title"), IDENTITY, 2, 60),
        Setting("COMPANY_NAME", "text", _l("Company name"), IDENTITY, 2, 80),
        Setting(
            "WELCOME_TEXT",
            "longtext",
            _l("Welcome text"),
            IDENTITY,
            0,
            2000,
            _l("Shown above the boards on the overview. Markdown; empty: no welcome text."),
        ),
        Setting(
            "BABEL_DEFAULT_LOCALE",
            "language",
            _l("Default language"),
            IDENTITY,
            hint=_l(
                "For visitors whose browser asks for none of the forum's languages, "
                "and for mails to people who chose none."
            ),
        ),
        Setting("TITLE_MIN_LENGTH", "number", _l("Shortest thread title"), LIMITS, 1, 50),
        Setting("TITLE_MAX_LENGTH", "number", _l("Longest thread title"), LIMITS, 20, 300),
        Setting("BODY_MAX_LENGTH", "number", _l("Longest post"), LIMITS, 500, 100_000),
        Setting(
            "LINK_APPROVAL_THRESHOLD",
            "number",
            _l("Link approval threshold"),
            LIMITS,
            0,
            100,
            _l(
                "Posts with links by accounts with fewer published posts wait for a "
                "moderator's approval. 0: never."
            ),
        ),
        Setting(
            "RATELIMIT_POST_PER_ACCOUNT",
            "ratelimit",
            _l("Posts per account"),
            LIMITS,
            hint=_l("For example “6/minute;60/hour”."),
        ),
        Setting("RATELIMIT_POST_PER_IP", "ratelimit", _l("Posts per IP address"), LIMITS),
        Setting(
            "RATELIMIT_LOGIN_PER_ACCOUNT",
            "ratelimit",
            _l("Failed log-ins per account"),
            LIMITS,
            hint=_l(
                "Then the account takes log-ins only in browsers that were logged in to it "
                "before, and others are offered a reset link by e-mail."
            ),
        ),
        Setting(
            "RATELIMIT_REGISTER_PER_IP", "ratelimit", _l("New accounts per IP address"), LIMITS
        ),
        Setting("RATELIMIT_PREVIEW_PER_ACCOUNT", "ratelimit", _l("Previews per account"), LIMITS),
        Setting("RATELIMIT_PREVIEW_PER_IP", "ratelimit", _l("Previews per IP address"), LIMITS),
        Setting("RATELIMIT_SEARCH_PER_ACCOUNT", "ratelimit", _l("Searches per account"), LIMITS),
        Setting("RATELIMIT_SEARCH_PER_IP", "ratelimit", _l("Searches per IP address"), LIMITS),
        Setting(
            "RATELIMIT_SIMILAR_PER_ACCOUNT",
            "ratelimit",
            _l("Similar-thread lookups per account"),
            LIMITS,
            hint=_l("While a new thread's title is typed, about one lookup per pause."),
        ),
        Setting(
            "RATELIMIT_SIMILAR_PER_IP",
            "ratelimit",
            _l("Similar-thread lookups per IP address"),
            LIMITS,
        ),
    )
}

# Not typed in a form: the logo is uploaded, and stored under this key.
LOGO = "LOGO_NAME"
