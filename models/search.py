"""The full-text search index, which no model describes.

``post_search`` (an FTS5 table and its shadow tables on SQLite, a table with a GIN index
on PostgreSQL) is made by migration 0013_search and written only by its triggers, so it
is left out when the migrations are compared with the models.
"""

SEARCH_TABLE = "post_search"


def outside_the_models(name: str | None, type_: str, _parent_names: dict) -> bool:
    """Alembic's ``include_name`` hook: False for the search index's tables and indexes."""
    if type_ in ("table", "index") and name:
        return not (name == SEARCH_TABLE or name.startswith(SEARCH_TABLE + "_"))
    return True
