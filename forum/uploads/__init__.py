"""Files people upload: checked on their content, re-encoded, stored under a content
hash. Pictures (avatars now, a forum logo later) go through `images.clean_image`."""

from flask import current_app, request

# Room for the multipart framing and the other fields of an upload form.
FORM_ALLOWANCE = 64 * 1024


def accepts_upload(setting: str):
    """Lets one view take bodies up to `config[setting]` bytes (plus the form around
    them) instead of MAX_CONTENT_LENGTH, which stays small for every other form.

    Put it right below the route decorator. It marks the view like Flask's own
    `required_methods`; `apply_upload_limit` reads the mark before anything
    (CSRF protection included) reads the body."""

    def mark(view):
        view.upload_limit_setting = setting
        return view

    return mark


def apply_upload_limit() -> None:
    view = current_app.view_functions.get(request.endpoint)
    setting = getattr(view, "upload_limit_setting", None)
    if setting is not None:
        request.max_content_length = current_app.config[setting] + FORM_ALLOWANCE
