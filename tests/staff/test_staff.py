"""Verified staff: who may verify, the badge, imitation, the queue and case managers."""

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import CaseAssignment, StaffVerification, User
from forum.posts import services as posts
from forum.staff import services as staff_services

from ..factories import PASSWORD, make_board, make_thread, make_user

BADGE = "Verifizierter Mitarbeiter"


def test_staff_posts_carry_the_badge_with_title_and_team(client, forum):
    posts.reply(forum.staff, forum.thread, "Wir kümmern uns.")
    page = client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text
    assert page.count(BADGE) == 1
    assert "Kundenservice · Team Technik" in page
    assert 'href="/staff"' in page


def test_revoking_removes_the_badge_from_earlier_posts(client, runner, forum):
    posts.reply(forum.staff, forum.thread, "Alte Antwort vom Service.")
    result = runner.invoke(args=["forum", "revoke-staff", "mitarbeiter", "--by", "verwalter"])
    assert result.exit_code == 0, result.output
    page = client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text
    assert "Alte Antwort vom Service." in page and BADGE not in page
    revoked = db.session.scalar(select(StaffVerification))
    assert revoked.revoked_at is not None and revoked.revoked_by_id == forum.admin.id


def test_cli_verification_records_the_admin_and_refuses_twice(runner, app):
    jana, chefin = make_user("jana"), make_user("chefin", admin=True)
    make_user("kollege")
    base = ["forum", "verify-staff", "jana", "--title", "Technik", "--team", "Team DSL"]
    refused = runner.invoke(args=[*base, "--by", "kollege"])
    assert refused.exit_code != 0 and "not an admin" in refused.output
    assert runner.invoke(args=[*base, "--by", "chefin"]).exit_code == 0
    verification = db.session.scalar(select(StaffVerification))
    assert verification.user_id == jana.id and verification.verified_by_id == chefin.id
    again = runner.invoke(args=[*base, "--by", "chefin"])
    assert again.exit_code != 0 and "already" in again.output
    assert (
        runner.invoke(
            args=["forum", "verify-staff", "niemand", "--title", "x", "--team", "y"]
        ).exit_code
        != 0
    )


@pytest.mark.parametrize(
    ("role", "status"), [("member", 404), ("staff", 404), ("moderator", 404), ("admin", 200)]
)
def test_only_admins_reach_staff_management(client, auth, forum, role, status):
    auth.login(getattr(forum, role))
    assert client.get("/admin/staff").status_code == status
    response = client.post("/admin/staff", data={"username": "mitglied", "title": "X", "team": "Y"})
    assert response.status_code == (302 if role == "admin" else 404)
    db.session.refresh(forum.member)
    assert forum.member.is_staff is (role == "admin")


def test_admin_verifies_and_revokes_in_the_browser_pages(client, auth, forum):
    auth.login(forum.admin)
    client.post(
        "/admin/staff",
        data={"username": "mitglied", "title": "Kundenservice Mobilfunk", "team": "Team Mobil"},
    )
    verification = db.session.scalar(
        select(StaffVerification).where(StaffVerification.user_id == forum.member.id)
    )
    assert verification.verified_by_id == forum.admin.id
    client.post(f"/admin/staff/{forum.member.id}/revoke")
    db.session.refresh(verification)
    assert verification.revoked_by_id == forum.admin.id
    db.session.refresh(forum.member)
    assert not forum.member.is_staff


def test_public_staff_page_lists_staff_and_explains_the_badge(client, forum):
    page = client.get("/staff").text
    assert "mitarbeiter" in page and "Nur die Administratoren" in page


def test_team_accounts_appear_as_the_team(client, app, forum):
    team = make_user("service-konto")
    db.session.add(
        StaffVerification(
            user_id=team.id, title="Hotline", team="Team Kundenservice", is_team_account=True
        )
    )
    db.session.commit()
    posts.reply(team, forum.thread, "Wir sind für Sie da.")
    page = client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text
    assert "Team Kundenservice" in page and "Offizielles Team-Konto" in page
    assert ">service-konto<" not in page


