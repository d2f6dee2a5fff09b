"""An FAQ made from a customer's case in the own-data export and in account deletion:
the customer's words are the customer's, not the staff member's who wrote them down."""

from forum import outbox
from forum.extensions import db
from forum.models import Post

from ..customers.faq_case import published_faq, solved_case
from ..factories import PASSWORD
from .test_export import _download


def test_the_staff_members_export_leaves_out_the_customers_words(client, auth, forum):
    published = published_faq(forum, solved := solved_case(forum))
    auth.login(forum.staff)
    data = _download(client)
    assert published.first_post_id not in [post["id"] for post in data["posts.json"]]
    assert published.id not in [thread["id"] for thread in data["threads.json"]]
    auth.logout()
    auth.login(solved.answerer)
    mine = [post["id"] for post in _download(client)["posts.json"]]
    assert published.solution_post_id in mine  # the answer is hers


def test_the_customers_export_names_the_faqs_made_from_their_cases(client, auth, forum):
    published = published_faq(forum, solved := solved_case(forum))
    auth.login(solved.customer)
    [entry] = _download(client)["faqs_from_my_cases.json"]
    assert entry["id"] == published.id and entry["from_case"] == solved.case.id
    assert entry["public"] is True and entry["objected_at"] is None


def test_a_staff_member_who_leaves_takes_no_customers_words_along(client, auth, forum):
    published = published_faq(forum, solved_case(forum))
    title = published.title
    auth.login(forum.staff)
    response = client.post(
        "/account/delete", data={"posts": "remove", "password": PASSWORD, "understood": "y"}
    )
    assert response.status_code == 302
    outbox.drain()
    db.session.refresh(published)
    question = db.session.get(Post, published.first_post_id)
    assert published.title == title and question.body_source and not question.is_hidden
    assert not published.is_private


def test_a_customer_who_removes_their_texts_removes_the_faq_too(client, auth, forum):
    published = published_faq(forum, solved := solved_case(forum))
    auth.login(solved.customer)
    response = client.post(
        "/account/delete", data={"posts": "remove", "password": PASSWORD, "understood": "y"}
    )
    assert response.status_code == 302
    outbox.drain()
    db.session.refresh(published)
    assert published.is_private and published.is_faq_draft and published.faq_objected_at
    question = db.session.get(Post, published.first_post_id)
    assert question.body_source == "" and question.is_hidden
    assert client.get(f"/t/{published.id}").status_code == 404
