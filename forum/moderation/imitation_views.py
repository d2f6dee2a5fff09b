"""The moderators' list of names that imitate staff."""

from flask import abort, current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..access import Permission, require
from ..pagination import page_number
from . import imitations
from .forms import ReasonForm
from .views import _done, _form_or_400, bp


@bp.app_context_processor
def _open_name_imitations():
    """For the link in the moderation area: called only where it is shown."""
    return {"open_name_imitations": imitations.open_count}


@bp.get("/moderation/names")
@login_required
def name_imitations():
    require(Permission.NAME_IMITATIONS)
    page = imitations.queue_page(
        page_number(request.args.get("page")), current_app.config["THREADS_PER_PAGE"]
    )
    return render_template("moderation/name_imitations.html", page=page)


@bp.post("/moderation/names/<id:imitation_id>/handled")
@login_required
def handle_name_imitation(imitation_id: int):
    require(Permission.NAME_IMITATIONS)
    entry = imitations.load(imitation_id)
    if entry is None:
        abort(404)
    form = _form_or_400(ReasonForm())
    imitations.mark_handled(current_user, entry, form.reason.data or "")
    return _done(
        _("The name of %(name)s is marked as handled.", name=entry.user.name),
        url_for("moderation.name_imitations"),
    )
