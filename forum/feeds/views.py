"""Atom feeds. They are fetched without a session and cached by proxies, so they hold
only what an anonymous visitor may read: every query runs as `Guest()` through the
access policy's SQL filters, never as the current user, and the language is the
forum's default, not the asker's. No current_user, no session."""

import re
from datetime import datetime

from feedgen.feed import FeedGenerator
from flask import Blueprint, abort, current_app, make_response, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..access import readable_boards, readable_posts, readable_threads
from ..extensions import db
from ..incidents import services as incidents
from ..models import Board, Guest, Post, Thread, utcnow
from ..posts.views import thread_url
from ..search.documents import plain_text

bp = Blueprint("feeds", __name__)

FEED_LENGTH = 30
EXCERPT_LENGTH = 500
MAX_AGE_SECONDS = 300
ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8"
# Characters XML 1.0 cannot hold (lxml refuses them): controls other than tab and line
# breaks, surrogates, and the two non-characters.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value: str | None) -> str:
    return NOT_XML.sub("", value or "")


def _excerpt(body_html: str | None) -> str:
    """Plain text of a post, cut at a word near EXCERPT_LENGTH characters."""
    text = _text(plain_text(body_html or ""))
    if len(text) <= EXCERPT_LENGTH:
        return text
    cut = text[: EXCERPT_LENGTH - 1]
    if " " in cut[EXCERPT_LENGTH // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


def _absolute(endpoint: str, **values) -> str:
    """PUBLIC_BASE_URL and the path: ids and links do not depend on the request's host.
    The base names the mount point, so the request's script root is not repeated."""
    return _absolute_path(url_for(endpoint, **values))


def _absolute_path(path: str) -> str:
    root = request.script_root
    if root and path.startswith(root + "/"):
        path = path[len(root) :]
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/") + path


def _thread_id_url(thread: Thread) -> str:
    """The thread's address without its slug: a stable entry id, also after a new title."""
    return _absolute("posts.show_thread", thread_id=thread.id)


def _new_feed(feed_url: str, page_url: str, title: str, subtitle: str) -> FeedGenerator:
    feed = FeedGenerator()
    feed.id(feed_url)
    feed.title(_text(title))
    feed.subtitle(_text(subtitle))
    feed.link(href=feed_url, rel="self", type="application/atom+xml")
    feed.link(href=page_url, rel="alternate", type="text/html")
    feed.language(current_app.config["BABEL_DEFAULT_LOCALE"])
    feed.generator("python-feedgen")  # without the version feedgen would announce
    return feed


def _finish(feed: FeedGenerator, moments: list[datetime]):
    feed.updated(max(moments) if moments else utcnow())
    response = make_response(feed.atom_str(pretty=False))
    response.content_type = ATOM_CONTENT_TYPE
    response.cache_control.public = True
    response.cache_control.max_age = MAX_AGE_SECONDS
    return response


def _public_threads(board: Board | None = None) -> list[Thread]:
    stmt = readable_threads(Guest(), select(Thread)).where(Thread.listed())
    if board is not None:
        stmt = stmt.where(Thread.board_id == board.id)
    stmt = (
        stmt.options(joinedload(Thread.author))
        .order_by(Thread.created_at.desc(), Thread.id.desc())
        .limit(FEED_LENGTH)
    )
    return list(db.session.scalars(stmt))


def _first_posts(threads: list[Thread]) -> dict[int, Post]:
    """The threads' first posts in one query, through the same filter."""
    ids = [thread.first_post_id for thread in threads if thread.first_post_id]
    if not ids:
        return {}
    posts = db.session.scalars(readable_posts(Guest(), select(Post).where(Post.id.in_(ids))))
    return {post.id: post for post in posts}


def _threads_response(feed: FeedGenerator, threads: list[Thread]):
    first_posts = _first_posts(threads)
    for thread in threads:
        entry = feed.add_entry(order="append")
        entry.id(_thread_id_url(thread))
        entry.title(_text(thread.title))
        entry.link(href=_absolute_path(thread_url(thread)), rel="alternate", type="text/html")
        entry.published(thread.created_at)
        entry.updated(thread.last_post_at)
        entry.author(name=_text(thread.author_name_and_username))
        first = first_posts.get(thread.first_post_id)
        if first is not None:
            entry.summary(_excerpt(first.body_html), type="text")
    return _finish(feed, [thread.last_post_at for thread in threads])


def _forum_title() -> str:
    return current_app.config["FORUM_TITLE"]


@bp.get("/feeds/threads.atom", endpoint="threads")
def site_feed():
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        feed = _new_feed(
            _absolute("feeds.threads"),
            _absolute("boards.index"),
            _("New threads – %(forum)s", forum=_forum_title()),
            _("The newest public threads in %(forum)s.", forum=_forum_title()),
        )
        return _threads_response(feed, _public_threads())


@bp.get("/b/<slug>/feed.atom", endpoint="board")
def board_feed(slug: str):
    board = db.session.scalar(readable_boards(Guest(), select(Board).where(Board.slug == slug)))
    if board is None:
        abort(404)
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        feed = _new_feed(
            _absolute("feeds.board", slug=board.slug),
            _absolute("boards.show_board", slug=board.slug),
            f"{board.name} – {_forum_title()}",
            _("New threads in the board %(board)s.", board=board.name),
        )
        return _threads_response(feed, _public_threads(board))


@bp.get("/t/<id:thread_id>/feed.atom", endpoint="thread")
def thread_feed(thread_id: int):
    thread = db.session.scalar(
        readable_threads(Guest(), select(Thread)).where(Thread.id == thread_id, Thread.listed())
    )
    if thread is None:
        abort(404)
    posts = list(
        db.session.scalars(
            readable_posts(Guest(), select(Post))
            .where(Post.thread_id == thread.id)
            .options(joinedload(Post.author))
            .order_by(Post.created_at.desc(), Post.id.desc())
            .limit(FEED_LENGTH)
        )
    )
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        feed = _new_feed(
            _absolute("feeds.thread", thread_id=thread.id),
            _absolute_path(thread_url(thread)),
            f"{thread.title} – {_forum_title()}",
            _("The newest posts in the thread “%(title)s”.", title=thread.title),
        )
        for post in posts:
            entry = feed.add_entry(order="append")
            permalink = _absolute("posts.permalink", post_id=post.id)
            entry.id(permalink)
            entry.title(_text(_("Post by %(name)s", name=post.author_name_and_username)))
            entry.link(href=permalink, rel="alternate", type="text/html")
            entry.published(post.created_at)
            entry.updated(post.edited_at or post.created_at)
            entry.author(name=_text(post.author_name_and_username))
            entry.summary(_excerpt(post.body_html), type="text")
        return _finish(feed, [post.edited_at or post.created_at for post in posts])


@bp.get("/status/feed.atom", endpoint="incidents")
def incidents_feed():
    """Active and recently resolved incidents (incidents are public by nature)."""
    items = incidents.active() + incidents.recent()
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        feed = _new_feed(
            _absolute("feeds.incidents"),
            _absolute("incidents.status"),
            _("Status – %(forum)s", forum=_forum_title()),
            _("Outages and maintenance, and their updates."),
        )
        for incident in items:
            entry = feed.add_entry(order="append")
            link = _absolute("incidents.show", incident_id=incident.id)
            entry.id(link)
            resolved = _("Resolved: %(title)s", title=incident.title)
            entry.title(_text(incident.title if incident.is_active else resolved))
            entry.link(href=link, rel="alternate", type="text/html")
            entry.published(incident.started_at)
            entry.updated(incident.updated_at)
            latest = incident.updates[0].body_html if incident.updates else incident.body_html
            entry.summary(_excerpt(latest), type="text")
        return _finish(feed, [incident.updated_at for incident in items])
