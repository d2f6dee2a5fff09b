"""Routes of the FAQ made from a private case: the draft, its review and publication
(staff), and the customer's objection."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..access import Permission, load_or_404
from ..posts import queries as post_queries
from ..posts.views import thread_url
from . import faq, review
from .forms import FaqReviewForm, ObjectionForm
from .views import bp

TEXT_FIELDS = ("title", "question", "answer")


@bp.post("/t/<id:thread_id>/faq-draft")
@login_required
def create_faq_draft(thread_id: int):
    case = load_or_404(post_queries.load_thread, thread_id, Permission.CASE_PUBLISH)
    draft = faq.draft_faq(current_user, case)
    flash(_("An anonymised FAQ draft was created. Check it, then publish it."), "success")
    return redirect(_review_url(draft))


def _review_url(draft) -> str:
    return url_for("customers.review_faq", thread_id=draft.id)


@bp.route("/t/<id:thread_id>/faq-review", methods=["GET", "POST"])
@login_required
def review_faq(thread_id: int):
    """Every replacement and every hint highlighted; the texts to correct; publishing
    after the confirmation, and only the texts that were shown."""
    draft = load_or_404(post_queries.load_thread, thread_id, Permission.CASE_PUBLISH)
    if not (draft.is_faq and draft.is_faq_draft):
        abort(404)
    current = {field: text for field, (_post, text) in faq.draft_texts(draft).items()}
    form = FaqReviewForm(data={**current, "reviewed": faq.fingerprint(draft)})
    if form.validate_on_submit():
        if form.reviewed.data != faq.fingerprint(draft):
            # A colleague changed the draft since this form was loaded: nothing of theirs
            # is overwritten unseen. What was typed stays; the page shows the draft now.
            form.form_errors.append(_("The draft was changed meanwhile. Please check it again."))
            form.reviewed.data = faq.fingerprint(draft)
        elif (done := _save_or_publish(draft, form)) is not None:
            return done
    return render_template(
        "customers/faq_review.html",
        draft=draft,
        form=form,
        texts=review.reviewed_texts(draft),
        objection=review.objection(draft),
    )


def _save_or_publish(draft, form):
    """Corrections are saved and reviewed again; unchanged texts are published once
    confirmed. None: the form is shown again with the reason."""
    typed = {field: getattr(form, field).data for field in TEXT_FIELDS}
    if faq.revise_draft(current_user, draft, typed, _("Checked for the FAQ")):
        flash(_("Saved. Check the highlighted text again, then confirm."), "info")
        return redirect(_review_url(draft))
    if not form.publish.data:
        return redirect(_review_url(draft))
    if not form.confirmed.data:
        form.confirmed.errors.append(_("Please confirm that you checked the text."))
        return None
    try:
        faq.publish_draft(current_user, draft, form.reviewed.data)
    except faq.DraftChanged:  # changed in the moment between the check and now
        flash(_("The draft was changed meanwhile. Please check it again."), "error")
        return redirect(_review_url(draft))
    flash(_("The FAQ is public. The customer was told and can object."), "success")
    return redirect(thread_url(draft))


@bp.route("/t/<id:thread_id>/objection", methods=["GET", "POST"])
@login_required
def object_to_faq(thread_id: int):
    """Only the customer whose case the FAQ was made from; it leaves public view at once."""
    published = load_or_404(post_queries.load_thread, thread_id, Permission.FAQ_OBJECT)
    form = ObjectionForm()
    if form.validate_on_submit():
        faq.object_to(current_user, published, (form.reason.data or "").strip())
        flash(
            _("Thank you. The FAQ is no longer public, and our staff have been told."),
            "success",
        )
        return redirect(thread_url(published.faq_case))
    return render_template("customers/faq_objection.html", faq=published, form=form)
