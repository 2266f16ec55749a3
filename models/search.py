"""The full-text search indexes, which no model describes.

``post_search`` (an FTS5 table and its shadow tables on SQLite, a table with a GIN index
on PostgreSQL) is made by migration 0013_search, and ``thread_search`` (the opening posts alone, of
the same kind) by 0016; both are written only by their triggers, so they are
left out when the migrations are compared with the models.
"""

SEARCH_TABLES = ("post_search", "thread_search")


def outside_the_models(name: str | None, type_: str, _parent_names: dict) -> bool:
    """Alembic's ``include_name`` hook: False for the search indexes' tables and indexes."""
    if type_ in ("table", "index") and name:
        return not any(name == table or name.startswith(table + "_") for table in SEARCH_TABLES)
    return True
