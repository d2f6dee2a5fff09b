"""Uploading, replacing, removing and serving profile pictures through the web."""

import io
import re

import pytest
from PIL import Image
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from forum.extensions import db
from forum.models import User, utcnow

from ..factories import make_board, make_thread, make_user
from . import pictures

UPLOAD = "/account/avatar"


def upload(client, data: bytes, filename="bild.png", content_type="image/png", **fields):
    # Encoded in memory: the test client would spool a large body to a temporary
    # file that it closes only when it follows redirects.
    picture = FileStorage(io.BytesIO(data), filename, content_type=content_type)
    boundary, body = encode_multipart({**fields, "picture": picture})
    return client.post(UPLOAD, data=body, content_type=f"multipart/form-data; boundary={boundary}")


@pytest.fixture
def anna(auth):
    user = make_user("anna", locale="en")
    auth.login(user)
    return user


def _stored(folder) -> list[str]:
    return sorted(path.name for path in folder.glob("*")) if folder.exists() else []


def test_upload_stores_a_clean_square_picture_served_for_a_year(client, anna, folder):
    response = upload(client, pictures.photo_with_gps(), "urlaub.jpg", "image/jpeg")
    assert response.status_code == 302
    db.session.refresh(anna)
    assert re.fullmatch(r"[0-9a-f]{32}\.webp", anna.avatar_name)
    assert _stored(folder) == [anna.avatar_name]

    with client.get(f"/avatars/{anna.avatar_name}") as served:
        assert served.status_code == 200
        assert served.mimetype == "image/webp"
        assert served.headers["X-Content-Type-Options"] == "nosniff"
        cache = served.headers["Cache-Control"]
        assert "public" in cache and "max-age=31536000" in cache and "immutable" in cache
        image = Image.open(io.BytesIO(served.data))
    assert (image.format, image.size) == ("WEBP", (256, 256))
    assert not image.getexif() and b"Beispielkamera" not in served.data


def test_picture_shows_next_to_posts_and_on_the_profile_with_fixed_size(client, anna):
    thread = make_thread(make_board(), anna, "Router blinkt rot nach Gewitter")
    upload(client, pictures.picture("PNG"))
    db.session.refresh(anna)
    src = f'src="/avatars/{anna.avatar_name}"'
    page = client.get(f"/t/{thread.id}-{thread.slug}").text
    assert re.search(rf'<img class="avatar avatar--m" {src} alt="" width="40" height="40">', page)
    profile = client.get("/u/anna").text
    assert re.search(
        rf'<img class="avatar avatar--l" {src} alt="" width="72" height="72">', profile
    )


def test_a_larger_file_than_other_forms_allow_is_accepted(client, anna, app):
    photo = pictures.noise(700, 700)
    assert app.config["MAX_CONTENT_LENGTH"] < len(photo) < app.config["AVATAR_MAX_BYTES"]
    assert upload(client, photo).status_code == 302
    big_profile = {"display_name": "x" * len(photo), "bio": "", "locale": "en"}
    assert client.post("/account/profile", data=big_profile).status_code == 413


@pytest.mark.parametrize(
    ("data", "filename", "content_type"),
    [
        (b"Ich bin nur Text.", "bild.png", "image/png"),
        (b"<html><script>alert(document.cookie)</script></html>", "bild.png", "image/png"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "logo.svg",
            "image/svg+xml",
        ),
        (pictures.photo_with_gps()[:3000], "kaputt.jpg", "image/jpeg"),
    ],
    ids=["text-named-png", "html-as-image", "svg", "truncated-jpeg"],
)
def test_hostile_files_are_refused_on_the_form_and_nothing_is_stored(
    client, anna, folder, data, filename, content_type
):
    response = upload(client, data, filename, content_type)
    assert response.status_code == 400
    assert 'class="field__error"' in response.text
    assert re.search(r"not a picture in one of the formats|damaged or incomplete", response.text)
    assert "<script>alert" not in response.text
    db.session.refresh(anna)
    assert anna.avatar_name is None and _stored(folder) == []


def test_decompression_bomb_is_refused(client, anna, folder):
    response = upload(client, pictures.png_bomb(30_000, 30_000))
    assert response.status_code == 400
    assert "too many pixels" in response.text
    assert _stored(folder) == []


