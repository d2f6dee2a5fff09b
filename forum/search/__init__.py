"""Full-text search with Whoosh: German-aware, filtered by the access policy, fed
from the outbox so that no post is ever lost or slowed by the index."""


def init_app(app) -> None:
    from .. import outbox
    from .indexer import run_batch
    from .store import IndexStore

    app.extensions["search"] = IndexStore(app.config["SEARCH_INDEX_PATH"])
    outbox.register("search", run_batch)
