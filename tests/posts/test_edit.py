import pytest

from forum.extensions import db
from forum.models import Post


def _first_post(forum):
    return db.session.get(Post, forum.thread.first_post_id)


def test_author_edits_own_post_and_it_shows_as_edited(client, forum, auth):
    auth.login(forum.author)
    post = _first_post(forum)
    response = client.post(f"/p/{post.id}/edit", data={"body": "Neuer *Text*", "submit": "1"})
    assert response.status_code == 302
    db.session.refresh(post)
    assert post.body_html == "<p>Neuer <em>Text</em></p>"
    assert post.edited_at is not None
    page = client.get(response.headers["Location"]).text
    assert "bearbeitet" in page


def test_saving_unchanged_text_does_not_mark_edited(client, forum, auth):
    auth.login(forum.author)
    post = _first_post(forum)
    client.post(f"/p/{post.id}/edit", data={"body": post.body_source, "submit": "1"})
    db.session.refresh(post)
    assert post.edited_at is None


@pytest.mark.parametrize(("who", "status"), [("member", 403), ("moderator", 200), ("admin", 200)])
def test_only_author_and_moderators_may_edit(client, forum, auth, who, status):
    auth.login(getattr(forum, who))
    assert client.get(f"/p/{forum.thread.first_post_id}/edit").status_code == status


def test_edit_link_only_on_own_posts(client, forum, auth):
    auth.login(forum.member)
    page = client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text
    assert f"/p/{forum.thread.first_post_id}/edit" not in page
    auth.logout()
    auth.login(forum.author)
    page = client.get(f"/t/{forum.thread.id}-{forum.thread.slug}").text
    assert f"/p/{forum.thread.first_post_id}/edit" in page


def test_author_cannot_edit_in_locked_thread(client, forum, auth):
    forum.thread.is_locked = True
    db.session.commit()
    auth.login(forum.author)
    assert client.get(f"/p/{forum.thread.first_post_id}/edit").status_code == 403
