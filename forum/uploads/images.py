"""Pictures people upload, made safe to store and to show to everyone.

The content decides, never the file name or the Content-Type the browser sent: only
the decoders of the allowed formats ever look at the bytes. The size a picture
declares is checked before it is decoded, since a few kilobytes of PNG can declare
billions of pixels. The result is drawn anew from the pixels alone, so nothing else
of the original file reaches the disk: no EXIF (camera, GPS position), comments,
ICC profile, or a second payload appended to the picture.
"""

import io
from dataclasses import dataclass

from flask_babel import format_decimal, gettext
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from PIL import Image, ImageOps, UnidentifiedImageError

# Only the first frame of an animated GIF or WebP is kept.
ALLOWED_FORMATS = ("PNG", "JPEG", "WEBP", "GIF")
MEDIA_TYPE = "image/webp"
EXTENSION = "webp"
QUALITY = 85

NOT_A_PICTURE = _l("This file is not a picture in one of the formats PNG, JPEG, WebP or GIF.")
DAMAGED = _l("This picture is damaged or incomplete. Please try another file.")


class ImageRejected(Exception):
    """`reason` says, in the reader's language, what is wrong and what to do."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ImageRules:
    max_bytes: int
    # Width × height as the file declares them, checked before anything is decoded.
    max_pixels: int
    width: int
    height: int
    # True: fill the box and cut off what stands out (avatars);
    # False: shrink to fit inside the box, never enlarge (a logo).
    crop: bool = True


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    width: int
    height: int
    media_type: str = MEDIA_TYPE
    extension: str = EXTENSION


def megabytes(size: int) -> str:
    """A byte count as megabytes, written the reader's way ("2", "1,5")."""
    return format_decimal(round(size / 1024 / 1024, 1))


def too_large(max_bytes: int):
    return LazyString(
        lambda: gettext(
            "This file is larger than %(size)s MB. Please choose a smaller picture.",
            size=megabytes(max_bytes),
        )
    )


def too_many_pixels(max_pixels: int):
    return LazyString(
        lambda: gettext(
            "This picture has too many pixels (at most %(megapixels)s million). "
            "Please choose a smaller picture.",
            megapixels=format_decimal(round(max_pixels / 1_000_000, 1)),
        )
    )


def clean_image(upload, rules: ImageRules) -> CleanImage:
    """`upload` is a werkzeug FileStorage or bytes. Raises ImageRejected."""
    picture = _decode(_read(upload, rules.max_bytes), rules)
    if rules.crop:
        picture = ImageOps.fit(picture, (rules.width, rules.height), Image.Resampling.LANCZOS)
    else:
        picture.thumbnail((rules.width, rules.height), Image.Resampling.LANCZOS)
    # Only the pixels: no metadata of the original can come along.
    bare = Image.frombytes(picture.mode, picture.size, picture.tobytes())
    out = io.BytesIO()
    bare.save(out, "WEBP", quality=QUALITY, method=4)
    return CleanImage(out.getvalue(), bare.width, bare.height)


def _read(upload, max_bytes: int) -> bytes:
    """Reads one byte more than allowed, so that too much is noticed without reading it all."""
    data = upload if isinstance(upload, bytes) else upload.stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ImageRejected(too_large(max_bytes))
    if not data:
        raise ImageRejected(NOT_A_PICTURE)
    return data


# EXIF orientation → the turn that makes the picture upright (as ImageOps.exif_transpose).
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_REDUCIBLE_MODES = ("L", "LA", "RGB", "RGBA", "I", "F")
_ORIENTATION_TAG = 0x0112


def _upright_and_smaller(picture: Image.Image, rules: ImageRules) -> Image.Image:
    """Shrunk by a whole factor first (both sides stay above the target size), so that
    turning and converting a large picture never copies it at full size again."""
    orientation = picture.getexif().get(_ORIENTATION_TAG)
    factor = max(1, min(picture.width // rules.width, picture.height // rules.height))
    if factor > 1 and picture.mode in _REDUCIBLE_MODES:
        smaller = picture.reduce(factor)
    else:
        smaller = picture.copy()  # the opened file's pixels go when it is closed
    method = _UPRIGHT.get(orientation)
    return smaller.transpose(method) if method is not None else smaller


def _decode(data: bytes, rules: ImageRules) -> Image.Image:
    """The first frame, upright, as RGB or RGBA."""
    edge = max(rules.width, rules.height)
    try:
        with Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS) as picture:
            if picture.width * picture.height > rules.max_pixels:
                raise ImageRejected(too_many_pixels(rules.max_pixels))
            picture.draft(None, (edge, edge))  # JPEG: decodes at 1/2 to 1/8 scale if enough
            picture.load()
            upright = _upright_and_smaller(picture, rules)
    except ImageRejected:
        raise
    # Pillow refuses sizes far above its own limit; the warning below it is an error
    # where warnings are (the test suite). Both are far above max_pixels anyway.
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRejected(too_many_pixels(rules.max_pixels)) from None
    except UnidentifiedImageError:
        raise ImageRejected(NOT_A_PICTURE) from None
    # Decoders report broken or hostile data in many ways (OSError for a truncated
    # file, ValueError, struct.error, ...): whichever it is, the file is unusable.
    except Exception:
        raise ImageRejected(DAMAGED) from None
    if upright.mode.startswith("I;16"):  # 16-bit grey: scaled, since converting would clip
        upright = upright.convert("I").point(lambda value: value / 256).convert("L")
    return upright.convert("RGBA" if upright.has_transparency_data else "RGB")
