"""The upload check on its own: real and hostile files, decided on their content."""

import io

import pytest
from PIL import Image, ImageFile

from forum.uploads.images import ImageRejected, ImageRules, clean_image

from . import pictures

RULES = ImageRules(max_bytes=2 * 1024 * 1024, max_pixels=24_000_000, width=256, height=256)


@pytest.fixture(autouse=True)
def english(app):
    with app.test_request_context(headers={"Accept-Language": "en"}):
        yield


def _opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def _refusal(data, rules=RULES) -> str:
    with pytest.raises(ImageRejected) as refused:
        clean_image(data, rules)
    return str(refused.value.reason)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "GIF"])
def test_every_allowed_format_becomes_a_square_webp(fmt):
    clean = clean_image(pictures.picture(fmt, size=(640, 480)), RULES)
    image = _opened(clean.data)
    assert (image.format, image.size) == ("WEBP", (256, 256))
    assert (clean.width, clean.height, clean.media_type) == (256, 256, "image/webp")
    red, green, blue = image.convert("RGB").getpixel((128, 128))
    assert red > 180 and green < 60 and blue < 60


def test_photo_loses_gps_and_camera_but_is_turned_upright():
    original = _opened(pictures.photo_with_gps())
    assert original.getexif().get_ifd(0x8825)  # the test photo does carry a position

    clean = clean_image(pictures.photo_with_gps(), RULES)

    image = _opened(clean.data)
    assert not image.getexif()
    assert not {"exif", "xmp", "icc_profile", "comment"} & set(image.info)
    assert b"Exif" not in clean.data and b"Beispielkamera" not in clean.data
    top, bottom = image.convert("RGB").getpixel((128, 5)), image.convert("RGB").getpixel((128, 250))
    assert top[0] > 180 and top[2] < 80  # red: the left edge, turned to the top
    assert bottom[2] > 180 and bottom[0] < 80


def test_png_text_profile_and_appended_payload_are_dropped_transparency_kept():
    hostile = pictures.png_with_metadata() + b"<script>alert(1)</script>"
    clean = clean_image(hostile, RULES)
    image = _opened(clean.data)
    assert b"Gartenstra" not in clean.data and b"<script>" not in clean.data
    assert "icc_profile" not in image.info
    assert image.mode == "RGBA" and image.getpixel((10, 10))[3] < 200


def test_only_the_first_frame_of_an_animated_gif_is_kept():
    frames = [Image.new("RGB", (100, 100), color) for color in (pictures.RED, pictures.BLUE)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    image = _opened(clean_image(out.getvalue(), RULES).data)
    assert getattr(image, "n_frames", 1) == 1
    assert image.convert("RGB").getpixel((50, 50))[0] > 180


def test_sixteen_bit_grey_keeps_its_brightness():
    image = _opened(clean_image(pictures.picture("PNG", mode="I;16", color=32768), RULES).data)
    assert 110 < image.convert("L").getpixel((5, 5)) < 145


def test_fit_shrinks_into_the_box_without_cutting_or_enlarging():
    rules = ImageRules(
        max_bytes=RULES.max_bytes, max_pixels=RULES.max_pixels, width=400, height=100, crop=False
    )
    assert _opened(clean_image(pictures.picture(size=(800, 400)), rules).data).size == (200, 100)
    assert _opened(clean_image(pictures.picture(size=(60, 20)), rules).data).size == (60, 20)


@pytest.mark.parametrize(
    "data",
    [
        b"Hallo, ich bin ein Text und kein Bild.",
        b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"",
        pictures.picture("BMP"),
        pictures.picture("TIFF"),
    ],
    ids=["text", "html", "svg", "empty", "bmp", "tiff"],
)
def test_what_is_not_an_allowed_picture_is_refused(data):
    assert "not a picture in one of the formats PNG, JPEG, WebP or GIF" in _refusal(data)


def test_truncated_jpeg_is_refused_as_damaged():
    photo = pictures.photo_with_gps()
    assert "damaged or incomplete" in _refusal(photo[: len(photo) // 2])


def test_too_many_bytes_are_refused_before_decoding(monkeypatch):
    noise = pictures.noise(700, 700)
    assert len(noise) > 1024 * 1024
    monkeypatch.setattr(Image, "open", None)  # not even the header is read
    rules = ImageRules(max_bytes=1024 * 1024, max_pixels=RULES.max_pixels, width=256, height=256)
    assert "This file is larger than 1 MB" in _refusal(noise, rules)


def test_decompression_bomb_is_refused_before_decoding(monkeypatch):
    def no_decoding(self):
        raise AssertionError("decoded")

    bomb = pictures.png_bomb(30_000, 30_000)
    assert len(bomb) < 200_000
    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    assert "too many pixels" in _refusal(bomb)
    # Below Pillow's own limit, but above ours.
    assert "too many pixels (at most 24 million)" in _refusal(pictures.png_bomb(6000, 6000))
