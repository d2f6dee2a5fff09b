"""Configuration defaults; instance/config.py and FORUM_* variables override them."""

import os
import secrets
import shlex
import sys
from pathlib import Path


class Defaults:
    # Identity of the deployment: settings, never code.
    FORUM_TITLE = "Kundenforum"
    COMPANY_NAME = "Beispiel Telekom"
    WELCOME_TEXT = ""  # Markdown above the boards on the overview
    LOGO_NAME: str | None = None  # an uploaded logo (set in the browser)
    LOGO_FOLDER: str | None = None  # default: instance/uploads/site
    # Admins change some settings in the browser (stored in the database); other
    # processes apply a change after at most this long.
    SETTINGS_RELOAD_SECONDS = 10

    SECRET_KEY: str | None = None
    # Development mode generates a secret into instance/ and relaxes cookie security.
    DEVELOPMENT = False

    SQLALCHEMY_DATABASE_URI: str | None = None  # default: instance/forum.sqlite
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

    BABEL_DEFAULT_LOCALE = "de"
    BABEL_DEFAULT_TIMEZONE = "Europe/Berlin"
    LANGUAGES = ("de", "en")

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = True
    REMEMBER_COOKIE_DURATION = 60 * 60 * 24 * 30
    # A log-in without "stay logged in" ends on the server after this long unused;
    # with it, after REMEMBER_COOKIE_DURATION unused. Use is noted every few minutes.
    LOGIN_SESSION_SECONDS = 60 * 60 * 24
    LOGIN_SESSION_TOUCH_SECONDS = 5 * 60
    WTF_CSRF_TIME_LIMIT = None  # a long answer must not fail because the token aged

    # No form needs more; larger requests are refused before they are read. Upload
    # views allow their file's own limit instead (forum.uploads.accepts_upload).
    MAX_CONTENT_LENGTH = 1024 * 1024

    # Shared with the customer portal, which signs verification links with it.
    CUSTOMER_LINK_SECRET: str | None = None
    # Where the forum is reached, for links printed on the command line.
    PUBLIC_BASE_URL = "http://127.0.0.1:5000"

    # Mail: "smtp" (default in production) or "folder" (default in development and
    # tests: each mail is written as an .eml file into MAIL_FOLDER, instance/mail).
    MAIL_BACKEND: str | None = None
    MAIL_FOLDER: str | None = None
    MAIL_SERVER = "localhost"
    MAIL_PORT = 25
    MAIL_STARTTLS = False
    MAIL_USERNAME: str | None = None
    MAIL_PASSWORD: str | None = None
    MAIL_SENDER = "Kundenforum <forum@example.invalid>"
    MAIL_TIMEOUT = 10  # seconds; a slow server delays mail, never a post
    MAIL_DIGEST_HOUR = 7  # daily digests leave at this hour, forum time

    # Other processes show a new or resolved incident's banner after at most this long.
    INCIDENT_BANNER_SECONDS = 10

    # Number of proxies in front of the app whose X-Forwarded-For is trusted.
    PROXY_FIX_X_FOR = 0
    # Strict-Transport-Security: browsers that saw the forum over HTTPS refuse plain
    # HTTP for this long. Default: one year in production, off in development and
    # tests (0 turns it off). Include subdomains only if every one of them has TLS.
    HSTS_SECONDS: int | None = None
    HSTS_INCLUDE_SUBDOMAINS = False

    # Accounts: reset links work this long; confirmation links this long. Until the
    # address is confirmed an account reads but does not write (False: writes at once).
    PASSWORD_RESET_SECONDS = 60 * 60
    CONFIRMATION_SECONDS = 3 * 24 * 60 * 60
    REQUIRE_EMAIL_CONFIRMATION = True

    # Limits of what people can type.
    USERNAME_MIN_LENGTH = 3
    USERNAME_MAX_LENGTH = 30
    DISPLAY_NAME_MAX_LENGTH = 60
    BIO_MAX_LENGTH = 500
    PASSWORD_MIN_LENGTH = 10
    PASSWORD_MIN_SCORE = 2  # zxcvbn 0..4
    # werkzeug's scrypt defaults (n=2**15, r=8, p=1); the test suite lowers n for speed.
    PASSWORD_HASH_METHOD = "scrypt"  # noqa: S105 (a hash algorithm, not a password)
    # A post with a link by an account with fewer published posts than this waits
    # for a moderator's approval (0: never).
    LINK_APPROVAL_THRESHOLD = 3
    TITLE_MIN_LENGTH = 5
    TITLE_MAX_LENGTH = 150
    BODY_MAX_LENGTH = 20_000

    # The asker is reminded to mark a solution this long after the last staff reply.
    SOLUTION_REMINDER_HOURS = 24

    THREADS_PER_PAGE = 30
    POSTS_PER_PAGE = 20
    SEARCH_RESULTS_PER_PAGE = 10

    # Side effects (search index, mail) run from the outbox: "thread" (a background
    # thread of each web process), "inline" (at the end of the request) or "worker"
    # (only `flask forum worker`, the production setting).
    OUTBOX_DRAIN = "thread"
    OUTBOX_SWEEP_SECONDS = 10  # the thread also looks for left-over tasks this often

    # "whoosh": an index on this machine's disk (one machine); "postgresql": the index
    # in the database, shared by every app machine (needs PostgreSQL). See README.
    SEARCH_BACKEND = "whoosh"
    SEARCH_INDEX_PATH: str | None = None  # default: instance/search
    SEARCH_BATCH_SIZE = 500  # index tasks per index commit
    # An index of at most this many documents (threads + posts) is reopened in the
    # search that notices a change (opening it takes about 0.1 s on 2 cores); a larger
    # one in the background, searches meanwhile using the previous snapshot.
    SEARCH_SYNC_REOPEN_DOCUMENTS = 100_000
    SEARCH_WRITER_TIMEOUT = 5  # seconds to wait for the index lock before retrying later
    SEARCH_REBUILD_WAIT = 120  # seconds a rebuild waits for the running indexer
    # A search scores at most this many matches (plus every title match) and moves
    # through postings at most SEARCH_SCAN_WORK times: its cost stays bounded at any
    # size, and counted work (not time) makes the same query give the same answer
    # however busy the machine. Counts are exact up to SEARCH_COUNT_LIMIT when the
    # scan ends within that work; otherwise shown as "at least N".
    SEARCH_SCAN_BUDGET = 3000
    SEARCH_SCAN_WORK = 5_000  # about 10 ms on 2 cores (benchmarks/search_bench.py)
    SEARCH_COUNT_LIMIT = 1000

    # Profile pictures, re-encoded to squares of AVATAR_SIZE pixels.
    AVATAR_FOLDER: str | None = None  # default: instance/uploads/avatars
    AVATAR_MAX_BYTES = 2 * 1024 * 1024
    AVATAR_SIZE = 256
    # Any uploaded picture may declare at most this many pixels; it is refused before
    # it is decoded, since a few kilobytes can declare gigabytes of pixels.
    IMAGE_MAX_PIXELS = 24_000_000

    # Rate limits count in a store every worker process shares: Redis when REDIS_URL
    # is set. Without it, production refuses to start unless RATELIMIT_STORAGE_URI
    # names a store, e.g. "memory://" for a forum that runs as one single process.
    REDIS_URL: str | None = None
    RATELIMIT_ENABLED = True
    RATELIMIT_STORAGE_URI: str | None = None
    RATELIMIT_HEADERS_ENABLED = False
    # A store that fails costs the limits, never a request (forum.ratelimit).
    RATELIMIT_SWALLOW_ERRORS = True
    # Log-in: attempts per IP address; failures per IP address and account; failures
    # per account, which then admits only browsers that logged in to it before (they
    # hold a device cookie and have a limit of their own; forum.auth.throttle).
    RATELIMIT_LOGIN_PER_IP = "20/minute;100/hour"
    RATELIMIT_LOGIN_PER_IP_ACCOUNT = "5/minute;20/hour"
    RATELIMIT_LOGIN_PER_ACCOUNT = "5/minute;30/hour"
    RATELIMIT_LOGIN_PER_DEVICE = "5/minute;30/hour"
    DEVICE_COOKIE_SECONDS = 180 * 24 * 60 * 60
    # Wrong passwords when the account settings ask for it again, per account.
    RATELIMIT_REAUTH_PER_ACCOUNT = "5/minute;30/hour"
    RATELIMIT_REGISTER_PER_IP = "5/hour;20/day"  # registrations, new or known address
    RATELIMIT_REGISTER_ATTEMPTS_PER_IP = "30/hour"  # forms sent, valid or not
    # Mails to an account that someone tried to register with its address.
    RATELIMIT_REGISTER_NOTICE_PER_ACCOUNT = "2/hour;5/day"
    RATELIMIT_RESET_PER_IP = "10/hour;30/day"  # "forgot password" forms sent
    RATELIMIT_RESET_PER_ACCOUNT = "3/hour;10/day"  # reset mails to one account
    RATELIMIT_CONFIRM_PER_ACCOUNT = "3/hour;10/day"  # confirmation mails sent again
    RATELIMIT_EMAIL_CHANGE_PER_ACCOUNT = "5/hour;10/day"  # address changes tried
    RATELIMIT_EXPORT_PER_ACCOUNT = "5/hour"  # downloads of one's own data
    RATELIMIT_POST_PER_IP = "30/minute;300/hour"
    RATELIMIT_POST_PER_ACCOUNT = "6/minute;60/hour"
    # Requests that cost work without writing anything: previews of a text, the
    # similar threads shown while a title is typed, and searches (guests: per IP).
    RATELIMIT_PREVIEW_PER_IP = "60/minute;600/hour"
    RATELIMIT_PREVIEW_PER_ACCOUNT = "20/minute;200/hour"
    RATELIMIT_SIMILAR_PER_IP = "120/minute;1200/hour"
    RATELIMIT_SIMILAR_PER_ACCOUNT = "60/minute;600/hour"
    RATELIMIT_SEARCH_PER_IP = "60/minute;600/hour"
    RATELIMIT_SEARCH_PER_ACCOUNT = "30/minute;300/hour"
    RATELIMIT_AVATAR_PER_ACCOUNT = "10/hour;30/day"  # pictures uploaded


