"""Changing and removing one's picture. Each use case takes the actor and commits once.

`users.avatar_name` names the file. A file is deleted only after the commit that
stopped naming it, so a failed commit never leaves a post without its picture.
"""

import unicodedata

from flask import current_app

from ..access import NotAllowed
from ..access.policy import profile_change_refusal
from ..extensions import db
from ..uploads import images, storage


def rules() -> images.ImageRules:
    config = current_app.config
    return images.ImageRules(
        max_bytes=config["AVATAR_MAX_BYTES"],
        max_pixels=config["IMAGE_MAX_PIXELS"],
        width=config["AVATAR_SIZE"],
        height=config["AVATAR_SIZE"],
    )


def change_avatar(actor, upload) -> None:
    """`upload`: a FileStorage or bytes. Raises ImageRejected with the reason to show."""
    _ensure_allowed(actor)
    image = images.clean_image(upload, rules())
    _replace(actor, storage.save(_folder(), image, owner=str(actor.id)))


def remove_avatar(actor) -> None:
    _ensure_allowed(actor)
    _replace(actor, None)


def delete_file(name: str | None) -> None:
    """For whoever clears `avatar_name` (account deletion too): after the commit."""
    storage.delete(_folder(), name)


def initials(name: str) -> str:
    """The first letters of the first and the last word of a name: "Jana Becker" → "JB".
    Only letters and digits, so no name can bring markup or symbols along."""
    letters = [
        next((char for char in word if char.isalnum()), "")
        for word in unicodedata.normalize("NFC", name).split()
    ]
    letters = [letter for letter in letters if letter]
    picked = letters[:1] + letters[1:][-1:]
    return "".join(letter.upper()[:1] for letter in picked)


def _ensure_allowed(actor) -> None:
    if (reason := profile_change_refusal(actor)) is not None:
        raise NotAllowed(reason)


def _folder() -> str:
    return current_app.config["AVATAR_FOLDER"]


def _replace(actor, name: str | None) -> None:
    old = actor.avatar_name
    actor.avatar_name = name
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        if name != old:
            delete_file(name)
        raise
    if old != name:
        delete_file(old)
