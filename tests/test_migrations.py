"""The migrations build exactly the schema the models describe, on either database."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from models import db
from models.search import outside_the_models


def test_the_migrations_build_exactly_the_models_schema(app):
    # The session's schema was made by running every migration (tests/conftest.py).
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "include_name": outside_the_models},
        )
        differences = compare_metadata(context, db.metadata)
    assert differences == []
