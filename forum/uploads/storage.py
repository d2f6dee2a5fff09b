"""Cleaned files on disk, named by a hash of their content.

A new picture gets a new name, and so a new URL: browsers and proxies may keep a
file for a year, and nobody sees a stale picture after a change. Names are checked
against a strict pattern before they reach the file system.
"""

import hashlib
import os
import re
import tempfile
from pathlib import Path

from flask import abort, send_from_directory

from .images import CleanImage

ONE_YEAR = 365 * 24 * 60 * 60
_NAME = re.compile(r"[0-9a-f]{32}\.(webp)")
MEDIA_TYPES = {"webp": "image/webp"}


def file_name(image: CleanImage, owner: str = "") -> str:
    """`owner` keeps two accounts' identical pictures apart, so that removing
    one never removes the other's."""
    digest = hashlib.sha256(owner.encode() + b"\0" + image.data).hexdigest()[:32]
    return f"{digest}.{image.extension}"


def save(folder: str, image: CleanImage, owner: str = "") -> str:
    """Writes the file under its name and returns the name. Written to a temporary
    file first and then renamed, so that nobody is ever served half a picture."""
    name = file_name(image, owner)
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target, prefix=".upload-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(image.data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target / name)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return name


def delete(folder: str, name: str | None) -> None:
    if name and _NAME.fullmatch(name):
        (Path(folder) / name).unlink(missing_ok=True)


def send(folder: str, name: str):
    """The stored file, cacheable for a year; 404 for any name this module did not make."""
    match = _NAME.fullmatch(name)
    if match is None:
        abort(404)
    response = send_from_directory(
        Path(folder).resolve(), name, mimetype=MEDIA_TYPES[match[1]], max_age=ONE_YEAR
    )
    response.cache_control.public = True
    response.cache_control.immutable = True
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
