from flask import abort, current_app, render_template, request
from flask_login import current_user

from ..pagination import page_number
from . import bp, queries


@bp.get("/u/<username>")
def profile(username: str):
    user = queries.user_by_name(username)
    if user is None or user.deleted_at is not None:
        abort(404)
    page = queries.visible_posts_page(
        current_user,
        user,
        page_number(request.args.get("page")),
        current_app.config["POSTS_PER_PAGE"],
    )
    if page.page > page.pages:
        abort(404)
    return render_template("users/profile.html", user=user, page=page)
