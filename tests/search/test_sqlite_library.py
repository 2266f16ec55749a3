"""On SQLite, a delete takes the post's words out of the search index's storage entry by
entry (FTS5 secure-delete, migration 0016), which needs SQLite 3.42: the app opens SQLite
with such a library whatever Python links, and the migration refuses an older one rather
than leave deleted words behind. These run on a SQLite file of their own whichever
database the suite uses."""

import sqlite3

import pytest
from alembic import command
from flask import current_app
from flask_migrate import upgrade
from sqlalchemy import text

from app import create_app
from app.sqlite_driver import SECURE_DELETE_VERSION
from models import db


def _sqlite_app(base_config, tmp_path, **extra):
    url = f"sqlite:///{tmp_path / 'own.sqlite3'}"
    return create_app({**base_config, "SQLALCHEMY_DATABASE_URI": url, **extra})


def test_the_app_opens_sqlite_with_secure_delete_on_for_both_indexes(base_config, tmp_path):
    app = _sqlite_app(base_config, tmp_path)
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            version = connection.execute(text("SELECT sqlite_version()")).scalar_one()
            assert tuple(map(int, version.split("."))) >= SECURE_DELETE_VERSION
            for table in ("post_search", "thread_search"):
                setting = connection.execute(
                    text(f"SELECT v FROM {table}_config WHERE k = 'secure-delete'")
                ).scalar_one()
                assert setting == 1, table
        db.engine.dispose()


@pytest.mark.skipif(
    sqlite3.sqlite_version_info >= SECURE_DELETE_VERSION,
    reason="Python's own SQLite has secure-delete here",
)
def test_the_migration_refuses_a_sqlite_without_secure_delete(base_config, tmp_path):
    # Python's own, older SQLite, as a tool that opened the file directly would use.
    options = {"module": sqlite3}
    app = _sqlite_app(base_config, tmp_path, SQLALCHEMY_ENGINE_OPTIONS=options)
    with app.app_context():
        # Alembic itself (flask-migrate's upgrade() would log the error and exit).
        config = current_app.extensions["migrate"].migrate.get_config()
        with pytest.raises(RuntimeError, match="This migration needs SQLite 3.42 or later"):
            command.upgrade(config, "head")
        # Nothing of 0016 was left half done: the deletes still rewrite the index.
        with db.engine.connect() as connection:
            trigger = connection.execute(
                text("SELECT sql FROM sqlite_master WHERE name = 'post_search_post_update'")
            ).scalar_one()
            assert "optimize" in trigger
            assert (
                connection.execute(
                    text("SELECT count(*) FROM sqlite_master WHERE name = 'thread_search'")
                ).scalar_one()
                == 0
            )
        db.engine.dispose()
