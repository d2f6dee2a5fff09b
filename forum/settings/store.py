"""Reading, applying and saving stored settings."""

import json
import threading
import time

from flask import Flask, current_app
from sqlalchemy import select
from sqlalchemy.exc import OperationalError, ProgrammingError

from ..extensions import db
from ..models import SiteSetting, User
from ..moderation import audit
from ..posts.markdown import render
from ..uploads import images, storage
from .registry import LOGO, SETTINGS


class ForumSettings:
    """The audit log's target for setting changes (there is one set of settings)."""

    id = 0


audit.TARGET_TYPES[ForumSettings] = "settings"


def _state(app: Flask) -> dict:
    return app.extensions.setdefault(
        "site_settings",
        {"checked": None, "applied": {}, "defaults": {}, "lock": threading.Lock()},
    )


def refresh(app: Flask, force: bool = False) -> None:
    """Applies what changed in the database since the last look, at most every
    SETTINGS_RELOAD_SECONDS; a removed setting gets its configured default back.
    One thread at a time: a threaded server refreshes from several requests."""
    state = _state(app)
    checked = state["checked"]
    now = time.monotonic()
    if not force and checked is not None and now - checked < app.config["SETTINGS_RELOAD_SECONDS"]:
        return
    with state["lock"]:
        state["checked"] = now
        try:
            stored = db.session.scalars(select(SiteSetting)).all()
        except (OperationalError, ProgrammingError):  # before the first migration
            db.session.rollback()
            return
        rows = {row.key: json.loads(row.value) for row in stored}
        for key, value in rows.items():
            if key in SETTINGS or key == LOGO:
                _apply(app, state, key, value)
        for key in [key for key in state["applied"] if key not in rows]:
            app.config[key] = state["defaults"].pop(key)
            del state["applied"][key]
            _derive(app, key)


def _apply(app: Flask, state: dict, key: str, value) -> None:
    if key in state["applied"] and state["applied"][key] == value:
        return
    state["defaults"].setdefault(key, app.config.get(key))
    app.config[key] = state["applied"][key] = value
    _derive(app, key)


def _derive(app: Flask, key: str) -> None:
    if key == "WELCOME_TEXT":
        text = app.config.get("WELCOME_TEXT") or ""
        app.config["WELCOME_HTML"] = render(text) if text.strip() else ""


def save(actor: User, changes: dict, reason: str = "") -> list[str]:
    """Stores the values that differ from what is in force; returns the changed keys.
    A value equal to the configured default removes the override."""
    state = _state(current_app)
    changed = []
    for key, value in changes.items():
        before = current_app.config.get(key)
        if value == before:
            continue
        default = state["defaults"].get(key, before)
        row = db.session.get(SiteSetting, key)
        if value == default:
            if row is not None:
                db.session.delete(row)
        elif row is None:
            db.session.add(SiteSetting(key=key, value=json.dumps(value), updated_by_id=actor.id))
        else:
            row.value, row.updated_by_id = json.dumps(value), actor.id
        audit.record(actor, "settings.change", ForumSettings(), reason, {key: before}, {key: value})
        changed.append(key)
    db.session.commit()
    refresh(current_app, force=True)
    return changed


def logo_rules() -> images.ImageRules:
    config = current_app.config
    return images.ImageRules(
        max_bytes=config["AVATAR_MAX_BYTES"],
        max_pixels=config["IMAGE_MAX_PIXELS"],
        width=480,
        height=96,
        crop=False,
    )


def logo_folder() -> str:
    return current_app.config["LOGO_FOLDER"]


def change_logo(actor: User, upload) -> None:
    """Raises images.ImageRejected with the reason to show."""
    image = images.clean_image(upload, logo_rules())
    old = current_app.config.get(LOGO)
    name = storage.save(logo_folder(), image, owner="logo")
    _store_logo(actor, old, name)


def remove_logo(actor: User) -> None:
    _store_logo(actor, current_app.config.get(LOGO), None)


def _store_logo(actor: User, old: str | None, new: str | None) -> None:
    row = db.session.get(SiteSetting, LOGO)
    if new is None and row is not None:
        db.session.delete(row)
    elif new is not None and row is None:
        db.session.add(SiteSetting(key=LOGO, value=json.dumps(new), updated_by_id=actor.id))
    elif new is not None:
        row.value, row.updated_by_id = json.dumps(new), actor.id
    audit.record(actor, "settings.logo", ForumSettings(), "", {LOGO: old}, {LOGO: new})
    db.session.commit()
    refresh(current_app, force=True)
    if old and old != new:
        storage.delete(logo_folder(), old)


def init_app(app: Flask) -> None:
    with app.app_context():
        _derive(app, "WELCOME_TEXT")  # a welcome text from the configuration
    app.before_request(lambda: refresh(app))
