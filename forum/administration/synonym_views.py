"""The admin page for search synonyms: the groups the forum ships with, and the
groups admins added, which they may remove. Applied to the next search."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..access import Permission, require
from ..extensions import db
from ..forms import ForumForm
from ..models import SynonymGroup
from ..search import synonyms
from . import bp
from .synonym_forms import SynonymForm


def _page(form: SynonymForm, status: int = 200):
    return render_template(
        "search/synonyms.html",
        form=form,
        shipped=synonyms.shipped_groups(),
        stored=synonyms.stored_groups(),
    ), status


@bp.get("/search/synonyms")
@login_required
def search_synonyms():
    require(Permission.SEARCH_ADMIN)
    return _page(SynonymForm())


@bp.post("/search/synonyms")
@login_required
def add_search_synonyms():
    require(Permission.SEARCH_ADMIN)
    form = SynonymForm()
    if not form.validate_on_submit():
        return _page(form, 400)
    synonyms.add_group(current_user, form.words_list)
    db.session.commit()
    flash(_("The words find each other from the next search on."), "success")
    return redirect(url_for("administration.search_synonyms"))


@bp.post("/search/synonyms/<id:group_id>/remove")
@login_required
def remove_search_synonyms(group_id: int):
    require(Permission.SEARCH_ADMIN)
    if not ForumForm().validate_on_submit():
        abort(400)
    group = db.session.get(SynonymGroup, group_id)
    if group is None:
        abort(404)
    synonyms.remove_group(current_user, group)
    db.session.commit()
    flash(_("The group “%(words)s” is removed.", words=group.words), "success")
    return redirect(url_for("administration.search_synonyms"))
