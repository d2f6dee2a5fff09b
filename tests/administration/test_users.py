"""Accounts for admins: only admins reach the pages, search finds people by name and
address without reading the whole table, and every role change is audited and counts
with the person's next request."""

import json
import re

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import AuditEntry, User, UserWarning, utcnow
from forum.models.users import mask_customer_number
from forum.moderation import board_moderators
from tests.factories import PASSWORD, make_user
from tests.test_query_counts import count_queries


@pytest.fixture
def admin(forum):
    """The admin reads the pages in English: the assertions do not depend on the catalog."""
    forum.admin.locale = "en"
    db.session.commit()
    return forum.admin


@pytest.fixture
def keeper(forum):
    user = make_user("bereichsmod")
    board_moderators.appoint(forum.admin, forum.board, user)
    return user


def _routes(user_id: int) -> list[tuple[str, str, dict]]:
    return [
        ("get", "/admin/users", {}),
        ("get", "/admin/users?q=mit&role=staff", {}),
        ("get", f"/admin/users/{user_id}", {}),
        ("post", f"/admin/users/{user_id}/roles", {"role": "moderator", "change": "grant"}),
    ]


@pytest.mark.parametrize(
    "role", ["guest", "member", "customer", "staff", "moderator", "board_moderator"]
)
def test_nobody_but_admins_finds_the_account_pages(client, auth, forum, keeper, role):
    if role == "board_moderator":
        auth.login(keeper)
    elif role != "guest":
        auth.login(getattr(forum, role))
    for method, url, data in _routes(forum.member.id):
        assert getattr(client, method)(url, data=data).status_code == 404, (role, url)
    assert not db.session.get(User, forum.member.id).is_moderator
    assert (
        db.session.scalars(select(AuditEntry).where(AuditEntry.target_type == "user")).all() == []
    )


def test_admins_reach_every_account_page(client, auth, forum, admin):
    auth.login(admin)
    expected = {"get": 200, "post": 302}
    for method, url, data in _routes(forum.member.id):
        assert getattr(client, method)(url, data=data).status_code == expected[method], url
    assert client.get("/admin/users/999999").status_code == 404
    assert 'href="/admin/users"' in client.get("/admin").text


class TestCsrf:
    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "WTF_CSRF_ENABLED": True}

    def test_a_role_changes_only_with_the_form_token(self, client, auth, forum, admin):
        page = client.get("/login").text
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]
        client.post(
            "/login", data={"login": admin.username, "password": PASSWORD, "csrf_token": token}
        )
        url = f"/admin/users/{forum.member.id}/roles"
        data = {"role": "moderator", "change": "grant"}
        assert client.post(url, data=data).status_code == 400
        assert not db.session.get(User, forum.member.id).is_moderator
        detail = client.get(f"/admin/users/{forum.member.id}").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', detail)[1]
        assert client.post(url, data={**data, "csrf_token": token}).status_code == 302
        db.session.expire_all()
        assert db.session.get(User, forum.member.id).is_moderator


def _listed(client, query: str) -> list[str]:
    page = client.get(f"/admin/users?{query}").text
    return re.findall(r"<td>@([^<]+)</td>", page)


def test_search_finds_by_username_address_and_display_name(client, auth, forum, admin):
    make_user("Jana.Becker", email="j.becker@kundenservice.example", display_name="Jana vom Team")
    make_user("k4711", email="kathrin@example.test", display_name="Kathrin Schmidt")
    auth.login(admin)
    assert _listed(client, "q=jana") == ["Jana.Becker"]  # start of the username
    assert _listed(client, "q=JANA.B") == ["Jana.Becker"]  # any case
    assert _listed(client, "q=J.BECKER@") == ["Jana.Becker"]  # start of the address
    assert _listed(client, "q=kathrin@example.test") == ["k4711"]  # the whole address
    # Nothing starts with it: looked up inside names and addresses instead.
    page = client.get("/admin/users?q=schmidt").text
    assert re.findall(r"<td>@([^<]+)</td>", page) == ["k4711"]
    assert "these contain it" in page
    assert _listed(client, "q=kundenservice") == ["Jana.Becker"]  # inside the address
    assert _listed(client, "q=vom+team") == ["Jana.Becker"]  # inside the display name
    # Asked for explicitly: inside as well, even where something starts with the text.
    assert set(_listed(client, "q=k&anywhere=1")) >= {"k4711", "Jana.Becker", "kunde"}
    assert "k4711" in _listed(client, "q=k") and "Jana.Becker" not in _listed(client, "q=k")
    assert _listed(client, "q=%25") == []  # LIKE wildcards are plain characters
    assert _listed(client, "q=niemand") == []


@pytest.mark.parametrize("query", ["zz_t", "ZZ_TOP", "zz_top@", "zz_top@ex", "zz"])
def test_prefixes_that_end_in_z_or_punctuation_are_found(client, auth, forum, admin, query):
    """The index range covers only leading letters and digits (see _starting_with)."""
    make_user("zz_top", email="zz_top@example.test")
    auth.login(admin)
    assert _listed(client, f"q={query}") == ["zz_top"]


