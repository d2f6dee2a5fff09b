"""Boards and categories in the browser: only admins reach the pages, every change is
audited, and who may read a board counts at once on the index, board pages, search
and feeds."""

import json
import re

import pytest
from sqlalchemy import func, select

from forum import outbox
from forum.extensions import db
from forum.models import (
    AuditEntry,
    Board,
    BoardSubscription,
    Category,
    User,
    Visibility,
)
from forum.moderation import board_moderators
from forum.search import tasks as search_tasks
from tests.factories import login_token, make_board, make_thread, make_user
from tests.search.conftest import (
    find,
    index_now,
    search_request,  # noqa: F401 (a fixture)
    titles,
)
from tests.test_query_counts import count_queries


@pytest.fixture
def admin(forum):
    """The admin reads the pages in English, so that the assertions do not depend on
    the German catalog."""
    forum.admin.locale = "en"
    db.session.commit()
    return forum.admin


@pytest.fixture
def keeper(forum):
    """A member who moderates `forum.board` only."""
    user = make_user("bereichsmod")
    board_moderators.appoint(forum.admin, forum.board, user)
    return user


def _board_data(**changes) -> dict:
    data = {
        "name": "Vertrag & Rechnung",
        "slug": "",
        "description": "Fragen zu Tarifen",
        "visibility": "customers",
        "posting_policy": "members",
        "is_support": "y",
    }
    return {**data, **changes}


def _routes(board, category) -> list[tuple[str, str, dict]]:
    data = {**_board_data(), "category": category.id}
    return [
        ("get", "/admin/boards", {}),
        ("get", "/admin/boards/new", {}),
        ("post", "/admin/boards/new", data),
        ("get", f"/admin/boards/{board.id}/edit", {}),
        ("post", f"/admin/boards/{board.id}/edit", {**data, "name": "Umbenannt"}),
        ("post", f"/admin/boards/{board.id}/move", {"direction": "down"}),
        ("post", f"/admin/boards/{board.id}/delete", {}),
        ("get", "/admin/categories/new", {}),
        ("post", "/admin/categories/new", {"name": "Neue Kategorie"}),
        ("get", f"/admin/categories/{category.id}/edit", {}),
        ("post", f"/admin/categories/{category.id}/edit", {"name": "Umbenannt"}),
        ("post", f"/admin/categories/{category.id}/move", {"direction": "down"}),
        ("post", f"/admin/categories/{category.id}/delete", {}),
    ]


def _nothing_changed(forum) -> None:
    db.session.expire_all()
    assert db.session.scalar(select(func.count(Board.id))) == 1
    assert db.session.scalar(select(func.count(Category.id))) == 1
    assert db.session.get(Board, forum.board.id).name == "DSL & Festnetz"
    assert db.session.get(Category, forum.board.category_id).name != "Umbenannt"
    actions = db.session.scalars(select(AuditEntry.action)).all()
    assert set(actions) <= {"board.moderator-add"}  # the keeper's appointment


@pytest.mark.parametrize(
    "role", ["guest", "member", "customer", "staff", "moderator", "board_moderator"]
)
def test_every_route_is_404_when_not_an_admin(client, auth, forum, keeper, role):
    if role == "board_moderator":
        auth.login(keeper)
    elif role != "guest":
        auth.login(getattr(forum, role))
    for method, url, data in _routes(forum.board, forum.board.category):
        response = getattr(client, method)(url, data=data)
        assert response.status_code == 404, (role, method, url)
    _nothing_changed(forum)
    assert "/admin/boards" not in client.get("/").text


def test_every_page_opens_for_an_admin(client, auth, forum, admin):
    auth.login(admin)
    assert "/admin/boards" in client.get("/admin").text
    for method, url, _data in _routes(forum.board, forum.board.category):
        if method == "get":
            assert client.get(url).status_code == 200, url


@pytest.fixture
def csrf_on(app):
    app.config["WTF_CSRF_ENABLED"] = True


def test_changes_without_a_csrf_token_are_refused(client, forum, admin, csrf_on):
    with client.session_transaction() as session:
        session["_user_id"] = login_token(admin)
        session["_fresh"] = True
    for method, url, data in _routes(forum.board, forum.board.category):
        if method == "post":
            response = client.post(url, data=data)
            assert response.status_code == 400 and "form had expired" in response.text, url
    _nothing_changed(forum)


