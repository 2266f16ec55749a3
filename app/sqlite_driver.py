"""Which SQLite library the app opens its SQLite database with.

Deleting a post must take its words out of the database file at once (README, "When
you delete a post"), search index included. FTS5 does that entry by entry only from
SQLite 3.42 on (its ``secure-delete`` option, set by migration 0016); an older FTS5 could
only rewrite its whole index on each delete, which took 25 s at a million posts. Many
systems' Python still links an older SQLite (Debian 12: 3.40), so below 3.42 the app
uses ``sqlean`` (the sqlean-py package: the standard ``sqlite3`` module built with a
current SQLite, FTS5 included) instead.
"""

import sqlite3
from types import ModuleType

SECURE_DELETE_VERSION = (3, 42, 0)


def sqlite_module() -> ModuleType:
    """The DB-API module to open SQLite with: the standard library's when its SQLite
    has FTS5 secure-delete, otherwise sqlean's."""
    if sqlite3.sqlite_version_info >= SECURE_DELETE_VERSION:
        return sqlite3
    import sqlean

    return sqlean


def engine_options(url: str, options: dict | None = None) -> dict:
    """``options`` for ``create_engine(url, ...)``, with the SQLite module for a SQLite
    ``url`` (anything else is left as it is)."""
    options = dict(options or {})
    if url.startswith("sqlite"):
        options.setdefault("module", sqlite_module())
    return options
