"""The drawn avatar: initials on a colour of the account's own, escaped like any text."""

import pytest

from forum.avatars.services import initials
from forum.extensions import db
from forum.models import StaffVerification, utcnow

from ..factories import make_board, make_thread, make_user


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Jana Becker", "JB"),
        ("kundin", "K"),
        ("  Team   Technik Nord ", "TN"),
        ("émile zola", "ÉZ"),
        ('"><script>alert(1)</script>', "S"),
        ("!!! ???", ""),
    ],
)
def test_initials_are_letters_of_the_first_and_last_word(name, expected):
    assert initials(name) == expected


def test_hostile_names_cannot_inject_markup(client):
    user = make_user("<script>", display_name='"><img src=x onerror=alert(1)> Zorro')
    thread = make_thread(make_board(), user, "Router blinkt rot nach Gewitter")
    for url in ("/u/%3Cscript%3E", f"/t/{thread.id}-{thread.slug}"):
        page = client.get(url).text
        assert "<img src=x" not in page and "<script>" not in page
        assert f'data-hue="{user.id % 12}">IZ</span>' in page


def test_a_name_without_letters_falls_back_to_the_username(client):
    user = make_user("fragezeichen", display_name="???")
    assert f'data-hue="{user.id % 12}">F</span>' in client.get("/u/fragezeichen").text


def test_team_accounts_show_their_team(client):
    user = make_user("technik")
    db.session.add(
        StaffVerification(user_id=user.id, title="Team", team="Team Technik", is_team_account=True)
    )
    db.session.commit()
    assert ">TT</span>" in client.get("/u/technik").text


def test_deleted_account_gets_a_grey_avatar_without_initials_or_picture(client):
    user = make_user("geloescht", display_name="Gustav Gans")
    thread = make_thread(make_board(), user, "Router blinkt rot nach Gewitter")
    user.avatar_name = f"{'a' * 32}.webp"
    user.deleted_at = utcnow()
    db.session.commit()
    page = client.get(f"/t/{thread.id}-{thread.slug}").text
    assert '<span class="avatar avatar--m avatar--deleted" aria-hidden="true"></span>' in page
    assert "/avatars/" not in page and ">GG</span>" not in page