def test_a_customers_only_board_is_seen_by_verified_customers_only(client, auth, forum, admin):
    auth.login(admin)
    data = {**_board_data(), "category": forum.board.category_id}
    response = client.post("/admin/boards/new", data=data)
    assert response.status_code == 302
    board = db.session.scalar(select(Board).where(Board.name == "Vertrag & Rechnung"))
    assert board.slug == "vertrag-rechnung"
    assert board.visibility == Visibility.CUSTOMERS and board.is_support
    assert response.headers["Location"].endswith(f"#board-{board.id}")
    overview = client.get("/admin/boards").text
    assert "Vertrag &amp; Rechnung" in overview and "/b/vertrag-rechnung" in overview
    auth.logout()

    for viewer in (None, forum.member):
        if viewer is not None:
            auth.login(viewer)
        assert "Vertrag &amp; Rechnung" not in client.get("/").text
        assert client.get("/b/vertrag-rechnung").status_code == 404
        assert client.get("/b/vertrag-rechnung/feed.atom").status_code == 404
        auth.logout()
    auth.login(forum.customer)
    assert "Vertrag &amp; Rechnung" in client.get("/").text
    assert client.get("/b/vertrag-rechnung").status_code == 200


def test_the_form_explains_what_is_wrong_and_keeps_what_was_typed(client, auth, forum, admin):
    auth.login(admin)
    category = forum.board.category_id
    cases = [
        ({"name": "  "}, "Please enter a name."),
        ({"name": "x" * 121}, "Please enter at most 120 characters (you entered 121)."),
        ({"slug": "dsl-festnetz"}, "The board “DSL &amp; Festnetz” has this address already."),
        ({"slug": "Über uns"}, "Lower-case letters a–z, digits and single hyphens"),
        ({"name": "!!!"}, "the name has no letters or digits"),
        ({"category": "999"}, "Please choose one of the categories."),
        ({"category": "abc"}, "Please choose one of the categories."),
        ({"visibility": "everyone"}, "Please choose who may read the board."),
        ({"posting_policy": "all"}, "Please choose who may start threads."),
    ]
    for changes, message in cases:
        data = {**_board_data(description="Mein Entwurf"), "category": category, **changes}
        response = client.post("/admin/boards/new", data=data)
        assert response.status_code == 400, changes
        assert message in response.text, changes
        assert "Mein Entwurf" in response.text, changes
        if "slug" in changes:
            assert f'value="{changes["slug"].lower()}"' in response.text
    assert db.session.scalar(select(func.count(Board.id))) == 1


def test_a_slug_made_from_the_name_gets_a_number_when_taken(client, auth, forum, admin):
    auth.login(admin)
    data = {**_board_data(name="DSL & Festnetz"), "category": forum.board.category_id}
    assert client.post("/admin/boards/new", data=data).status_code == 302
    slugs = db.session.scalars(select(Board.slug).order_by(Board.id)).all()
    assert slugs == ["dsl-festnetz", "dsl-festnetz-2"]


def test_the_address_stays_once_a_board_holds_threads(client, auth, forum, admin):
    auth.login(admin)
    form = client.get(f"/admin/boards/{forum.board.id}/edit").text
    assert re.search(r'<input[^>]*name="slug"[^>]*readonly', form)
    data = {**_board_data(slug="neu"), "category": forum.board.category_id}
    refused = client.post(f"/admin/boards/{forum.board.id}/edit", data=data)
    assert refused.status_code == 400 and "links to it and feed subscriptions" in refused.text
    db.session.expire_all()
    assert db.session.get(Board, forum.board.id).slug == "dsl-festnetz"

    empty = make_board("Leer", slug="leer", category=forum.board.category)
    data = {**_board_data(name="Leer", slug="noch-leer"), "category": empty.category_id}
    assert client.post(f"/admin/boards/{empty.id}/edit", data=data).status_code == 302
    assert client.get("/b/noch-leer").status_code == 200
    assert client.get("/b/leer").status_code == 404


