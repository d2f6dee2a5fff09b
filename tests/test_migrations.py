from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from forum.extensions import db


def test_migrations_build_exactly_the_models(app):
    """The schema built by `flask db upgrade` has nothing more or less than the models."""
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == []
