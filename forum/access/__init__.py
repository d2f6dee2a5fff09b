from .permissions import Permission
from .policy import (
    Decision,
    NotAllowed,
    can,
    decide,
    ensure,
    load_or_404,
    readable_visibilities,
    require,
)
from .queries import readable_boards, readable_posts, readable_threads

__all__ = [
    "Decision",
    "NotAllowed",
    "Permission",
    "can",
    "decide",
    "ensure",
    "load_or_404",
    "readable_boards",
    "readable_posts",
    "readable_threads",
    "readable_visibilities",
    "require",
]
