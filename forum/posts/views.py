from flask import (
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from .. import ratelimit
from ..access import Permission, can, load_or_404, require
from ..models import Post, Thread
from ..pagination import page_number
from ..staff.queries import staff_context
from ..support.queries import question_context
from ..urls import parse_id, safe_next
from . import bp, queries, services
from .forms import EditPostForm, ReplyForm
from .markdown import quote, render


def held_message() -> str:
    """Told to the author of a post that waits for approval."""
    return _(
        "Your post contains a link and is waiting for a moderator's approval. "
        "Until then only you can see it."
    )


def thread_url(thread: Thread, page: int = 1, post: Post | None = None, **kwargs) -> str:
    return url_for(
        "posts.show_thread",
        thread_id=thread.id,
        slug=thread.slug,
        page=page if page > 1 else None,
        _anchor=f"p{post.id}" if post else None,
        **kwargs,
    )


def post_url(post: Post) -> str:
    per_page = current_app.config["POSTS_PER_PAGE"]
    page = (services.position_in_thread(post) - 1) // per_page + 1
    return thread_url(post.thread, page=page, post=post)


def posting_wait_message() -> str | None:
    """Counts a post against the posting limits; a message when one is reached."""
    wait = ratelimit.attempt_per_ip_and_account("POST", current_user)
    if not wait:
        return None
    return ngettext(
        "You are posting very quickly. Please wait %(num)d minute; your text is kept below.",
        "You are posting very quickly. Please wait %(num)d minutes; your text is kept below.",
        ratelimit.minutes(wait),
    )


def preview_of(body: str) -> tuple[str | None, str | None]:
    """The preview of a text, or, when the preview limits are reached, why there is
    none: (html, None) or (None, message)."""
    wait = ratelimit.attempt_per_ip_and_account("PREVIEW", current_user)
    if not wait:
        return render(body), None
    return None, ngettext(
        "You asked for many previews in a short time. Please wait %(num)d minute for the "
        "next one. Your text is kept, and you can send it without a preview.",
        "You asked for many previews in a short time. Please wait %(num)d minutes for the "
        "next one. Your text is kept, and you can send it without a preview.",
        ratelimit.minutes(wait),
    )


@bp.get("/t/<id:thread_id>")
@bp.get("/t/<id:thread_id>-<slug>")
def show_thread(thread_id: int, slug: str | None = None):
    thread = queries.load_thread(thread_id)
    if thread is None:
        if (merged_into := queries.merged_into(thread_id)) is None:
            abort(404)
        return redirect(url_for("posts.show_thread", thread_id=merged_into), 301)
    require(Permission.THREAD_READ, thread)
    page_no = page_number(request.args.get("page"))
    if slug != thread.slug:
        return redirect(thread_url(thread, page=page_no), 301)
    page = queries.post_page(current_user, thread, page_no, current_app.config["POSTS_PER_PAGE"])
    if page.page > page.pages:
        return redirect(thread_url(thread, page=page.pages))
    may_reply = can(current_user, Permission.THREAD_REPLY, thread)
    return render_template(
        "posts/thread.html",
        thread=thread,
        page=page,
        may_reply=may_reply,
        form=ReplyForm() if may_reply else None,
        duplicates=queries.duplicates(current_user, thread) if thread.duplicate_count else [],
        **question_context(current_user, thread),
        **staff_context(current_user, thread),
    )


@bp.get("/p/<id:post_id>")
def permalink(post_id: int):
    """Leads to the post's place in its thread, also to the placeholder of a hidden post."""
    post = queries.load_post(post_id)
    if post is None:
        abort(404)
    require(Permission.THREAD_READ, post.thread)
    if post.is_pending:  # unknown to all but its author and the moderators
        require(Permission.POST_READ, post)
    return redirect(post_url(post))


@bp.route("/t/<id:thread_id>/reply", methods=["GET", "POST"])
@login_required
def reply(thread_id: int):
    thread = load_or_404(queries.load_thread, thread_id, Permission.THREAD_REPLY)
    form = ReplyForm()
    preview_html = preview_notice = None
    status = 200
    if request.method == "GET" and (quoted_id := request.args.get("quote", type=parse_id)):
        quoted = load_or_404(queries.load_post, quoted_id, Permission.POST_READ)
        if quoted.thread_id != thread.id:  # its audience may differ from this thread's
            abort(404)
        form.body.data = quote(quoted.author_name, quoted.body_source)
    if form.validate_on_submit():
        if form.preview.data:
            preview_html, preview_notice = preview_of(form.body.data)
            status = 429 if preview_notice else 200
        elif wait := posting_wait_message():
            form.form_errors.append(wait)
            status = 429
        else:
            post = services.reply(current_user, thread, form.body.data)
            if post.is_pending:
                flash(held_message(), "info")
            return redirect(post_url(post))
    elif form.is_submitted():
        form.form_errors.append(_("Your post was not sent yet. Please check the marked fields."))
    return (
        render_template(
            "posts/reply.html",
            thread=thread,
            form=form,
            preview_html=preview_html,
            preview_notice=preview_notice,
        ),
        status,
    )


@bp.get("/p/<id:post_id>/quote")
@login_required
def quote_source(post_id: int):
    """The Markdown quote of a post, for the quote button's script."""
    post = load_or_404(queries.load_post, post_id, Permission.POST_READ)
    return jsonify(markdown=quote(post.author_name, post.body_source))


@bp.route("/p/<id:post_id>/edit", methods=["GET", "POST"])
@login_required
def edit(post_id: int):
    post = load_or_404(queries.load_post, post_id, Permission.POST_EDIT)
    form = EditPostForm(data={"body": post.body_source} if request.method == "GET" else None)
    preview_html = preview_notice = None
    moderates = can(current_user, Permission.POST_HIDE, post)
    if form.validate_on_submit() and _reason_given(form, post):
        if form.preview.data:
            preview_html, preview_notice = preview_of(form.body.data)
        else:
            services.edit_post(
                current_user,
                post,
                form.body.data,
                (form.reason.data or "").strip(),
                remove_personal_data=moderates and form.remove_personal_data.data,
            )
            # Back to where the edit started (the report queue), else to the post.
            return redirect(safe_next(request.args.get("next"), post_url(post)))
    elif form.is_submitted():
        form.form_errors.append(
            _("Your changes were not saved yet. Please check the marked fields.")
        )
    page = render_template(
        "posts/edit.html",
        post=post,
        form=form,
        preview_html=preview_html,
        preview_notice=preview_notice,
        moderates=moderates,
    )
    return page, 429 if preview_notice else 200


def _reason_given(form, post: Post) -> bool:
    """Whoever changes someone else's post says why."""
    if post.author_id == current_user.id or (form.reason.data or "").strip():
        return True
    form.reason.errors.append(_("Please say why you change someone else's post."))
    return False
