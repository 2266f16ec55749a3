"""Faults need a database of their own, so taking it away disturbs no other test."""

import contextlib
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from app import create_app
from models import db
from tests.load.conftest import (  # noqa: F401
    _migrate_and_warm_up,
    fresh_database_url,
    start_server,
)


@pytest.fixture
def own_db_app(base_config, fresh_database_url, model_cache):  # noqa: F811
    """An app on a fresh, migrated database of this run's kind."""
    _migrate_and_warm_up(fresh_database_url, model_cache)
    app = create_app({**base_config, "SQLALCHEMY_DATABASE_URI": fresh_database_url})
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@contextlib.contextmanager
def database_outage(app):
    """The app's database goes away for the duration, then comes back as it was.

    SQLite: the file is moved aside and a directory takes its place, so it cannot be
    opened. PostgreSQL: the database refuses new connections and the open ones are cut."""
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() == "sqlite":
        with app.app_context():
            db.engine.dispose()  # an open file would go on working after the move
        path = Path(url.database)
        aside = [
            (Path(f"{path}{suffix}"), Path(f"{path}{suffix}.away"))
            for suffix in ("", "-wal", "-shm")
            if Path(f"{path}{suffix}").exists()
        ]
        for live, away in aside:
            os.replace(live, away)
        path.mkdir()
        try:
            yield
        finally:
            shutil.rmtree(path)
            for live, away in aside:
                os.replace(away, live)
        return
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    name = url.database
    with admin.connect() as connection:
        connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
        connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :name AND pid <> pg_backend_pid()"
            ),
            {"name": name},
        )
    try:
        yield
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
        admin.dispose()
