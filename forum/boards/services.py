"""Shaping the forum: categories and boards are data, created here (and, later,
from the admin pages)."""

from slugify import slugify
from sqlalchemy import func, select

from ..extensions import db
from ..models import Board, Category, PostingPolicy, Visibility
from ..posts.services import SLUG_REPLACEMENTS

SLUG_MAX_LENGTH = 80


class SlugTaken(Exception):
    pass


def generated_slug(name: str) -> str:
    return slugify(
        name, max_length=SLUG_MAX_LENGTH, word_boundary=True, replacements=SLUG_REPLACEMENTS
    )


def next_category_position() -> int:
    return (db.session.scalar(select(func.max(Category.position))) or 0) + 1


def next_board_position(category: Category) -> int:
    """At the end of its category."""
    stmt = select(func.max(Board.position)).where(Board.category_id == category.id)
    return (db.session.scalar(stmt) or 0) + 1


def create_board(
    category_name: str,
    name: str,
    description: str = "",
    visibility: Visibility = Visibility.PUBLIC,
    posting_policy: PostingPolicy = PostingPolicy.MEMBERS,
    is_support: bool = True,
    slug: str | None = None,
) -> Board:
    """Adds a board at the end of its category; the category is created when new."""
    slug = slug or generated_slug(name)
    if db.session.scalar(select(Board.id).where(Board.slug == slug)) is not None:
        raise SlugTaken(slug)
    category = db.session.scalar(select(Category).where(Category.name == category_name))
    if category is None:
        category = Category(name=category_name, position=next_category_position())
        db.session.add(category)
        db.session.flush()
    board = Board(
        category=category,
        name=name,
        slug=slug,
        description=description,
        visibility=visibility,
        posting_policy=posting_policy,
        is_support=is_support,
        position=next_board_position(category),
    )
    db.session.add(board)
    db.session.commit()
    return board