class SecretKeyMissing(RuntimeError):
    pass


class ConfigurationError(RuntimeError):
    pass


# Length settings cannot exceed the database columns that store the text.
COLUMN_SIZES = {"USERNAME_MAX_LENGTH": 64, "DISPLAY_NAME_MAX_LENGTH": 120, "TITLE_MAX_LENGTH": 300}


def finalize(config: dict, instance_path: str) -> None:
    """Derive settings that depend on others, and refuse unsafe production settings."""
    instance = Path(instance_path)
    local = config.get("DEVELOPMENT") or config.get("TESTING")
    if not config.get("SQLALCHEMY_DATABASE_URI"):
        config["SQLALCHEMY_DATABASE_URI"] = config.get("DATABASE_URL") or (
            f"sqlite:///{instance / 'forum.sqlite'}"
        )
    uri = config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("postgres://") or uri.startswith("postgresql://"):
        # psycopg 3 is the driver we ship; accept the common URL spellings.
        config["SQLALCHEMY_DATABASE_URI"] = "postgresql+psycopg://" + uri.split("://", 1)[1]
    for setting, column_size in COLUMN_SIZES.items():
        if int(config[setting]) > column_size:
            raise ConfigurationError(f"{setting} may be at most {column_size}.")
    if not config.get("MAIL_BACKEND"):
        config["MAIL_BACKEND"] = "folder" if local else "smtp"
    if not config.get("MAIL_FOLDER"):
        config["MAIL_FOLDER"] = str(instance / "mail")
    if not config.get("SEARCH_INDEX_PATH"):
        config["SEARCH_INDEX_PATH"] = str(instance / "search")
    if not config.get("LOGO_FOLDER"):
        config["LOGO_FOLDER"] = str(instance / "uploads" / "site")
    if not config.get("AVATAR_FOLDER"):
        config["AVATAR_FOLDER"] = str(instance / "uploads" / "avatars")
    _ratelimit_storage(config)

    if config.get("HSTS_SECONDS") is None:
        config["HSTS_SECONDS"] = 0 if local else 365 * 24 * 60 * 60
    if local:
        config["SESSION_COOKIE_SECURE"] = False
        config["REMEMBER_COOKIE_SECURE"] = False
    if not config.get("CUSTOMER_LINK_SECRET") and config.get("DEVELOPMENT"):
        config["CUSTOMER_LINK_SECRET"] = _development_secret(instance, "customer_link_secret")
    if not config.get("SECRET_KEY"):
        if config.get("TESTING"):
            config["SECRET_KEY"] = secrets.token_hex(32)
        elif config.get("DEVELOPMENT"):
            config["SECRET_KEY"] = _development_secret(instance, "secret_key")
        else:
            raise SecretKeyMissing(
                "No secret key configured. Set FORUM_SECRET_KEY (for example to the output of "
                "`python -c 'import secrets; print(secrets.token_hex(32))'`), or set "
                "FORUM_DEVELOPMENT=true for a local development server."
            )