@pytest.mark.parametrize(
    "name",
    [
        "Support",
        "Telekom-Hilfe",
        "Kunden Service",
        "M0derator",
        "Team_Technik",
        "Adrnin",
        "Mitarbeiter Jana",
    ],
)
def test_members_cannot_take_official_names(client, auth, app, name):
    response = client.post(
        "/register",
        data={
            "username": name.replace(" ", "."),
            "email": "x@example.org",
            "password": PASSWORD,
            "password_confirm": PASSWORD,
        },
    )
    assert 'id="username-error"' in response.text and "offiziellen Namen" in response.text
    user = make_user("normalo")
    auth.login(user)
    response = client.post(
        "/account/profile", data={"display_name": name, "bio": "", "locale": "de"}
    )
    assert 'id="display_name-error"' in response.text
    db.session.refresh(user)
    assert user.display_name is None and not user.is_staff


def test_staff_may_use_official_display_names(client, auth, forum):
    auth.login(forum.staff)
    response = client.post(
        "/account/profile",
        data={"display_name": "Jana vom Kundenservice", "bio": "", "locale": "de"},
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("role", "status"),
    [("guest", 302), ("member", 404), ("moderator", 404), ("staff", 200), ("admin", 200)],
)
def test_staff_area_exists_only_for_staff(client, auth, forum, role, status):
    if role != "guest":
        auth.login(getattr(forum, role))
    for url in ("/staff/queue", "/staff/cases", "/staff/dashboard"):
        assert client.get(url).status_code == status


def test_queue_lists_questions_without_staff_reply_oldest_first(client, auth, forum):
    from .test_dashboard import backdate_question

    newer = make_thread(forum.board, forum.member, "Neuere Frage ohne Antwort")
    answered = make_thread(forum.board, forum.member, "Schon beantwortet")
    posts.reply(forum.staff, answered, "Erledigt.")
    backdate_question(forum.thread, days=3)
    auth.login(forum.staff)
    page = client.get("/staff/queue").text
    assert page.index(forum.thread.title) < page.index(newer.title)
    assert answered.title not in page
    assert "3 Tage" in page


def test_queue_of_customers_who_wrote_again(client, auth, forum):
    from datetime import timedelta

    from forum.models import utcnow

    early = make_thread(forum.board, forum.member, "Kunde meldet sich früh wieder")
    late = make_thread(forum.board, forum.member, "Kunde meldet sich später wieder")
    quiet = make_thread(forum.board, forum.member, "Kunde ist zufrieden")
    for thread in (early, late, quiet):
        posts.reply(forum.staff, thread, "Bitte Router neu starten.")
    posts.reply(forum.member, early, "Hat nicht geholfen.")
    early.waiting_since = utcnow() - timedelta(days=2, hours=5)
    db.session.commit()
    posts.reply(forum.member, late, "Immer noch kaputt.")
    posts.reply(forum.member, early, "Hallo? Noch jemand da?")  # must not reset the wait
    auth.login(forum.staff)
    page = client.get("/staff/queue?tab=again").text
    assert quiet.title not in page and forum.thread.title not in page
    assert page.index(early.title) < page.index(late.title)
    assert "2 Tage, 5 Std." in page


def test_queue_filters_by_board_and_sorts_by_affected(client, auth, forum):
    other_board = make_board("Mobilfunk", slug="mobilfunk")
    mobile = make_thread(other_board, forum.member, "Kein Netz in Kassel")
    widespread = make_thread(forum.board, forum.member, "Störung in ganz Hessen")
    for number in range(3):
        helper = make_user(f"betroffen{number}")
        from forum.support import services as support

        support.report_affected(helper, widespread)
    auth.login(forum.staff)
    page = client.get(f"/staff/queue?board={forum.board.id}&sort=affected").text
    assert mobile.title not in page
    assert page.index(widespread.title) < page.index(forum.thread.title)


