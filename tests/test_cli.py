from sqlalchemy import func, select

from forum.extensions import db
from forum.models import Board, Post, Thread, User


def test_create_admin(runner, app):
    result = runner.invoke(
        args=["forum", "create-admin", "chefin", "chefin@example.test"],
        input="Ein sehr gutes Passwort\nEin sehr gutes Passwort\n",
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.username == "chefin"))
    assert user.is_admin and user.check_password("Ein sehr gutes Passwort")


def test_create_admin_refuses_taken_name(runner, app):
    args = ["forum", "create-admin", "chefin", "chefin@example.test", "--password", "x y z w v u"]
    runner.invoke(args=args)
    result = runner.invoke(args=[*args[:3], "andere@example.test", "--password", "x y z w v u"])
    assert result.exit_code != 0
    assert "already taken" in result.output


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
