"""Outage announcements: banner, status page, updates, followers, linked threads, feed."""

import pytest
from lxml import etree
from sqlalchemy import select

from forum import outbox
from forum.extensions import db
from forum.incidents import services
from forum.models import AuditEntry, Incident, Notification
from forum.support import services as support
from tests.factories import make_board, make_thread

ATOM = "{http://www.w3.org/2005/Atom}"


def _publish(forum, boards=(), title="Störung DSL in Kassel"):
    return services.publish(forum.staff, title, "Techniker sind unterwegs.", "major", "DSL", boards)


def _lines(user):
    outbox.drain()
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)))


@pytest.mark.parametrize(("role", "expected"), [("member", 404), ("moderator", 404)])
def test_only_staff_and_admins_announce(client, auth, forum, role, expected):
    auth.login(getattr(forum, role))
    assert client.get("/status/new").status_code == expected
    data = {"title": "Falsche Störung", "severity": "major", "body": "Nichts"}
    assert client.post("/status/new", data=data).status_code == expected
    assert db.session.scalars(select(Incident)).all() == []


def test_staff_announce_and_the_banner_shows_on_every_page_until_resolved(client, auth, forum):
    auth.login(forum.staff)
    answer = client.post(
        "/status/new",
        data={"title": "Störung DSL in Kassel", "severity": "major", "products": "DSL",
              "body": "Techniker sind unterwegs."},
    )  # fmt: skip
    assert answer.status_code == 302
    incident = db.session.scalars(select(Incident)).one()
    auth.logout()
    for url in (
        "/",
        f"/b/{forum.board.slug}",
        f"/t/{forum.thread.id}-{forum.thread.slug}",
        "/search",
    ):
        page = client.get(url).text
        assert "Bekannte Störung:" in page and "Störung DSL in Kassel" in page, url
    assert "Störung DSL in Kassel" in client.get("/status").text
    auth.login(forum.staff)
    client.post(f"/status/{incident.id}/updates", data={"body": "Behoben.", "resolves": "y"})
    auth.logout()
    assert "Bekannte Störung:" not in client.get("/").text
    status = client.get("/status").text
    assert "Kürzlich behoben" in status and "Störung DSL in Kassel" in status
    actions = [e.action for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["incident.publish", "incident.resolve"]


def test_a_board_incident_shows_only_in_its_board(client, forum):
    other = make_board("Mobilfunk", slug="mobil")
    elsewhere = make_thread(other, forum.member, "Handy ohne Netz")
    _publish(forum, boards=[forum.board])
    assert "Bekannte Störung:" in client.get(f"/b/{forum.board.slug}").text
    assert "Bekannte Störung:" in client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text
    assert "Bekannte Störung:" not in client.get(f"/b/{other.slug}").text
    assert "Bekannte Störung:" not in client.get(f"/t/{elsewhere.id}-{elsewhere.slug}").text
    assert "Bekannte Störung:" not in client.get("/").text


def test_followers_hear_of_updates_and_the_affected_of_the_end(client, auth, forum):
    incident = _publish(forum)
    auth.login(forum.member)
    client.post(f"/status/{incident.id}/follow", data={"following": "1"})
    auth.logout()
    support.report_affected(forum.customer, forum.thread)  # "same problem" on a linked thread
    auth.login(forum.staff)
    assert (
        client.post(f"/t/{forum.thread.id}/incident", data={"incident": incident.id}).status_code
        == 302
    )
    auth.logout()
    thread_page = client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text
    assert "Bekannte Störung:" in thread_page and f"/status/{incident.id}" in thread_page
    services.post_update(forum.staff, incident, "Ersatzteil bestellt.", resolves=False)
    assert [(n.event, n.action) for n in _lines(forum.member)] == [("incident", "update")]
    assert _lines(forum.customer) == []  # only followers hear of updates
    services.post_update(forum.staff, incident, "Alles läuft wieder.", resolves=True)
    assert ("incident", "resolved") in [(n.event, n.action) for n in _lines(forum.member)]
    assert [(n.event, n.action) for n in _lines(forum.customer)] == [("incident", "resolved")]
    assert [(n.event, n.action) for n in _lines(forum.author)] == [("incident", "resolved")]
    assert _lines(forum.staff) == []  # not told of their own update
    auth.login(forum.customer)
    assert "Behoben: Störung DSL in Kassel" in client.get("/notifications").text
    line = _lines(forum.customer)[0]
    assert client.get(f"/notifications/{line.id}").headers["Location"] == f"/status/{incident.id}"


@pytest.mark.parametrize("role", ["member", "moderator"])
def test_only_staff_link_threads_or_post_updates(client, auth, forum, role):
    incident = _publish(forum)
    auth.login(getattr(forum, role))
    assert (
        client.post(f"/t/{forum.thread.id}/incident", data={"incident": incident.id}).status_code
        == 404
    )
    assert client.post(f"/status/{incident.id}/updates", data={"body": "x"}).status_code == 404
    db.session.refresh(forum.thread)
    assert forum.thread.incident_id is None


def test_the_status_feed_is_atom(client, forum):
    incident = _publish(forum)
    services.post_update(forum.staff, incident, "Behoben.", resolves=True)
    _publish(forum, title="Wartung E-Mail heute Nacht")
    answer = client.get("/status/feed.atom")
    assert answer.status_code == 200 and answer.mimetype == "application/atom+xml"
    root = etree.fromstring(answer.data)
    assert root.tag == f"{ATOM}feed"
    titles = [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]
    assert titles == ["Wartung E-Mail heute Nacht", "Behoben: Störung DSL in Kassel"]


def test_an_incident_can_have_begun_before_its_announcement(client, auth, forum):
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    def local(hours_ago: float) -> str:
        moment = datetime.now(ZoneInfo("Europe/Berlin")) - timedelta(hours=hours_ago)
        return moment.strftime("%Y-%m-%dT%H:%M")

    auth.login(forum.staff)
    data = {"title": "Störung seit heute früh", "severity": "major", "body": "Wir suchen."}
    future = client.post("/status/new", data={**data, "started_at": local(-2)})
    assert future.status_code == 400 and "nicht in der Zukunft" in future.text
    assert 'value="Störung seit heute früh"' in future.text  # what was typed is kept
    ancient = client.post("/status/new", data={**data, "started_at": local(24 * 40)})
    assert ancient.status_code == 400
    assert client.post("/status/new", data={**data, "started_at": local(2)}).status_code == 302
    incident = db.session.scalars(select(Incident)).one()
    began_before = incident.created_at - incident.started_at
    assert timedelta(hours=1, minutes=58) < began_before < timedelta(hours=2, minutes=2)
