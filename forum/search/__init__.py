"""Full-text search, German-aware, filtered by the access policy, never losing a
post: behind one interface (backend.py) with two engines, Whoosh on this
machine's disk (default) or PostgreSQL shared by every machine."""

from .postgres import tables  # noqa: F401 (the search tables belong to the schema)


def init_app(app) -> None:
    from .. import outbox
    from .backend import backend, choose

    app.extensions["search_backend"] = choose(app)
    # Rebuild requests (and, for Whoosh, every index task) are drained by the app
    # whose context the drain runs in.
    outbox.register("search", lambda: backend().run_batch())
