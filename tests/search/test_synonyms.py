"""Admins extend the search synonyms in the browser; the next search uses them,
without a reindex, and reads them once per request."""

import pytest
from sqlalchemy import event, select

from forum.extensions import db
from forum.models import AuditEntry, SynonymGroup
from tests.factories import make_thread

from .conftest import find, titles

PAGE = "/admin/search/synonyms"


@pytest.fixture
def outage(forum):
    make_thread(forum.board, forum.author, "Totalausfall im Viertel", "Nichts geht mehr.")
    make_thread(forum.board, forum.author, "Blackout seit Mittag", "Alles dunkel.")


@pytest.mark.parametrize("role", ["member", "staff", "moderator"])
def test_only_search_admins_see_and_change_the_synonyms(client, auth, forum, role):
    assert client.get(PAGE).status_code == 302  # a guest logs in first
    auth.login(getattr(forum, role))
    assert client.get(PAGE).status_code == 404
    assert client.post(PAGE, data={"words": "Blackout, Totalausfall"}).status_code == 404
    assert db.session.scalar(select(SynonymGroup.id)) is None


def test_an_added_group_is_found_by_the_next_search_and_removed_again(
    client, auth, forum, outage, search_request
):
    assert titles(find(None, "Blackout")) == ["Blackout seit Mittag"]
    auth.login(forum.admin)
    page = client.get(PAGE).text
    assert "kündigen, Kündigung, gekündigt" in page  # the shipped groups are listed
    assert 'href="/admin/search/synonyms"' in client.get("/admin/search").text
    response = client.post(PAGE, data={"words": " Blackout ,Totalausfall, "})
    assert response.status_code == 302
    group = db.session.scalars(select(SynonymGroup)).one()
    assert group.words == "Blackout, Totalausfall"
    assert group.created_by_id == forum.admin.id
    assert "Blackout, Totalausfall" in client.get(PAGE).text
    # The word as typed comes first, the synonym after it.
    assert titles(find(None, "Blackout")) == ["Blackout seit Mittag", "Totalausfall im Viertel"]
    client.post(f"{PAGE}/{group.id}/remove")
    assert titles(find(None, "Blackout")) == ["Blackout seit Mittag"]
    actions = db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["search.synonyms-add", "search.synonyms-remove"]
    assert client.post(f"{PAGE}/{group.id}/remove").status_code == 404


@pytest.mark.parametrize(
    "typed",
    [
        "Blackout",  # one word
        "Störung, Störungen",  # inflections find each other anyway
        "kein Internet, Ausfall",  # a phrase
        "und, Ausfall",  # a stop word
        "Störung, Ausfall",  # shipped already
        ", ".join(f"Wort{n}" for n in range(13)),  # too many
        "",
    ],
)
def test_a_refused_group_says_why_and_keeps_what_was_typed(client, auth, forum, typed):
    auth.login(forum.admin)
    response = client.post(PAGE, data={"words": typed})
    assert response.status_code == 400
    assert 'class="field__error"' in response.text
    assert f'value="{typed}"' in response.text if typed else True
    assert db.session.scalar(select(SynonymGroup.id)) is None


def test_the_synonyms_are_read_once_per_search(app, forum, outage, search_request):
    db.session.add(SynonymGroup(words="Blackout, Totalausfall"))
    db.session.commit()
    statements = []

    def count(conn, cursor, statement, *args):
        if "search_synonyms" in statement:
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        find(None, "Blackout Mittag dunkel Viertel")
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(statements) == 1