@pytest.mark.parametrize(
    ("role", "status"),
    [("member", 403), ("author", 403), ("moderator", 403), ("staff", 302), ("admin", 302)],
)
def test_assigning_a_case_manager_matrix(client, auth, forum, role, status):
    auth.login(getattr(forum, role))
    response = client.post(f"/t/{forum.thread.id}/case-manager", data={"staff_id": forum.staff.id})
    assert response.status_code == status
    db.session.refresh(forum.thread)
    assert (forum.thread.case_manager_id == forum.staff.id) is (status == 302)


def test_only_staff_can_become_case_manager(client, auth, forum):
    auth.login(forum.staff)
    response = client.post(f"/t/{forum.thread.id}/case-manager", data={"staff_id": forum.member.id})
    assert response.status_code == 400
    db.session.refresh(forum.thread)
    assert forum.thread.case_manager_id is None


def test_case_manager_hand_over_is_recorded_and_shown(client, auth, forum):
    colleague = make_user("kollege", staff=True)
    auth.login(forum.staff)
    client.post(f"/t/{forum.thread.id}/case-manager", data={"staff_id": forum.staff.id})
    assert forum.thread.title in client.get("/staff/cases").text
    client.post(f"/t/{forum.thread.id}/case-manager", data={"staff_id": colleague.id})
    assert forum.thread.title not in client.get("/staff/cases").text
    history = db.session.scalars(select(CaseAssignment).order_by(CaseAssignment.id)).all()
    assert [a.staff_id for a in history] == [forum.staff.id, colleague.id]
    assert history[0].ended_at is not None and history[1].ended_at is None
    auth.logout()
    auth.login(forum.author)
    page = client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text
    assert "Ihr Ansprechpartner:" in page and "kollege" in page
    assert "übergeben" in page


def test_revoking_staff_returns_their_cases_to_the_queue(client, runner, auth, forum):
    auth.login(forum.staff)
    client.post(f"/t/{forum.thread.id}/case-manager", data={"staff_id": forum.staff.id})
    runner.invoke(args=["forum", "revoke-staff", "mitarbeiter", "--by", "verwalter"])
    db.session.refresh(forum.thread)
    assert forum.thread.case_manager_id is None
    assert db.session.scalar(select(CaseAssignment)).ended_at is not None


def test_case_history_is_for_staff_and_the_asker_only(client, auth, forum):
    colleague = make_user("kollege", staff=True)
    auth.login(forum.staff)
    for person in (forum.staff, colleague):
        client.post(f"/t/{forum.thread.id}/case-manager", data={"staff_id": person.id})
    auth.logout()
    url = f"/t/{forum.thread.id}-{forum.thread.slug}"
    assert "zugewiesen von" not in client.get(url).text
    auth.login(forum.member)
    assert "zugewiesen von" not in client.get(url).text
    auth.logout()
    auth.login(forum.author)
    assert "zugewiesen von" in client.get(url).text


@pytest.mark.parametrize("name", ["Jana ✔", "✓ Jana", "Geprüft ☑"])
def test_check_marks_that_look_like_the_badge_are_refused(client, auth, app, name):
    auth.login(make_user("jana"))
    response = client.post(
        "/account/profile", data={"display_name": name, "bio": "", "locale": "de"}
    )
    assert 'id="display_name-error"' in response.text


@pytest.mark.parametrize(
    ("display_name", "kept"),
    [("Jana vom Kundenservice", None), ("Support-Jana", None), ("Jana Becker", "Jana Becker")],
)
def test_a_former_staff_member_keeps_no_official_looking_name(forum, display_name, kept):
    jana = make_user("jana.b", staff=True, display_name=display_name)
    staff_services.revoke_staff(forum.admin, jana)
    db.session.expire_all()
    assert db.session.get(User, jana.id).display_name == kept
