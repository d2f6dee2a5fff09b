from flask import current_app
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from flask_wtf.file import FileField, FileRequired

from ..forms import ForumForm
from ..uploads.images import ALLOWED_FORMATS, megabytes

# A hint for the browser's file picker only: the content decides.
ACCEPT = ",".join(f"image/{name.lower()}" for name in ALLOWED_FORMATS)


def _hint() -> str:
    return gettext(
        "PNG, JPEG, WebP or GIF, at most %(size)s MB. It is cut to a square and shown "
        "to everyone next to your posts.",
        size=megabytes(current_app.config["AVATAR_MAX_BYTES"]),
    )


class AvatarForm(ForumForm):
    picture = FileField(
        _l("Picture"),
        validators=[FileRequired(_l("Please choose a picture."))],
        description=LazyString(_hint),
        render_kw={"accept": ACCEPT},
    )


class RemoveAvatarForm(ForumForm):
    pass
