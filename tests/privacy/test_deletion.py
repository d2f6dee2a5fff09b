"""Deleting one's account: nothing personal remains on pages, in search or feeds."""

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import (
    AuditEntry,
    LoginSession,
    NameImitation,
    Notification,
    Post,
    PostRevision,
    Subscription,
    Thread,
    User,
)
from forum.posts import services as posts
from forum.support import services as support

from ..factories import PASSWORD, make_board, make_thread, make_user

PERSONAL = ("anna", "Anna Apfel", "anna@example.test", "Köln")


def _delete(client, choice="keep", password=PASSWORD, understood="y"):
    return client.post(
        "/account/delete", data={"posts": choice, "password": password, "understood": understood}
    )


@pytest.fixture
def anna_wrote(client, auth):
    board = make_board("Router", slug="router")
    anna = make_user("anna", display_name="Anna Apfel", bio="Ich wohne in Köln.")
    other = make_user("berta")
    thread = make_thread(board, other, "WLAN bricht ständig ab", body="Seit Montag.")
    reply = posts.reply(anna, thread, "Bei mir hilft Kanal elf gegen Funkloch")
    posts.edit_post(anna, reply, "Bei mir hilft Kanal elf gegen Funkloecher")
    support.report_affected(anna, thread)
    own = make_thread(board, anna, "Frage zur Rechnung", body="Rechnung doppelt abgebucht")
    auth.login(anna)
    return anna, thread, own


def _everything_public(client, thread, own) -> str:
    pages = [
        client.get(f"/t/{thread.id}", follow_redirects=True).text,
        client.get(f"/t/{own.id}", follow_redirects=True).text,
        client.get("/b/router").text,
        client.get("/feeds/threads.atom").text,
        client.get(f"/t/{thread.id}/feed.atom").text,
        client.get("/search?q=Kanal").text,
        client.get("/search?q=Rechnung").text,
    ]
    return "\n".join(pages)


def test_keeping_posts_shows_them_as_a_deleted_users(client, anna_wrote):
    anna, thread, own = anna_wrote
    response = _delete(client)
    assert response.status_code == 302
    assert client.get("/account/data").status_code == 302  # logged out

    seen = _everything_public(client, thread, own)
    for personal in PERSONAL:
        assert personal not in seen
    assert "Gelöschter Nutzer" in seen
    assert "Kanal elf" in seen  # the text stays, also in search
    assert client.get("/u/anna").status_code == 404
    assert "search-hit" in client.get("/search?q=Kanal").text
    assert "search-hit" not in client.get("/search?q=von:anna").text

    user = db.session.get(User, anna.id)
    assert user.deleted_at is not None and user.display_name is None and user.bio is None
    assert user.email != "anna@example.test"
    assert db.session.scalar(select(Subscription).where(Subscription.user_id == anna.id)) is None
    assert db.session.scalar(select(Thread.affected_count).where(Thread.id == thread.id)) == 0
    response = client.post("/login", data={"login": "anna", "password": PASSWORD})
    assert response.status_code == 200 and "falsch" in response.text


def test_removing_posts_removes_their_texts_everywhere(client, anna_wrote):
    anna, thread, own = anna_wrote
    moderator = make_user("mod", moderator=True)
    first = db.session.get(Post, own.first_post_id)
    posts.edit_post(moderator, first, "Rechnung doppelt abgebucht, IBAN DE12", reason="Tippfehler")
    assert _delete(client, choice="remove").status_code == 302
    seen = _everything_public(client, thread, own)
    for text in ("Kanal elf", "Funkloch", "Rechnung doppelt", "Frage zur Rechnung"):
        assert text not in seen
    assert "Thema eines gelöschten Kontos" in seen
    audited = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "post.edit")).all()
    assert audited and all(e.before is None and e.after is None for e in audited)
    assert "Der Verfasser hat diesen Beitrag mit seinem Konto gelöscht." in seen
    stored = db.session.scalars(select(Post).where(Post.author_id == anna.id)).all()
    assert stored and all(post.body_source == "" and post.is_hidden for post in stored)
    assert (
        db.session.scalars(
            select(PostRevision).where(PostRevision.post_id.in_([p.id for p in stored]))
        ).all()
        == []
    )


def test_the_audit_log_records_it_without_personal_data(client, anna_wrote):
    anna, _, _ = anna_wrote
    _delete(client)
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "user.delete")).one()
    assert entry.target_id == anna.id
    recorded = f"{entry.reason} {entry.before} {entry.after}"
    for personal in PERSONAL:
        assert personal not in recorded


def test_the_address_is_free_again_but_the_name_stays_reserved(client, anna_wrote):
    """Old @mentions and links to /u/anna must not lead to a newcomer."""
    _delete(client)

    def register(name):
        data = {"email": "anna@example.com", "password": PASSWORD, "password_confirm": PASSWORD}
        return client.post("/register", data={**data, "username": name})

    taken = register("ANNA")
    assert taken.status_code == 200 and "bereits vergeben" in taken.text
    assert register("anna_neu").status_code == 200
    user = db.session.scalar(select(User).where(User.username == "anna_neu"))
    assert user.email == "anna@example.com"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"password": "falsch"}, "Passwort ist falsch"),
        ({"understood": ""}, "Bitte bestätigen Sie"),
        ({"choice": "alles"}, "Not a valid choice"),
    ],
)
def test_a_refused_deletion_changes_nothing(client, anna_wrote, data, message):
    anna, _, _ = anna_wrote
    response = _delete(client, **data)
    assert response.status_code == 400
    assert db.session.get(User, anna.id).deleted_at is None
    assert client.get("/account/data").status_code == 200


def test_the_last_admin_cannot_leave(client, auth):
    admin = make_user("chefin", admin=True)
    auth.login(admin)
    response = _delete(client)
    assert response.status_code == 403 and "letzte Admin" in response.text
    assert db.session.get(User, admin.id).deleted_at is None


def test_the_persons_notifications_and_devices_go_with_the_account(client, anna_wrote):
    anna, _, _ = anna_wrote
    _delete(client)
    assert db.session.scalar(select(Notification).where(Notification.user_id == anna.id)) is None
    assert db.session.scalar(select(LoginSession).where(LoginSession.user_id == anna.id)) is None


def test_a_name_found_to_imitate_staff_goes_with_the_account(client, anna_wrote):
    anna, thread, _ = anna_wrote
    db.session.add(NameImitation(user_id=anna.id, staff_id=thread.author_id, name="Anna Apfel"))
    db.session.commit()
    _delete(client)
    assert db.session.scalar(select(NameImitation)) is None


def test_nobody_can_block_a_deletion_by_taking_the_placeholder_name(client, anna_wrote):
    anna, _, _ = anna_wrote
    make_user(f"deleted-{anna.id}")
    assert _delete(client).status_code == 302
    assert db.session.get(User, anna.id).deleted_at is not None


def test_a_staff_members_cases_go_back_to_the_queue(client, auth):
    from forum.staff import services as staff_services

    board = make_board()
    customer = make_user("kunde", customer=True)
    case = make_thread(board, customer, "Rechnung falsch")
    staff = make_user("service", staff=True)
    staff_services.assign_case(staff, case, staff)
    auth.login(staff)
    assert _delete(client).status_code == 302
    assert db.session.get(Thread, case.id).case_manager_id is None


@pytest.fixture
def limited(app_config):
    app_config["RATELIMIT_ENABLED"] = True


def test_wrong_passwords_are_limited(limited, client, anna_wrote):
    answers = [_delete(client, password=f"falsch{n}").status_code for n in range(6)]
    assert answers == [400] * 5 + [429]
