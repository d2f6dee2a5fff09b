from sqlalchemy import func, select

from forum.extensions import db
from forum.models import Board, Post, Subscription, Thread, User


def test_create_admin(runner, app):
    result = runner.invoke(
        args=["forum", "create-admin", "chefin", "chefin@example.test"],
        input="Ein sehr gutes Passwort\nEin sehr gutes Passwort\n",
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.username == "chefin"))
    assert user.is_admin and user.check_password("Ein sehr gutes Passwort")


def test_create_admin_refuses_taken_name(runner, app):
    strong = ["--password", "Ein sehr gutes Passwort"]
    assert (
        runner.invoke(args=["forum", "create-admin", "chefin", "a@example.org", *strong]).exit_code
        == 0
    )
    result = runner.invoke(args=["forum", "create-admin", "Chefin", "b@example.org", *strong])
    assert result.exit_code != 0
    assert "already taken" in result.output


def test_create_admin_refuses_weak_password_and_bad_name(runner, app):
    weak = runner.invoke(
        args=["forum", "create-admin", "chefin", "a@example.org", "--password", "aaaaaaaaaaaa"]
    )
    assert weak.exit_code != 0 and "zu leicht" in weak.output
    odd = runner.invoke(
        args=[
            "forum",
            "create-admin",
            "<chef>",
            "a@example.org",
            "--password",
            "Ein sehr gutes Passwort",
        ]
    )
    assert odd.exit_code != 0 and "Buchstaben" in odd.output
    assert db.session.scalar(select(func.count(User.id))) == 0


def test_seed_demo_builds_a_german_community_once(runner, app):
    result = runner.invoke(args=["forum", "seed-demo"])
    assert result.exit_code == 0, result.output
    for login in ("mitglied", "kundin", "jana.becker", "moderator", "admin"):
        assert login in result.output
    boards = set(db.session.scalars(select(Board.name)))
    assert {
        "DSL & Festnetz",
        "E-Mail & Webmailer",
        "Hosting & Domains",
        "Mobilfunk",
        "Vertrag & Rechnung",
    } <= boards
    threads = db.session.scalar(select(func.count(Thread.id)))
    posts = db.session.scalar(select(func.count(Post.id)))
    assert threads >= 300 and posts > threads * 2
    board = db.session.scalar(select(Board).where(Board.slug == "dsl-festnetz"))
    counted = db.session.scalar(select(func.count(Thread.id)).where(Thread.board_id == board.id))
    assert board.thread_count == counted
    # Everyone follows the threads they wrote in, as if they had written through the forum.
    writers = db.session.execute(select(Post.author_id, Post.thread_id).distinct()).all()
    followed = db.session.execute(select(Subscription.user_id, Subscription.thread_id)).all()
    assert set(writers) == set(followed)
    again = runner.invoke(args=["forum", "seed-demo"])
    assert "kept as it is" in again.output
    assert db.session.scalar(select(func.count(Thread.id))) == threads


def test_bulk_seed_adds_the_requested_posts(runner, app):
    result = runner.invoke(args=["forum", "seed", "--posts", "3000"])
    assert result.exit_code == 0, result.output
    bulk_posts = db.session.scalar(
        select(func.count(Post.id))
        .join(User, Post.author_id == User.id)
        .where(User.username.like("nutzer%"))
    )
    assert bulk_posts == 3000
    thread = db.session.scalar(select(Thread).order_by(Thread.id.desc()).limit(1))
    assert thread.first_post_id is not None and thread.post_count >= 1


def test_create_board_adds_board_and_category(runner, app, client):
    result = runner.invoke(
        args=["forum", "create-board", "Technik", "Glasfaser & FTTH", "--visibility", "customers"]
    )
    assert result.exit_code == 0, result.output
    board = db.session.scalar(select(Board).where(Board.name == "Glasfaser & FTTH"))
    assert board.slug == "glasfaser-ftth" and board.visibility == "customers"
    assert board.category.name == "Technik"
    again = runner.invoke(args=["forum", "create-board", "Technik", "Glasfaser & FTTH"])
    assert again.exit_code != 0 and "exists already" in again.output


def test_demo_and_bulk_data_are_refused_in_production(runner, app):
    app.testing = False
    app.config["DEVELOPMENT"] = False
    for args in (["forum", "seed-demo"], ["forum", "seed", "--posts", "10"]):
        result = runner.invoke(args=args)
        assert result.exit_code != 0 and "development only" in result.output
    assert db.session.scalar(select(func.count(User.id))) == 0
