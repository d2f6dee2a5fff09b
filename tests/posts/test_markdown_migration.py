"""Texts saved with the earlier renderer (Python-Markdown) are rendered again by the
migration to cmark-gfm, where the stored HTML differs, and mention the accounts
they mentioned before."""

import importlib.util

import pytest
from sqlalchemy import select, update

from forum import PROJECT_ROOT
from forum.extensions import db
from forum.models import Incident, IncidentUpdate, Post, StaffNote
from forum.posts.markdown import mentioned_accounts, render_with_mentions

from ..factories import make_user

MIGRATION = PROJECT_ROOT / "migrations" / "versions" / "0024_markdown_rendered_by_cmark.py"

# Sources with the HTML the earlier renderer stored for them.
EARLIER = {
    "list after a line": (
        "Ich habe probiert:\n- Neustart\n- Kabel",
        "<p>Ich habe probiert:<br>\n- Neustart<br>\n- Kabel</p>",
    ),
    "table after a line": (
        "Werte:\n| a | b |\n|---|---|\n| 1 | 2 |",
        "<p>Werte:<br>\n| a | b |<br>\n|---|---|<br>\n| 1 | 2 |</p>",
    ),
    "struck text": ("~~alter Preis~~ 30 €", "<p>~~alter Preis~~ 30 €</p>"),
    "Markdown inside an HTML block": (
        "<div>\n**x**\n</div>",
        "<p>&lt;div&gt;<br>\n<strong>x</strong><br>\n&lt;/div&gt;</p>",
    ),
    "unchanged": ("**fett** und `code`", "<p><strong>fett</strong> und <code>code</code></p>"),
    "mention of a renamed account": (
        "Danke @anna!",
        '<p>Danke <a class="mention" href="/u/anna" rel="nofollow ugc noopener">@anna</a>!</p>',
    ),
}


@pytest.fixture
def migration():
    spec = importlib.util.spec_from_file_location("markdown_migration", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def earlier_texts(forum):
    """Posts, staff notes, incidents and their updates as the earlier release stored them."""
    anna = make_user("anna")
    for source, html in EARLIER.values():
        db.session.add_all(
            [
                Post(thread=forum.thread, author=forum.member, body_source=source, body_html=html),
                StaffNote(
                    thread_id=forum.thread.id,
                    author_id=forum.staff.id,
                    body_source=source,
                    body_html=html,
                ),
            ]
        )
        incident = Incident(
            title="Störung", body_source=source, body_html=html, created_by_id=forum.staff.id
        )
        db.session.add(incident)
        db.session.flush()
        db.session.add(
            IncidentUpdate(
                incident_id=incident.id,
                author_id=forum.staff.id,
                body_source=source,
                body_html=html,
            )
        )
    anna.username, anna.username_canonical = "anna_neu", "anna_neu"  # the name moved on
    db.session.commit()


def _stored():
    rows = []
    for model in (Post, StaffNote, Incident, IncidentUpdate):
        rows += db.session.execute(select(model.body_source, model.body_html)).all()
    return rows


def test_every_stored_text_is_rendered_again_where_it_differs(migration, earlier_texts):
    before = dict(_stored())
    changed = migration.rerender(db.session.connection(), batch=3)
    db.session.commit()
    after = _stored()
    for source, html in after:
        assert html == render_with_mentions(source, mentioned_accounts(before[source]))
    differing = [key for key in EARLIER if key not in ("unchanged", "mention of a renamed account")]
    # The forum's own first post was rendered by this release already.
    assert changed == 4 * len(differing)
    assert dict(after)[EARLIER["list after a line"][0]].startswith(
        "<p>Ich habe probiert:</p>\n<ul>"
    )


def test_mentions_keep_linking_where_they_linked(migration, earlier_texts):
    migration.rerender(db.session.connection())
    db.session.commit()
    source, html = EARLIER["mention of a renamed account"]
    post = db.session.scalar(select(Post).where(Post.body_source == source))
    assert post.body_html == html


def test_rendering_again_changes_nothing_more(migration, earlier_texts):
    migration.rerender(db.session.connection())
    db.session.commit()
    assert migration.rerender(db.session.connection()) == 0


def test_texts_of_deleted_posts_stay_empty(migration, forum):
    db.session.execute(update(Post).values(body_source="", body_html=""))
    db.session.commit()
    assert migration.rerender(db.session.connection()) == 0