def test_filters_by_role_and_state(client, auth, forum, admin, keeper):
    make_user("gesperrt", banned_at=utcnow(), ban_reason="Spam")
    make_user("neu", email_confirmed_at=None)
    make_user("weg", deleted_at=utcnow())
    auth.login(admin)
    assert _listed(client, "role=admin") == ["verwalter"]
    assert _listed(client, "role=moderator") == ["moderatorin"]
    assert _listed(client, "role=board-moderator") == ["bereichsmod"]
    assert _listed(client, "role=staff") == ["mitarbeiter"]
    assert _listed(client, "role=customer") == ["kunde"]
    assert _listed(client, "role=banned") == ["gesperrt"]
    assert _listed(client, "role=unconfirmed") == ["neu"]
    assert _listed(client, "role=deleted") == ["weg"]
    assert _listed(client, "role=staff&q=kunde") == []
    assert _listed(client, "role=nonsense") == _listed(client, "")  # unknown: no filter


def test_results_show_the_facts_and_are_paginated(app, client, auth, forum, admin):
    app.config["THREADS_PER_PAGE"] = 3
    auth.login(admin)
    first = client.get("/admin/users").text
    assert "6 accounts" in first and "verwalter@example.test" in first
    assert "Verified customer" in first and "Staff" in first and "Moderator" in first
    newest_first = ["verwalter", "moderatorin", "mitarbeiter"]
    assert re.findall(r"<td>@([^<]+)</td>", first) == newest_first
    assert _listed(client, "page=2") == ["kunde", "mitglied", "autorin"]
    assert client.get("/admin/users?page=3").status_code == 404


def test_the_list_reads_a_fixed_number_of_rows(client, auth, forum, admin):
    auth.login(admin)

    def queries(url):
        db.session.remove()
        with count_queries() as statements:
            assert client.get(url).status_code == 200
        return statements

    queries("/admin/users")  # the first request of a process also drains the outbox
    before = len(queries("/admin/users?q=nutzer&anywhere=1"))
    for _ in range(40):
        make_user(display_name="Viele Leute")
    after = queries("/admin/users?q=nutzer&anywhere=1")
    assert len(after) == before
    counts = [s for s in after if s.startswith("SELECT count(*)") and "FROM users" in s]
    assert len(counts) == 1 and "LIMIT" in counts[0]  # the count stops early


def _entries(action: str) -> list[AuditEntry]:
    return db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
    ).all()


def test_a_new_moderator_moderates_at_once_and_a_revoked_one_no_longer(
    app, client, auth, forum, admin
):
    member_client = app.test_client()
    member_client.post("/login", data={"login": "mitglied", "password": PASSWORD})
    assert member_client.get("/moderation/reports").status_code == 404
    auth.login(admin)
    url = f"/admin/users/{forum.member.id}/roles"
    answer = client.post(url, data={"role": "moderator", "change": "grant", "reason": "hilft"})
    assert answer.status_code == 302 and answer.location == f"/admin/users/{forum.member.id}"
    assert member_client.get("/moderation/reports").status_code == 200  # same session
    lock = member_client.post(f"/t/{forum.thread.id}/lock", data={"reason": "Erledigt"})
    assert lock.status_code == 302
    entry = _entries("user.moderator-grant")[0]
    assert (entry.actor_id, entry.target_id, entry.reason) == (admin.id, forum.member.id, "hilft")
    assert json.loads(entry.before) == {"is_moderator": False}
    assert json.loads(entry.after) == {"is_moderator": True}
    page = client.get(f"/admin/users/{forum.member.id}").text
    assert "granted by" in page and "user.moderator-grant" in page

    client.post(url, data={"role": "moderator", "change": "revoke", "reason": "genug"})
    assert member_client.get("/moderation/reports").status_code == 404
    unlock = member_client.post(f"/t/{forum.thread.id}/unlock", data={})
    assert unlock.status_code == 404
    entry = _entries("user.moderator-revoke")[0]
    assert json.loads(entry.before) == {"is_moderator": True}
    assert json.loads(entry.after) == {"is_moderator": False}


def test_admins_are_made_and_unmade_with_an_audit_entry(app, client, auth, forum, admin):
    staff_client = app.test_client()
    staff_client.post("/login", data={"login": "mitarbeiter", "password": PASSWORD})
    auth.login(admin)
    url = f"/admin/users/{forum.staff.id}/roles"
    client.post(url, data={"role": "admin", "change": "grant"})
    assert staff_client.get("/admin/users").status_code == 200
    client.post(url, data={"role": "admin", "change": "revoke", "reason": "Wechsel"})
    assert staff_client.get("/admin/users").status_code == 404
    grant, revoke = _entries("user.admin-grant")[0], _entries("user.admin-revoke")[0]
    assert json.loads(grant.after) == {"is_admin": True}
    assert (json.loads(revoke.before), revoke.reason) == ({"is_admin": True}, "Wechsel")
    # Asking again for what is already so changes nothing and writes nothing.
    client.post(url, data={"role": "admin", "change": "revoke"})
    assert len(_entries("user.admin-revoke")) == 1


