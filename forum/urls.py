"""Redirect targets that come from the request: only paths on this site."""

from urllib.parse import urlsplit


def safe_next(target: str | None, fallback: str) -> str:
    if not target or "\\" in target or any(ord(ch) < 32 for ch in target):
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    return target
