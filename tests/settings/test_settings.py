"""Admins change the forum's settings in the browser; they apply at once, in every
process, are audited, and bad values are refused with the input kept."""

import io
import json

import pytest
from sqlalchemy import select

from forum import create_app
from forum.extensions import db
from forum.models import AuditEntry, OutboxTask, Post, SiteSetting
from forum.settings import store
from forum.settings.registry import SETTINGS

from ..avatars.pictures import picture, png_bomb
from ..factories import make_board, make_thread, make_user


def _form(app, **changes) -> dict:
    values = {key: app.config[key] for key in SETTINGS}
    values.update(changes)
    return {key: "" if value is None else value for key, value in values.items()}


@pytest.fixture
def another_process(app_config):
    """Another app on the same database, as a second web process or the worker; its
    connections are closed afterwards (PostgreSQL warns about open ones)."""
    made = []

    def make(**config):
        made.append(create_app({**app_config, **config}))
        return made[-1]

    yield make
    for other in made:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def admin(auth):
    user = make_user("chefin", admin=True)
    auth.login(user)
    return user


@pytest.mark.parametrize(
    ("role", "status"),
    [("guest", 302), ("member", 404), ("staff", 404), ("moderator", 404), ("admin", 200)],
)
def test_only_admins_find_the_settings(client, auth, role, status):
    if role != "guest":
        auth.login(
            make_user(
                role, staff=role == "staff", moderator=role == "moderator", admin=role == "admin"
            )
        )
    assert client.get("/admin/settings").status_code == status
    if role not in ("guest", "admin"):
        assert client.post("/admin/settings", data={"FORUM_TITLE": "Gekapert"}).status_code == 404
        assert client.post("/admin/settings/logo/remove").status_code == 404
    assert db.session.scalar(select(SiteSetting)) is None


def test_a_new_title_shows_at_once_and_is_audited(app, client, admin):
    response = client.post(
        "/admin/settings",
        data=_form(app, FORUM_TITLE="Hilfe-Community", reason="Neuer Markenname"),
    )
    assert response.status_code == 302
    assert "Hilfe-Community" in client.get("/").text
    entry = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "settings.change")
    ).one()
    assert json.loads(entry.before) == {"FORUM_TITLE": "Kundenforum"}
    assert json.loads(entry.after) == {"FORUM_TITLE": "Hilfe-Community"}
    assert entry.reason == "Neuer Markenname"

    client.post("/admin/settings", data=_form(app, FORUM_TITLE="Kundenforum"))
    assert db.session.scalar(select(SiteSetting)) is None  # the default needs no row
    assert "Hilfe-Community" not in client.get("/").text


def test_other_processes_apply_a_change(app, another_process, client, admin):
    other = another_process(SETTINGS_RELOAD_SECONDS=0)
    client.post("/admin/settings", data=_form(app, COMPANY_NAME="Muster Netz AG"))
    assert "Muster Netz AG" in other.test_client().get("/").text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"TITLE_MIN_LENGTH": 40, "TITLE_MAX_LENGTH": 30}, "nicht kürzer"),
        ({"TITLE_MAX_LENGTH": 5000}, "300"),
        ({"LINK_APPROVAL_THRESHOLD": "viele"}, "ganze Zahl"),
        ({"RATELIMIT_POST_PER_ACCOUNT": "schnell"}, "6/minute"),
        ({"FORUM_TITLE": ""}, "Pflichtfeld"),
        ({"BABEL_DEFAULT_LOCALE": "fr"}, "Not a valid choice"),
    ],
)
def test_bad_values_are_refused_and_kept(app, client, admin, changes, message):
    response = client.post("/admin/settings", data=_form(app, **changes))
    assert response.status_code == 400
    assert "field__error" in response.text
    assert db.session.scalar(select(SiteSetting)) is None
    key, typed = next(iter(changes.items()))
    if SETTINGS[key].kind != "language":  # a choice outside the list cannot be shown
        assert f'value="{typed}"' in response.text or f">{typed}<" in response.text