# Redis answers within this many seconds or counts as down: limits fail open quickly.
REDIS_TIMEOUT_SECONDS = 0.5


def _ratelimit_storage(config: dict, argv=None, environ=None) -> None:
    """Where rate limits count. In one process's memory, every worker process would
    count on its own and the limits would multiply with the workers."""
    local = config.get("DEVELOPMENT") or config.get("TESTING")
    if config.get("REDIS_URL"):
        config["RATELIMIT_STORAGE_URI"] = config["REDIS_URL"]
    elif not config.get("RATELIMIT_STORAGE_URI"):
        if not local and config.get("RATELIMIT_ENABLED"):
            raise ConfigurationError(
                "Rate limits need a store that every worker process shares. Set "
                "FORUM_REDIS_URL (e.g. redis://127.0.0.1:6379/0); or, if the forum runs as "
                "one single process, say so with FORUM_RATELIMIT_STORAGE_URI=memory://."
            )
        config["RATELIMIT_STORAGE_URI"] = "memory://"
    uri = config["RATELIMIT_STORAGE_URI"]
    workers = declared_workers(sys.argv if argv is None else argv, environ or os.environ)
    if uri.startswith("memory://") and workers > 1 and not local:
        raise ConfigurationError(
            f"{workers} worker processes cannot share rate limits kept in memory://: set "
            "FORUM_REDIS_URL (e.g. redis://127.0.0.1:6379/0), or run one worker."
        )
    options = {"wrap_exceptions": True}
    if uri.startswith(("redis://", "rediss://", "redis+unix://")):
        options |= {
            "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
            "socket_timeout": REDIS_TIMEOUT_SECONDS,
        }
    config["RATELIMIT_STORAGE_OPTIONS"] = options | config.get("RATELIMIT_STORAGE_OPTIONS", {})


def declared_workers(argv: list[str], environ) -> int:
    """How many worker processes gunicorn was told to start, as far as its command
    line, GUNICORN_CMD_ARGS and WEB_CONCURRENCY say (1 when they say nothing)."""
    count = environ.get("WEB_CONCURRENCY", "1")
    if argv and Path(argv[0]).name.startswith("gunicorn"):
        words = shlex.split(environ.get("GUNICORN_CMD_ARGS", "")) + list(argv[1:])
        for index, word in enumerate(words):
            if word in ("-w", "--workers") and index + 1 < len(words):
                count = words[index + 1]
            elif word.startswith("--workers="):
                count = word.partition("=")[2]
            elif word.startswith("-w") and word[2:].isdigit():
                count = word[2:]
    return int(count) if str(count).isdigit() else 1


def _development_secret(instance: Path, name: str) -> str:
    path = instance / name
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()
