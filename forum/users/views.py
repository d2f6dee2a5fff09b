from flask import abort, current_app, render_template, request
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from ..access import readable_posts
from ..extensions import db
from ..models import Post, Thread, User, canonical_username
from ..pagination import page_number, paginate
from . import bp


@bp.get("/u/<username>")
def profile(username: str):
    user = db.session.scalar(
        select(User).where(User.username_canonical == canonical_username(username))
    )
    if user is None:
        abort(404)
    visible = readable_posts(current_user, select(Post).where(Post.author_id == user.id))
    total = db.session.scalar(visible.with_only_columns(func.count(Post.id)))
    page = paginate(
        visible.options(joinedload(Post.thread).joinedload(Thread.board)).order_by(Post.id.desc()),
        page_number(request.args.get("page")),
        current_app.config["POSTS_PER_PAGE"],
        total=total,
    )
    return render_template("users/profile.html", user=user, page=page, post_total=total)