def test_file_over_the_picture_limit_is_refused_with_the_reason(client, anna, folder, app):
    app.config["AVATAR_MAX_BYTES"] = 100_000
    response = upload(client, pictures.noise(200, 200))  # within the request allowance
    assert response.status_code == 400
    assert "This file is larger than 0,1 MB" in response.text or "larger than 0.1 MB" in (
        response.text
    )
    assert _stored(folder) == []


def test_request_over_the_limit_gets_the_form_with_the_reason_not_a_bare_413(
    client, anna, folder, app
):
    too_much = b"\0" * (app.config["AVATAR_MAX_BYTES"] + 200_000)
    response = upload(client, too_much)
    assert response.status_code == 413
    assert "This file is larger than 2 MB. Please choose a smaller picture." in response.text
    assert 'enctype="multipart/form-data"' in response.text
    db.session.refresh(anna)
    assert anna.avatar_name is None and _stored(folder) == []


def test_replacing_deletes_the_old_file_and_removing_the_last(client, anna, folder):
    upload(client, pictures.picture(color=pictures.RED))
    db.session.refresh(anna)
    first = anna.avatar_name
    upload(client, pictures.picture(color=pictures.BLUE))
    db.session.refresh(anna)
    assert anna.avatar_name != first and _stored(folder) == [anna.avatar_name]
    assert client.get(f"/avatars/{first}").status_code == 404

    upload(client, pictures.picture(color=pictures.BLUE))  # the same picture again
    db.session.refresh(anna)
    assert _stored(folder) == [anna.avatar_name]

    response = client.post(f"{UPLOAD}/remove")
    assert response.status_code == 302
    db.session.refresh(anna)
    assert anna.avatar_name is None and _stored(folder) == []


def test_two_accounts_with_the_same_picture_keep_their_own_files(client, anna, auth, folder):
    upload(client, pictures.picture())
    auth.logout()
    ben = make_user("ben", locale="en")
    auth.login(ben)
    upload(client, pictures.picture())
    client.post(f"{UPLOAD}/remove")
    db.session.refresh(anna)
    assert _stored(folder) == [anna.avatar_name]


@pytest.mark.parametrize(
    "path",
    [
        "/avatars/../../forum.sqlite",
        "/avatars/..%2F..%2Fforum.sqlite",
        "/avatars/%2e%2e%2f%2e%2e%2fsecret_key",
        "/avatars/..",
        "/avatars/secret_key",
        f"/avatars/{'A' * 32}.webp",
        f"/avatars/{'a' * 32}.svg",
        f"/avatars/{'a' * 32}.webp",
    ],
)
def test_serving_refuses_every_name_it_did_not_make(client, folder, path):
    folder.mkdir(parents=True)
    (folder.parent / "secret_key").write_text("geheim")
    (folder / "secret_key").write_text("geheim")
    (folder / f"{'a' * 32}.svg").write_text("<svg/>")
    assert client.get(path).status_code == 404


def test_guest_is_sent_to_the_login(client):
    response = client.get(UPLOAD)
    assert response.status_code == 302 and "/login" in response.location
    response = client.post(f"{UPLOAD}/remove")
    assert response.status_code == 302 and "/login" in response.location


def test_suspended_account_cannot_change_its_picture(client, auth, folder):
    from datetime import timedelta

    user = make_user("suse", locale="en", suspended_until=utcnow() + timedelta(days=3))
    auth.login(user)
    page = client.get(UPLOAD).text
    assert 'type="file"' not in page
    assert upload(client, pictures.picture()).status_code == 403
    assert client.post(f"{UPLOAD}/remove").status_code == 403
    assert _stored(folder) == []


def test_thread_page_costs_no_query_more_with_pictures(client, anna, folder):
    from ..test_query_counts import count_queries

    others = [make_user(f"autor{n}") for n in range(4)]
    ids = [user.id for user in others]
    thread = make_thread(make_board(), anna, replies=8, repliers=[anna, *others])
    url = f"/t/{thread.id}-{thread.slug}"

    def queries():
        db.session.remove()
        with count_queries() as statements:
            assert client.get(url).status_code == 200
        return len(statements)

    queries()  # the first page also reads what is then cached (the incident banner)
    before = queries()
    for user_id in ids:
        db.session.get(User, user_id).avatar_name = f"{user_id:032x}.webp"
    db.session.commit()
    assert queries() == before
