"""Rate limits that a view checks itself, so that the person sees the form again,
with what they typed and a clear message, instead of a bare 429 page.

The counters live in Flask-Limiter's storage (Redis when REDIS_URL is set), so a
limit holds across all workers. A store that fails costs the limits, not the
request: they fail open, and the log says so (once a minute at most). After a
failure the store rests for a few seconds, so that a store that does not answer
delays one request now and then, not every one.
"""

import logging
import math
import time
from urllib.parse import urlsplit

from flask import Flask, current_app, request
from flask_babel import ngettext
from limits import parse_many
from limits.errors import StorageError

from .extensions import limiter

log = logging.getLogger(__name__)
_STORE_FAILURE_LOG_SECONDS = 60
_STORE_REST_SECONDS = 5
_store_failures = {"last": float("-inf"), "logged": float("-inf")}


def _store_errors() -> tuple:
    return (StorageError, limiter.storage.base_exceptions)


def _store_failed(error: Exception) -> None:
    now = _store_failures["last"] = time.monotonic()
    if now - _store_failures["logged"] > _STORE_FAILURE_LOG_SECONDS:
        _store_failures["logged"] = now
        log.error("rate limit store unreachable, limits are not applied: %r", error)


def _in_use() -> bool:
    """Limits are on, and their store has not just failed."""
    resting = time.monotonic() - _store_failures["last"] < _STORE_REST_SECONDS
    return limiter.enabled and not resting


def _limits(scope: str):
    return parse_many(current_app.config[f"RATELIMIT_{scope}"])


def wait_seconds(scope: str, key: str | int) -> int:
    """0 when another attempt is allowed, else the seconds until it is."""
    if not _in_use():
        return 0
    strategy, wait = limiter.limiter, 0
    try:
        for item in _limits(scope):
            if not strategy.test(item, scope, str(key)):
                reset_at = strategy.get_window_stats(item, scope, str(key)).reset_time
                wait = max(wait, math.ceil(reset_at - time.time()), 1)
    except _store_errors() as error:
        _store_failed(error)
        return 0
    return wait


def record(scope: str, key: str | int) -> None:
    if not _in_use():
        return
    try:
        for item in _limits(scope):
            limiter.limiter.hit(item, scope, str(key))
    except _store_errors() as error:
        _store_failed(error)


def attempt(scope: str, key: str | int) -> int:
    """Counts one attempt unless the limit is reached; returns wait_seconds()."""
    wait = wait_seconds(scope, key)
    if not wait:
        record(scope, key)
    return wait


def attempt_per_ip_and_account(action: str, user) -> int:
    """Counts one request of an action against its limits per IP address and, for a
    signed-in person, per account (RATELIMIT_<action>_PER_IP / _PER_ACCOUNT);
    returns wait_seconds()."""
    wait = attempt(f"{action}_PER_IP", request.remote_addr)
    if not wait and user.is_authenticated:
        wait = attempt(f"{action}_PER_ACCOUNT", user.id)
    return wait


def minutes(seconds: int) -> int:
    return max(1, math.ceil(seconds / 60))


def too_many(seconds: int) -> str:
    """What the person is told when a limit stops them."""
    return ngettext(
        "Too many attempts. Please try again in %(num)d minute.",
        "Too many attempts. Please try again in %(num)d minutes.",
        minutes(seconds),
    )


def log_store(app: Flask) -> None:
    """Says at start-up where the limits count (without a password in the URL)."""
    uri = app.config["RATELIMIT_STORAGE_URI"]
    if not app.config["RATELIMIT_ENABLED"]:
        log.warning("rate limits are off (RATELIMIT_ENABLED)")
    elif uri.startswith("memory://"):
        local = app.config["DEVELOPMENT"] or app.config["TESTING"]
        log.log(
            logging.INFO if local else logging.WARNING,
            "rate limits count in this process's memory (memory://): right for one single "
            "process only; several worker processes need FORUM_REDIS_URL",
        )
    else:
        password = urlsplit(uri).password
        if password:
            uri = uri.replace(f":{password}@", ":***@", 1)
        log.info("rate limits count in %s, shared by every worker process", uri)