def test_the_only_admin_cannot_step_down(client, auth, forum, admin):
    auth.login(admin)
    answer = client.post(
        f"/admin/users/{admin.id}/roles", data={"role": "admin", "change": "revoke"}
    )
    assert answer.status_code == 400
    assert "This is the only admin account" in answer.text
    assert db.session.get(User, admin.id).is_admin
    assert _entries("user.admin-revoke") == []


def test_an_admin_cannot_remove_their_own_admin_role(client, auth, forum, admin):
    make_user("zweiter", admin=True)
    auth.login(admin)
    answer = client.post(
        f"/admin/users/{admin.id}/roles", data={"role": "admin", "change": "revoke"}
    )
    assert answer.status_code == 400
    assert "You cannot remove your own admin role" in answer.text
    assert db.session.get(User, admin.id).is_admin


def test_banned_accounts_get_no_role(client, auth, forum, admin):
    banned = make_user("gesperrt", banned_at=utcnow(), ban_reason="Spam")
    auth.login(admin)
    answer = client.post(
        f"/admin/users/{banned.id}/roles", data={"role": "moderator", "change": "grant"}
    )
    assert answer.status_code == 400 and "cannot be given a role" in answer.text
    assert not db.session.get(User, banned.id).is_moderator


def test_unknown_roles_are_refused(client, auth, forum, admin):
    auth.login(admin)
    url = f"/admin/users/{forum.member.id}/roles"
    assert client.post(url, data={"role": "staff", "change": "grant"}).status_code == 400
    assert client.post(url, data={"role": "admin", "change": "maybe"}).status_code == 400


def test_the_account_page_shows_facts_roles_and_history(client, auth, forum, admin, keeper):
    person = forum.customer
    person.pending_email = "neu@example.test"
    person.email_confirmed_at = None
    db.session.add(UserWarning(user_id=person.id, moderator_id=forum.moderator.id, text="Ton!"))
    db.session.commit()
    auth.login(admin)
    client.post(f"/admin/users/{person.id}/roles", data={"role": "moderator", "change": "grant"})
    page = client.get(f"/admin/users/{person.id}").text
    for expected in (
        "kunde@example.test",
        "neu@example.test",
        "not confirmed",
        mask_customer_number("1234567890"),
        "Ton!",
        "moderatorin",  # who warned
        "user.moderator-grant",
        "Remove moderator role",
        "Make admin",
    ):
        assert expected in page, expected
    assert "1234567890" not in page
    keeper_page = client.get(f"/admin/users/{keeper.id}").text
    assert forum.board.name.replace("&", "&amp;") in keeper_page
    admin_page = client.get(f"/admin/users/{admin.id}").text
    assert "moderation.warn" not in admin_page and "/warn" not in admin_page  # no tools on admins
    assert "user.moderator-grant" in admin_page  # what this admin did


def test_staff_verification_from_the_account_page(client, auth, forum, admin):
    auth.login(admin)
    back = f"/admin/users/{forum.member.id}"
    answer = client.post(
        "/admin/staff",
        data={"username": "mitglied", "title": "Technik", "team": "Team Technik", "next": back},
    )
    assert answer.status_code == 302 and answer.location == back
    assert db.session.get(User, forum.member.id).is_staff
    page = client.get(back).text
    assert "Team Technik" in page and "verified by" in page and admin.name in page
    answer = client.post(f"/admin/staff/{forum.member.id}/revoke", data={"next": back})
    assert answer.location == back
    assert "revoked by" in client.get(back).text
    assert [e.action for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))] == [
        "user.staff-verify",
        "user.staff-revoke",
    ]


def test_customer_verification_from_the_account_page(client, auth, forum, admin):
    auth.login(admin)
    back = f"/admin/users/{forum.member.id}"
    data = {"username": "mitglied", "customer_number": "55501234", "next": back}
    assert client.post("/staff/customers", data=data).location == back
    assert db.session.get(User, forum.member.id).is_verified_customer
    assert (
        client.post(f"/staff/customers/{forum.member.id}/revoke", data={"next": back}).location
        == back
    )
    verify, revoke = db.session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert (verify.action, revoke.action) == ("user.customer-verify", "user.customer-revoke")
    assert "55501234" not in verify.after  # masked in the log too


def test_suspensions_from_the_account_page_lead_back_to_it(client, auth, forum, admin):
    auth.login(admin)
    back = f"/admin/users/{forum.member.id}"
    page = client.get(back).text
    assert f'action="/u/{forum.member.username}/suspend"' in page
    answer = client.post(
        f"/u/{forum.member.username}/suspend", data={"days": 7, "reason": "Spam", "next": back}
    )
    assert answer.location == back
    assert "Spam" in client.get(back).text
    # Elsewhere than this site: back to the profile.
    answer = client.post(
        f"/u/{forum.member.username}/unsuspend", data={"next": "https://example.com/"}
    )
    assert answer.location == f"/u/{forum.member.username}"
    assert [e.action for e in _entries("user.suspend") + _entries("user.unsuspend")] == [
        "user.suspend",
        "user.unsuspend",
    ]
