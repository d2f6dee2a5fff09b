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
    """The thread documents someone may see, tested against the shared per-board
    sets of the searcher instead of a union copied per search (which took tens of
    milliseconds on a large index): in one of the readable boards, and either not
    private or one of the person's own cases."""

    def __init__(self, boards: list[set[int]], private: set[int] | None, own: set[int]):
        self.boards = [docs for docs in boards if docs]
        self.private = private or set()
        self.own = own

    def __contains__(self, docnum: int) -> bool:
        if docnum in self.private and docnum not in self.own:
            return False
        return any(docnum in docs for docs in self.boards)

    def __bool__(self) -> bool:
        return bool(self.boards)


def allowed_documents(cache, user) -> DocFilter:
    """The thread documents the access policy lets `user` see."""
    boards = [cache.docs("board", str(b)) for b in _readable_board_ids(user)]
    if sees_all_private_cases(user):
        return DocFilter(boards, None, set())
    own = set()
    if user.is_authenticated and not user.is_banned:
        own = set(Term("owner", str(user.id)).docs(cache.searcher))
    return DocFilter(boards, cache.docs("private", True), own)


def warm(cache) -> None:
    """Builds the sets every search filters with before a new searcher serves:
    on a large index this takes long enough to be noticed by the first search."""
    for value in cache.searcher.reader().lexicon("board"):
        cache.docs("board", value.decode() if isinstance(value, bytes) else value)
    for fieldname in ("private", "solved", "staff"):
        cache.docs(fieldname, True)