def test_an_edit_is_audited_with_the_changed_fields_before_and_after(client, auth, forum, admin):
    auth.login(admin)
    old_category = forum.board.category.name
    other = Category(name="Mobilfunk", position=5)
    db.session.add(other)
    db.session.commit()
    data = {
        "name": "DSL & Festnetz",
        "slug": "dsl-festnetz",
        "description": "",
        "category": other.id,
        "visibility": "staff",
        "posting_policy": "read-only",
    }  # the box left unticked: not a support board any more
    assert client.post(f"/admin/boards/{forum.board.id}/edit", data=data).status_code == 302
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "board.edit"))
    assert entry.target_type == "board" and entry.target_id == forum.board.id
    assert entry.actor_id == admin.id
    assert json.loads(entry.before) == {
        "category": old_category,
        "visibility": "public",
        "posting_policy": "members",
        "is_support": True,
    }
    assert json.loads(entry.after) == {
        "category": "Mobilfunk",
        "visibility": "staff",
        "posting_policy": "read-only",
        "is_support": False,
    }
    log = client.get("/admin/audit").text
    assert "board.edit" in log and f'href="/admin/boards/{forum.board.id}/edit"' in log
    assert "read-only" in log

    # Saving again without a change writes nothing.
    assert client.post(f"/admin/boards/{forum.board.id}/edit", data=data).status_code == 302
    assert db.session.scalar(select(func.count()).where(AuditEntry.action == "board.edit")) == 1


def test_categories_are_created_renamed_and_deleted_only_when_empty(client, auth, forum, admin):
    auth.login(admin)
    assert client.post("/admin/categories/new", data={"name": ""}).status_code == 400
    assert client.post("/admin/categories/new", data={"name": " Mobilfunk "}).status_code == 302
    category = db.session.scalar(select(Category).where(Category.name == "Mobilfunk"))
    url = f"/admin/categories/{category.id}"
    assert client.post(f"{url}/edit", data={"name": "Mobilfunk & Handy"}).status_code == 302

    full = forum.board.category_id
    refused = client.post(f"/admin/categories/{full}/delete")
    assert refused.status_code == 400 and "still holds boards" in refused.text
    assert client.post(f"{url}/delete").status_code == 302
    assert db.session.get(Category, category.id) is None
    entries = db.session.scalars(
        select(AuditEntry).where(AuditEntry.target_type == "category").order_by(AuditEntry.id)
    ).all()
    assert [(e.action, e.before, e.after) for e in entries] == [
        ("category.create", None, '{"name": "Mobilfunk"}'),
        ("category.edit", '{"name": "Mobilfunk"}', '{"name": "Mobilfunk & Handy"}'),
        ("category.delete", '{"name": "Mobilfunk & Handy"}', None),
    ]


def _index_order(client) -> list[str]:
    return re.findall(r'<h3 class="board-row__name"><a href="/b/([^"]+)"', client.get("/").text)


def test_categories_and_boards_move_up_and_down(client, auth, forum, admin):
    first = forum.board
    second = make_board("Mobilfunk", slug="mobilfunk", category=first.category)
    third = make_board("Fernsehen", slug="tv")  # its own, later category
    auth.login(admin)
    assert _index_order(client) == ["dsl-festnetz", "mobilfunk", "tv"]

    assert (
        client.post(f"/admin/boards/{second.id}/move", data={"direction": "up"}).status_code == 302
    )
    assert _index_order(client) == ["mobilfunk", "dsl-festnetz", "tv"]
    url = f"/admin/categories/{third.category_id}/move"
    assert client.post(url, data={"direction": "up"}).status_code == 302
    assert _index_order(client) == ["tv", "mobilfunk", "dsl-festnetz"]
    # At the top already: nothing moves, nothing is logged.
    assert client.post(url, data={"direction": "up"}).status_code == 302
    assert client.post(url, data={"direction": "sideways"}).status_code == 400
    assert _index_order(client) == ["tv", "mobilfunk", "dsl-festnetz"]

    moves = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action.like("%.move")).order_by(AuditEntry.id)
    ).all()
    assert [(e.action, e.target_id, e.before, e.after) for e in moves] == [
        ("board.move", second.id, '{"position": 2}', '{"position": 1}'),
        ("category.move", third.category_id, '{"position": 2}', '{"position": 1}'),
    ]


def test_a_board_with_threads_is_not_deleted(client, auth, forum, admin):
    auth.login(admin)
    refused = client.post(f"/admin/boards/{forum.board.id}/delete")
    assert refused.status_code == 400 and "still holds threads" in refused.text
    assert db.session.get(Board, forum.board.id) is not None


