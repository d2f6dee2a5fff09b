"""With CSRF protection on, as in production (other tests switch it off)."""

import re

import pytest

from forum.extensions import db

from ..factories import login_token, make_user
from . import pictures
from .test_views import UPLOAD, upload


@pytest.fixture
def app_config(app_config):
    return {**app_config, "WTF_CSRF_ENABLED": True}


@pytest.fixture
def anna(client):
    user = make_user("anna", locale="en")
    with client.session_transaction() as session:
        session["_user_id"] = login_token(user)
        session["_fresh"] = True
    return user


def _token(client) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', client.get(UPLOAD).text)[1]


def test_upload_and_removal_need_the_token(client, anna, folder):
    assert upload(client, pictures.picture()).status_code == 400
    anna.avatar_name = f"{'a' * 32}.webp"
    db.session.commit()
    assert client.post(f"{UPLOAD}/remove").status_code == 400
    db.session.refresh(anna)
    assert anna.avatar_name is not None and not folder.exists()


def test_upload_with_the_token_is_stored(client, anna, folder):
    response = upload(client, pictures.picture(), csrf_token=_token(client))
    assert response.status_code == 302
    db.session.refresh(anna)
    assert [path.name for path in folder.iterdir()] == [anna.avatar_name]


def test_too_large_request_is_answered_on_the_form_even_before_the_token_is_read(
    client, anna, folder, app
):
    too_much = b"\0" * (app.config["AVATAR_MAX_BYTES"] + 200_000)
    response = upload(client, too_much, csrf_token=_token(client))
    assert response.status_code == 413
    assert "This file is larger than 2 MB" in response.text and 'type="file"' in response.text
    assert not folder.exists()
