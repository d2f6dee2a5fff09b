"""Accounts that took a staff member's name before that staff member was verified are
listed for the moderators, who look at them and mark them handled."""

import pytest
from sqlalchemy import select

from forum import outbox
from forum.extensions import db
from forum.models import AuditEntry, NameImitation, StaffVerification
from forum.moderation import board_moderators
from forum.staff import services as staff_services
from forum.staff.imitation import find_imitations
from tests.factories import make_user


@pytest.fixture
def imitators(forum):
    """Accounts made before jana.becker is verified: two imitate her, two do not."""
    return {
        "username": make_user("Jana_Becker"),
        "display_name": make_user("kathi84", display_name="Jana Bеcker"),  # Cyrillic е
        "namesake": make_user("janine", display_name="Janine Becker"),
        "admin": make_user("chefin", admin=True, display_name="Jana  Becker"),
    }


@pytest.fixture
def jana(forum):
    return make_user("jana.becker", display_name="Jana Becker")


def _verify_in_the_browser(client, auth, forum, jana):
    auth.login(forum.admin)
    answer = client.post(
        "/admin/staff",
        data={"username": jana.username, "title": "Kundenservice", "team": "Team DSL"},
    )
    assert answer.status_code == 302
    auth.logout()


def _listed(client):
    return client.get("/moderation/names").text


def test_verifying_staff_lists_the_accounts_that_now_imitate_them(
    client, auth, forum, imitators, jana
):
    _verify_in_the_browser(client, auth, forum, jana)
    auth.login(forum.moderator)
    page = _listed(client)
    assert 'href="/u/Jana_Becker"' in page and 'href="/u/kathi84"' in page
    assert "„Jana Bеcker“" in page
    assert "/u/janine" not in page and "/u/chefin" not in page  # a namesake; an admin
    assert 'href="/u/jana.becker"' in page and "Verifizierter Mitarbeiter" in page


def test_verifying_on_the_command_line_lists_them_after_the_commit(
    runner, client, auth, forum, imitators, jana
):
    result = runner.invoke(
        args=[
            *("forum", "verify-staff", "jana.becker", "--title", "Technik"),
            *("--team", "Team DSL", "--by", forum.admin.username),
        ]
    )
    assert result.exit_code == 0, result.output
    assert "/moderation/names" in result.output
    assert db.session.scalars(select(NameImitation)).all() == []  # not yet: in the outbox
    outbox.drain()
    listed = {entry.user_id for entry in db.session.scalars(select(NameImitation))}
    assert listed == {imitators["username"].id, imitators["display_name"].id}


def test_a_staff_member_who_renames_is_looked_for_under_the_new_name(client, auth, forum):
    weber = make_user("paul.weber1")
    auth.login(forum.staff)
    assert (
        client.post(
            "/account/profile", data={"display_name": "Paul Weber", "bio": "", "locale": "de"}
        ).status_code
        == 302
    )
    entry = db.session.scalar(select(NameImitation))
    assert (entry.user_id, entry.staff_id, entry.name) == (weber.id, forum.staff.id, "paul.weber1")


@pytest.mark.parametrize(
    ("role", "status"),
    [("member", 404), ("staff", 404), ("board_moderator", 404), ("moderator", 200), ("admin", 200)],
)
def test_only_moderators_and_admins_see_and_handle_the_list(
    client, auth, forum, imitators, jana, role, status
):
    staff_services.verify_staff(forum.admin, jana, "Kundenservice", "Team DSL")
    outbox.drain()
    entry = db.session.scalars(select(NameImitation)).first()
    if role == "board_moderator":
        person = make_user("bereichsmod")
        board_moderators.appoint(forum.admin, forum.board, person)
    else:
        person = getattr(forum, role)
    auth.login(person)
    assert client.get("/moderation/names").status_code == status
    answer = client.post(f"/moderation/names/{entry.id}/handled", data={"reason": "geprüft"})
    assert answer.status_code == (302 if status == 200 else 404)
    db.session.refresh(entry)
    assert (entry.handled_at is not None) is (status == 200)


def test_a_handled_entry_leaves_the_list_and_is_in_the_audit_log(
    client, auth, forum, imitators, jana
):
    staff_services.verify_staff(forum.admin, jana, "Kundenservice", "Team DSL")
    outbox.drain()
    entry = db.session.scalar(
        select(NameImitation).where(NameImitation.user_id == imitators["username"].id)
    )
    auth.login(forum.moderator)
    reports = client.get("/moderation/reports").text
    assert 'href="/moderation/names"' in reports and '<span class="count-badge">2</span>' in reports
    client.post(f"/moderation/names/{entry.id}/handled", data={"reason": "Namensvetterin"})
    page = _listed(client)
    assert 'href="/u/Jana_Becker"' not in page and 'href="/u/kathi84"' in page
    logged = db.session.scalar(
        select(AuditEntry).where(AuditEntry.action == "user.name-imitation-handled")
    )
    assert (logged.actor_id, logged.target_id, logged.reason) == (
        forum.moderator.id,
        imitators["username"].id,
        "Namensvetterin",
    )


def test_looking_again_lists_an_account_once_and_again_only_under_a_new_name(
    forum, imitators, jana
):
    staff_services.verify_staff(forum.admin, jana, "Kundenservice", "Team DSL")
    outbox.drain()
    assert len(find_imitations(jana.id)) == 2
    db.session.commit()
    assert len(db.session.scalars(select(NameImitation)).all()) == 2
    entry = db.session.scalar(
        select(NameImitation).where(NameImitation.user_id == imitators["display_name"].id)
    )
    entry.handled_at, entry.handled_by_id = entry.found_at, forum.moderator.id
    db.session.commit()
    find_imitations(jana.id)
    assert entry.handled_at is not None  # the same name: handled stays handled
    imitators["display_name"].display_name = "JANA BECKER"
    find_imitations(jana.id)
    assert entry.handled_at is None and entry.name == "JANA BECKER"


def test_one_command_looks_for_imitations_of_every_staff_member(runner, forum, imitators, jana):
    """For staff verified before names were compared: one pass over the accounts."""
    jana_staff = StaffVerification(user_id=jana.id, title="Kundenservice", team="Team DSL")
    db.session.add(jana_staff)
    copycat = make_user("mitarbeiter2")  # looks like forum.staff ("mitarbeiter")
    db.session.commit()
    result = runner.invoke(args=["forum", "find-name-imitations"])
    assert result.exit_code == 0, result.output
    assert "3 names" in result.output and "/moderation/names" in result.output
    found = {(e.user_id, e.staff_id) for e in db.session.scalars(select(NameImitation))}
    assert found == {
        (imitators["username"].id, jana.id),
        (imitators["display_name"].id, jana.id),
        (copycat.id, forum.staff.id),
    }
