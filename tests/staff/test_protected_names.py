"""The names of verified staff and team accounts are theirs alone."""

import pytest

from forum.extensions import db
from forum.models import StaffVerification

from ..factories import PASSWORD, make_user

IMITATIONS = [
    "Jana Becker",
    "Jana_Becker",
    "jana.becker1",
    "Jana Bеcker",  # Cyrillic е
    "Jana\u200bBecker",
    "Jana  Becker",
    "JANA-BECKER",
]
OWN_NAMES = ["Jana B.", "Janine Becker", "Jana", "Becker", "Jana Beckermann"]


@pytest.fixture
def jana(app):
    return make_user("jana.becker", staff=True, display_name="Jana Becker")


def _register(client, username):
    return client.post(
        "/register",
        data={
            "username": username,
            "email": "neu@example.org",
            "password": PASSWORD,
            "password_confirm": PASSWORD,
        },
    )


def _set_display_name(client, name):
    return client.post("/account/profile", data={"display_name": name, "bio": "", "locale": "de"})


@pytest.mark.parametrize("name", ["Jana_Becker", "jana.becker1", "JANA-BECKER", "Jana.Bеcker"])
def test_registering_a_staff_members_name_is_refused_next_to_the_field(client, jana, name):
    response = _register(client, name)
    assert response.status_code == 200
    assert 'id="username-error"' in response.text
    assert "leicht mit „Jana Becker“ verwechselt werden" in response.text
    assert f'value="{name}"' in response.text  # what was typed stays


@pytest.mark.parametrize("name", IMITATIONS)
def test_a_member_cannot_take_a_staff_members_display_name(client, auth, jana, name):
    member = make_user("kathi84")
    auth.login(member)
    response = _set_display_name(client, name)
    assert 'id="display_name-error"' in response.text
    assert "„Jana Becker“" in response.text
    db.session.refresh(member)
    assert member.display_name is None


@pytest.mark.parametrize("name", OWN_NAMES)
def test_names_that_only_resemble_a_staff_members_stay_allowed(client, auth, jana, name):
    member = make_user("kathi84")
    auth.login(member)
    assert _set_display_name(client, name).status_code == 302
    db.session.refresh(member)
    assert member.display_name == name


def test_a_staff_username_is_protected_as_well_as_the_display_name(client, jana):
    assert 'id="username-error"' in _register(client, "Jana_Becker").text
    jana.display_name = "Jana vom Kundenservice"
    db.session.commit()
    assert 'id="username-error"' in _register(client, "jana-becker").text


def test_a_staff_member_keeps_their_own_name(client, auth, jana):
    auth.login(jana)
    assert _set_display_name(client, "Jana Becker").status_code == 302


def test_a_team_account_is_protected_under_the_team_it_appears_as(client, auth, app):
    team = make_user("glasfaser-konto", display_name="Konto Glasfaser")
    db.session.add(
        StaffVerification(
            user_id=team.id, title="Ausbau", team="Glasfaser-Auskunft", is_team_account=True
        )
    )
    db.session.commit()
    auth.login(make_user("kathi84"))
    response = _set_display_name(client, "Glasfaser Auskunft")
    assert "„Glasfaser-Auskunft“" in response.text
    assert 'id="display_name-error"' in _set_display_name(client, "glasfaser.konto").text


def test_a_name_is_free_again_once_the_verification_is_revoked(client, auth, jana):
    jana.staff_verification.revoked_at = jana.created_at
    db.session.commit()
    auth.login(make_user("kathi84"))
    assert _set_display_name(client, "Jana Becker").status_code == 302
