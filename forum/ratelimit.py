"""Rate limits that a view checks itself, so that the person sees the form again,
with what they typed and a clear message, instead of a bare 429 page.

The counters live in Flask-Limiter's storage (Redis when REDIS_URL is set), so a
limit holds across all workers.
"""

import math
import time

from flask import current_app, request
from flask_babel import ngettext
from limits import parse_many

from .extensions import limiter


def _limits(scope: str):
    return parse_many(current_app.config[f"RATELIMIT_{scope}"])


def wait_seconds(scope: str, key: str | int) -> int:
    """0 when another attempt is allowed, else the seconds until it is."""
    if not limiter.enabled:
        return 0
    strategy, wait = limiter.limiter, 0
    for item in _limits(scope):
        if not strategy.test(item, scope, str(key)):
            reset_at = strategy.get_window_stats(item, scope, str(key)).reset_time
            wait = max(wait, math.ceil(reset_at - time.time()), 1)
    return wait


def record(scope: str, key: str | int) -> None:
    if limiter.enabled:
        for item in _limits(scope):
            limiter.limiter.hit(item, scope, str(key))


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