def test_the_link_approval_threshold_takes_effect(app, client, admin, auth):
    client.post("/admin/settings", data=_form(app, LINK_APPROVAL_THRESHOLD=0))
    board = make_board()
    thread = make_thread(board, make_user())
    newcomer = make_user("neu")
    auth.logout()
    auth.login(newcomer)
    response = client.post(
        f"/t/{thread.id}/reply", data={"body": "Siehe https://example.org/hilfe"}
    )
    assert response.status_code == 302, response.text
    post = db.session.scalar(select(Post).where(Post.author_id == newcomer.id))
    assert post is not None and post.is_published


def test_the_welcome_text_is_markdown_without_scripts(app, client, admin):
    text = "**Willkommen** im Forum <script>alert(1)</script>"
    client.post("/admin/settings", data=_form(app, WELCOME_TEXT=text))
    page = client.get("/").text
    assert "<strong>Willkommen</strong>" in page
    assert "<script>alert(1)" not in page


def test_the_default_language_is_for_those_who_ask_for_none(app, client, admin):
    client.post("/admin/settings", data=_form(app, BABEL_DEFAULT_LOCALE="en"))
    guest = app.test_client()
    assert 'lang="en"' in guest.get("/", headers={"Accept-Language": "fr"}).text
    assert 'lang="de"' in guest.get("/", headers={"Accept-Language": "de"}).text


def test_a_logo_is_uploaded_cleaned_shown_and_removed(app, client, admin, tmp_path):
    app.config["LOGO_FOLDER"] = str(tmp_path / "site")
    response = client.post(
        "/admin/settings/logo",
        data={"logo": (io.BytesIO(picture(size=(1200, 300))), "logo.png")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    name = app.config["LOGO_NAME"]
    assert f'src="/site/logo/{name}"' in client.get("/").text
    served = client.get(f"/site/logo/{name}")
    assert served.status_code == 200 and served.mimetype == "image/webp"
    served.close()
    assert (tmp_path / "site" / name).exists()

    client.post("/admin/settings/logo/remove")
    assert app.config["LOGO_NAME"] is None
    assert not (tmp_path / "site" / name).exists()
    assert "/site/logo/" not in client.get("/").text


@pytest.mark.parametrize(
    "data", [b"<svg xmlns='http://www.w3.org/2000/svg'/>", b"nur Text", png_bomb(30000, 30000)]
)
def test_a_hostile_logo_is_refused(app, client, admin, data):
    response = client.post(
        "/admin/settings/logo",
        data={"logo": (io.BytesIO(data), "logo.png")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400 and "field__error" in response.text
    assert app.config["LOGO_NAME"] is None


def test_a_too_large_logo_gets_the_page_with_the_reason(app, client, admin):
    app.config["AVATAR_MAX_BYTES"] = 10_000
    response = client.post(
        "/admin/settings/logo",
        data={"logo": (io.BytesIO(b"x" * 200_000), "logo.png")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 413 and "field__error" in response.text


def test_settings_survive_a_restart(app, another_process, client, admin):
    client.post("/admin/settings", data=_form(app, FORUM_TITLE="Neu gestartet"))
    restarted = another_process()
    with restarted.app_context():
        store.refresh(restarted, force=True)
        assert restarted.config["FORUM_TITLE"] == "Neu gestartet"


def test_the_worker_sends_mail_under_the_stored_title(app, another_process, client, admin):
    from forum import outbox
    from forum.auth import recovery

    from ..mailbox import sent_mails

    client.post("/admin/settings", data=_form(app, FORUM_TITLE="Muster Netz Forum"))
    outbox.record(recovery.RESET_MAIL, admin.id)
    db.session.commit()
    worker = another_process()  # its config knows nothing of the stored settings yet
    with worker.app_context():
        result = worker.test_cli_runner().invoke(args=["forum", "worker", "--once"])
    assert result.exit_code == 0, result.output
    assert (
        db.session.scalar(select(OutboxTask).where(OutboxTask.kind == recovery.RESET_MAIL)) is None
    )
    assert sent_mails(app)[-1]["Subject"].startswith("[Muster Netz Forum]")
