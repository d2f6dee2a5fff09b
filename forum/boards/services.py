"""Shaping the forum: categories and boards are data, created here (and, later,
from the admin pages)."""

from slugify import slugify
from sqlalchemy import func, select

from ..extensions import db
from ..models import Board, Category, PostingPolicy, Visibility
from ..posts.services import SLUG_REPLACEMENTS


class SlugTaken(Exception):
    pass


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
    slug = slug or slugify(name, max_length=80, replacements=SLUG_REPLACEMENTS)
    if db.session.scalar(select(Board.id).where(Board.slug == slug)) is not None:
        raise SlugTaken(slug)
    category = db.session.scalar(select(Category).where(Category.name == category_name))
    if category is None:
        last = db.session.scalar(select(func.max(Category.position))) or 0
        category = Category(name=category_name, position=last + 1)
        db.session.add(category)
        db.session.flush()
    last_board = db.session.scalar(
        select(func.max(Board.position)).where(Board.category_id == category.id)
    )
    board = Board(
        category=category,
        name=name,
        slug=slug,
        description=description,
        visibility=visibility,
        posting_policy=posting_policy,
        is_support=is_support,
        position=(last_board or 0) + 1,
    )
    db.session.add(board)
    db.session.commit()
    return board
