"""What URLs may carry: row ids in the range the database stores, and redirect
targets that stay on this site."""

from urllib.parse import urlsplit

from werkzeug.routing import IntegerConverter

# Ids are 32-bit integers on PostgreSQL; a larger number names no row.
MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """`<id:name>`: a positive row id; anything else is simply not a matching URL (404)."""

    def __init__(self, url_map):
        super().__init__(url_map, min=1, max=MAX_ID)


def parse_id(raw: str) -> int:
    """For ids in query strings, as `request.args.get(..., type=parse_id)`."""
    value = int(raw)
    if not 1 <= value <= MAX_ID:
        raise ValueError(raw)
    return value


def safe_next(target: str | None, fallback: str) -> str:
    if not target or "\\" in target or any(ord(ch) < 32 for ch in target):
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    return target