def test_an_empty_board_is_deleted_with_its_moderators_and_followers(client, auth, forum, admin):
    empty = make_board("Leer", slug="leer")
    keeper = make_user("hueterin")
    board_moderators.appoint(admin, empty, keeper)
    db.session.add(BoardSubscription(user_id=forum.member.id, board_id=empty.id))
    db.session.commit()
    auth.login(admin)
    assert client.post(f"/admin/boards/{empty.id}/delete").status_code == 302
    db.session.expire_all()
    assert db.session.get(Board, empty.id) is None
    assert not db.session.get(User, keeper.id).is_board_moderator
    assert db.session.scalar(select(func.count()).select_from(BoardSubscription)) == 0
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "board.delete"))
    assert json.loads(entry.before)["slug"] == "leer"
    assert client.get("/b/leer").status_code == 404


def test_a_deleted_boards_id_is_never_given_again(client, auth, forum, admin):
    """Its audit entries keep pointing at it, not at the next new board."""
    newest = make_board("Kurzlebig", slug="kurzlebig")
    auth.login(admin)
    client.post(f"/admin/boards/{newest.id}/delete")
    client.post("/admin/boards/new", data={**_board_data(), "category": forum.board.category_id})
    created = db.session.scalar(select(Board).order_by(Board.id.desc()))
    assert created.name == "Vertrag & Rechnung" and created.id > newest.id


def test_the_overview_shows_each_boards_moderators(client, auth, forum, admin, keeper):
    auth.login(admin)
    page = client.get("/admin/boards").text
    assert "bereichsmod" in page and "/admin/board-moderators" in page
    assert "cannot read this board" not in page
    data = {**_board_data(name="DSL & Festnetz", slug="dsl-festnetz", visibility="staff")}
    client.post(
        f"/admin/boards/{forum.board.id}/edit", data={**data, "category": forum.board.category_id}
    )
    # A member who moderated the board no longer reads it: the page says so.
    assert "cannot read this board" in client.get("/admin/boards").text


@pytest.mark.usefixtures("search_request")
def test_a_board_made_staff_only_leaves_search_and_feeds_at_once(
    client, auth, forum, admin, monkeypatch
):
    """Documents carry the board's id, not its visibility: the search filter reads
    the readable boards from the database at every search, so nothing is reindexed."""
    recorded = []
    record = outbox.record
    monkeypatch.setattr(
        outbox, "record", lambda kind, *a, **kw: [recorded.append(kind), record(kind, *a, **kw)]
    )
    make_thread(forum.board, forum.member, "Glasfaser Ausbau Termin", "Wann kommt Glasfaser?")
    assert search_tasks.THREAD_TASK in recorded  # the spy sees what services queue
    index_now()
    assert "Glasfaser Ausbau Termin" in titles(find(forum.member, "Glasfaser"))
    assert "Glasfaser Ausbau Termin" in client.get("/feeds/threads.atom").text

    auth.login(admin)
    recorded.clear()
    data = {**_board_data(name="DSL & Festnetz", slug="dsl-festnetz", visibility="staff")}
    edit = client.post(
        f"/admin/boards/{forum.board.id}/edit", data={**data, "category": forum.board.category_id}
    )
    assert edit.status_code == 302
    assert db.session.get(Board, forum.board.id).visibility == Visibility.STAFF
    assert recorded == []  # nothing to reindex
    auth.logout()

    assert titles(find(forum.member, "Glasfaser")) == []
    assert titles(find(None, "Glasfaser")) == []
    assert "Glasfaser Ausbau Termin" in titles(find(forum.staff, "Glasfaser"))
    assert "Glasfaser Ausbau Termin" not in client.get("/feeds/threads.atom").text
    assert client.get("/b/dsl-festnetz/feed.atom").status_code == 404
    auth.login(forum.member)
    assert client.get("/b/dsl-festnetz").status_code == 404
    assert client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").status_code == 404
    assert "Ausbau Termin" not in client.get("/search?q=Glasfaser").text


def test_the_overview_takes_as_many_queries_for_many_boards_as_for_few(
    client, auth, forum, admin, keeper
):
    auth.login(admin)

    def queries() -> int:
        db.session.commit()  # both counts start from an expired session
        with count_queries() as statements:
            assert client.get("/admin/boards").status_code == 200
        return len(statements)

    queries()  # the first request loads the incident banners, kept for a while
    few = queries()
    for number in range(6):
        board = make_board(f"Mehr {number}", category=forum.board.category)
        board_moderators.appoint(admin, board, make_user(f"hueter{number}", customer=True))
        make_board(f"Eigene {number}")  # each in a category of its own
    assert queries() == few
