from flask import (
    Blueprint,
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

from .. import outbox, ratelimit
from ..access import Permission, require
from ..boards.queries import board_index
from ..extensions import db
from ..pagination import page_number
from ..posts.views import thread_url
from ..urls import parse_id
from .backend import backend
from .documents import searchable_counts
from .results import PERIODS, SORTS, SearchOptions, SearchUnavailable
from .tasks import KINDS

bp = Blueprint("search", __name__)


def _options() -> SearchOptions:
    args = request.args
    return SearchOptions(
        q=args.get("q", "")[:1000],
        board_id=args.get("board", type=parse_id),
        solved=args.get("solved") == "1",
        staff=args.get("staff") == "1",
        period=args.get("period") if args.get("period") in PERIODS else None,
        author=args.get("author", "")[:100],
        sort=args.get("sort") if args.get("sort") in SORTS else "relevance",
        page=page_number(args.get("page")),
    )


def _too_many(action: str) -> tuple[int, str | None]:
    """Counts a search against the search limits: (seconds to wait, message) when
    one is reached, else (0, None)."""
    wait = ratelimit.attempt_per_ip_and_account(action, current_user)
    if not wait:
        return 0, None
    return wait, ngettext(
        "You searched very often in a short time. Please wait %(num)d minute, then search again.",
        "You searched very often in a short time. Please wait %(num)d minutes, then search again.",
        ratelimit.minutes(wait),
    )


@bp.get("/search")
def results():
    options = _options()
    outcome, unavailable, wait, limited = None, False, 0, None
    searching = bool(options.q.strip() or options.has_filters)
    if searching:
        wait, limited = _too_many("SEARCH")
    if searching and not limited:
        try:
            outcome = backend().search(
                current_user, options, current_app.config["SEARCH_RESULTS_PER_PAGE"]
            )
        except SearchUnavailable:
            unavailable = True
    page = render_template(
        "search/results.html",
        options=options,
        outcome=outcome,
        unavailable=unavailable,
        limited=limited,
        categories=board_index(current_user),
        periods=PERIODS,
    )
    if limited:
        return page, 429, {"Retry-After": str(wait)}
    return page, 503 if unavailable else 200


def _similar_or_none(user, title: str) -> list | None:
    """Threads like a title being typed; None without a usable index."""
    title = title[: current_app.config["TITLE_MAX_LENGTH"]]
    if len(title.strip()) < 4:
        return []
    try:
        return backend().similar_threads(user, title)
    except SearchUnavailable:
        return None


def find_similar(user, title: str) -> list:
    """Threads like a title being typed: none rather than an error without an index."""
    return _similar_or_none(user, title) or []


@bp.get("/search/similar")
def similar():
    """Threads like the title being typed on the new-thread form (JSON for forum.js,
    which keeps what it shows when the limits answer 429)."""
    wait, limited = _too_many("SIMILAR")
    if limited:
        return jsonify(threads=[], message=limited), 429, {"Retry-After": str(wait)}
    threads = _similar_or_none(current_user, request.args.get("title", ""))
    if threads is None:
        return jsonify(threads=[]), 503  # forum.js shows nothing; the index is rebuilt
    return jsonify(
        threads=[
            {
                "title": thread.title,
                "url": thread_url(thread),
                "board": thread.board.name,
                "solved": thread.status == "solved",
                "replies": thread.reply_count,
            }
            for thread in threads
        ]
    )


@bp.get("/admin/search")
@login_required
def status():
    require(Permission.SEARCH_ADMIN)
    count, oldest = outbox.backlog(KINDS)
    return render_template(
        "search/status.html",
        index=backend().status(),
        backlog=count,
        oldest=oldest,
        rebuild_pending=backend().rebuild_pending(),
        drain_mode=current_app.config["OUTBOX_DRAIN"],
        **searchable_counts(),
    )


@bp.post("/admin/search/rebuild")
@login_required
def rebuild():
    require(Permission.SEARCH_ADMIN)
    backend().request_rebuild()
    db.session.commit()
    flash(_("The search index is being rebuilt. Search keeps working meanwhile."), "success")
    return redirect(url_for("search.status"))
