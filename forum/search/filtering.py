"""The access policy inside the index: which thread documents someone may see.

Documents carry their board, privacy and owner; which boards are readable comes
from the policy and the database per search, so a board's new visibility counts
at once, without reindexing."""

from sqlalchemy import select
from whoosh.query import Term

from ..access.policy import readable_visibilities, sees_all_private_cases
from ..extensions import db
from ..models import Board


def _readable_board_ids(user) -> list[int]:
    visibilities = sorted(readable_visibilities(user))
    return list(db.session.scalars(select(Board.id).where(Board.visibility.in_(visibilities))))


class DocFilter:
    """The thread documents someone may see: a union of shared, cached sets, tested
    member by member instead of being copied into a new set per search."""

    def __init__(self, *sets: set[int]) -> None:
        self.sets = [docs for docs in sets if docs]

    def __contains__(self, docnum: int) -> bool:
        return any(docnum in docs for docs in self.sets)

    def __bool__(self) -> bool:
        return bool(self.sets)


def allowed_documents(cache, user) -> DocFilter:
    """The thread documents the access policy lets `user` see."""
    boards = tuple(_readable_board_ids(user))

    def in_boards():
        return set().union(*(cache.docs("board", str(b)) for b in boards))

    readable = cache.memo(("boards", boards), in_boards)
    if sees_all_private_cases(user):
        return DocFilter(readable)
    public = cache.memo(("public", boards), lambda: readable - cache.docs("private", True))
    if not user.is_authenticated or user.is_banned:
        return DocFilter(public)
    own_cases = set(Term("owner", str(user.id)).docs(cache.searcher)) & readable
    return DocFilter(public, own_cases)


def warm(cache) -> None:
    """Builds the sets every search filters with before a new searcher serves:
    on a large index this takes long enough to be noticed by the first search."""
    for value in cache.searcher.reader().lexicon("board"):
        cache.docs("board", value.decode() if isinstance(value, bytes) else value)
    for fieldname in ("private", "solved", "staff"):
        cache.docs(fieldname, True)
