"""The download holds everything about the person, and nothing about anyone else."""

import io
import json
import zipfile

from forum.extensions import db
from forum.models import NameImitation, Post, Visibility
from forum.moderation import reports
from forum.notifications import follows
from forum.posts import services as posts
from forum.support import services as support

from ..factories import make_board, make_thread, make_user


def _download(client) -> dict:
    response = client.post("/account/data/export")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert "attachment" in response.headers["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        return {name: json.loads(archive.read(name)) for name in archive.namelist()}


def test_the_export_holds_my_data_and_nothing_of_others(client, auth):
    board = make_board()
    me = make_user("anna", display_name="Anna Apfel", bio="Ich wohne in Köln.", customer=True)
    other = make_user("berta", display_name="Berta Birne", email="berta.geheim@example.test")
    mine = make_thread(board, me, "Router blinkt rot", body="Mein Router blinkt seit gestern rot.")
    posts.reply(other, mine, "Bertas geheime Antwort mit Kundennummer 987654")
    theirs = make_thread(board, other, "Bertas eigenes Thema", body="Bertas Text")
    my_reply = posts.reply(me, theirs, "Annas Antwort")
    posts.edit_post(me, my_reply, "Annas Antwort, verbessert")
    support.report_affected(me, theirs)
    follows.set_thread_state(me, theirs, "muted")
    db.session.add(NameImitation(user_id=me.id, staff_id=other.id, name="Anna Apfel"))
    reports.report(me, db.session.get(Post, theirs.first_post_id), "spam", "Sieht nach Werbung aus")
    db.session.commit()

    auth.login(me)
    files = _download(client)
    dump = json.dumps(files, ensure_ascii=False)

    account = files["account.json"]
    assert account["username"] == "anna" and account["display_name"] == "Anna Apfel"
    assert account["email"] == "anna@example.test" and account["about_me"] == "Ich wohne in Köln."
    assert account["customer_verifications"][0]["customer_number"] == "1234567890"
    assert account["names_found_to_imitate_staff"][0]["name"] == "Anna Apfel"
    assert (
        len(account["logged_in_devices"]) == 1 and account["logged_in_devices"][0]["logged_in_at"]
    )
    texts = {post["text"] for post in files["posts.json"]}
    assert texts == {"Mein Router blinkt seit gestern rot.", "Annas Antwort, verbessert"}
    edited = next(p for p in files["posts.json"] if p["text"] == "Annas Antwort, verbessert")
    assert edited["earlier_versions"][0]["text"] == "Annas Antwort"
    assert [t["title"] for t in files["threads.json"]] == ["Router blinkt rot"]
    assert files["follows.json"]["same_problem"][0]["id"] == theirs.id
    assert any(t["muted"] for t in files["follows.json"]["threads"])
    assert files["reports.json"][0]["text"] == "Sieht nach Werbung aus"
    assert set(files["email_settings.json"]) >= {"reply", "mention"}

    for foreign in ("berta", "Berta Birne", "berta.geheim", "987654", "Bertas Text"):
        assert foreign not in dump


def test_a_thread_out_of_reach_is_named_by_number_only(client, auth):
    board = make_board()
    me = make_user("anna")
    thread = make_thread(board, me, "Geheimer Titel später", body="Mein Text")
    board.visibility = Visibility.STAFF
    db.session.commit()
    auth.login(me)
    files = _download(client)
    assert files["posts.json"][0]["thread"] == {"id": thread.id}
    assert "Geheimer Titel" not in json.dumps(files, ensure_ascii=False)


def test_the_export_needs_a_login_and_a_post(client):
    assert client.post("/account/data/export").status_code == 302
    assert client.get("/account/data/export").status_code == 405


def test_any_username_downloads(client, auth):
    auth.login(make_user("Łukasz"))
    response = client.post("/account/data/export")
    assert response.status_code == 200
    assert "filename=kundenforum-daten-" in response.headers["Content-Disposition"]
