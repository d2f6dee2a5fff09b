"""Full-text search with Whoosh: German-aware, filtered by the access policy, fed
from the outbox so that no post is ever lost or slowed by the index."""


def init_app(app) -> None:
    from .. import outbox
    from .filtering import warm
    from .indexer import run_batch
    from .store import IndexStore

    index_store = IndexStore(
        app.config["SEARCH_INDEX_PATH"], app.config["SEARCH_SYNC_REOPEN_DOCUMENTS"]
    )
    index_store.warm = warm
    app.extensions["search"] = index_store
    outbox.register("search", run_batch)
