"""search at a million posts: deletes at bounded cost, a threads-only index

Revision ID: 0016
Revises: 0014
Create Date: 2026-12-06 07:50:00.000000

SQLite: the FTS5 index takes a post's words out of its storage entry by entry as the post
leaves it (``secure-delete``, SQLite 3.42 and later: app/sqlite_driver.py opens the
database with such a SQLite), so the update trigger no longer rewrites the whole index
('optimize') when a post is deleted, which took 25 s at a million posts. The index is
made again with prefix indexes of 3, 4 and 5 letters, so "heal*" reads one list rather
than merging those of every word beginning "heal". A second FTS5
table, ``thread_search``, holds the opening posts alone (title and body; rowid = post
id), a tenth of the posts, for the "threads only" filter, kept by triggers of its own.

PostgreSQL: ``thread_search`` too, the opening posts' rows of ``post_search`` (post id and
document, with a GIN index), copied by a trigger on ``post_search``. Read newest first,
a tenth of the rows lie together in it that lie a page apart in ``post_search``.

SQLite's triggers name ``threads`` and ``posts``, like 0013's: a later migration that
rebuilds either table on SQLite must drop them first and create them again after.
"""

import sqlite3

from alembic import op

revision = "0016"
down_revision = "0014"
branch_labels = None
depends_on = None

# --- SQLite ----------------------------------------------------------------------

_TOKENIZER = "tokenize = 'unicode61 remove_diacritics 0'"

# 0013's statement for post_search, kept here so the triggers below do not depend on
# another migration's module.
_INDEX_POSTS = """
    INSERT INTO post_search (rowid, title, body, kind)
    SELECT p.id, CASE WHEN p.is_opening THEN t.title ELSE '' END, p.body,
        CASE WHEN p.is_opening THEN 'opening' ELSE 'reply' END
    FROM posts p JOIN threads t ON t.id = p.thread_id
    WHERE {which} AND p.status = 'published' AND t.status = 'published';
"""

# An opening post, published in a published thread: its thread's title and its body.
INDEX_OPENINGS = """
    INSERT INTO thread_search (rowid, title, body)
    SELECT p.id, t.title, p.body
    FROM posts p JOIN threads t ON t.id = p.thread_id
    WHERE {which} AND p.is_opening AND p.status = 'published' AND t.status = 'published';
"""

# 0013's update trigger rewrote the index on a delete; this one leaves it to secure-delete.
_POST_UPDATE = f"""CREATE TRIGGER post_search_post_update
    AFTER UPDATE OF body, status, is_opening, thread_id ON posts BEGIN
    DELETE FROM post_search WHERE rowid = old.id;
    {_INDEX_POSTS.format(which="p.id = new.id")}
END"""

_POST_UPDATE_0013 = f"""CREATE TRIGGER post_search_post_update
    AFTER UPDATE OF body, status, is_opening, thread_id ON posts BEGIN
    DELETE FROM post_search WHERE rowid = old.id;
    {_INDEX_POSTS.format(which="p.id = new.id")}
    INSERT INTO post_search (post_search) SELECT 'optimize'
    WHERE new.status = 'deleted' AND old.status <> 'deleted';
END"""

# The opening-post index's insert trigger: bench/seed.py drops it during a bulk fill and
# indexes the new openings in one statement after, with INDEX_OPENINGS.
OPENING_INSERT_TRIGGER = "thread_search_post_insert"

# A prefix query ("heal*") of 3 to 5 letters reads one list of its own in such an index
# instead of merging the lists of every word it begins (all their posts, however many).
_PREFIXES = "prefix = '3 4 5'"

SQLITE_UP = [
    # Made again, to add the prefix indexes (an FTS5 table cannot be altered).
    "DROP TABLE post_search",
    f"CREATE VIRTUAL TABLE post_search USING fts5(title, body, kind, {_TOKENIZER}, {_PREFIXES})",
    "INSERT INTO post_search (post_search, rank) VALUES ('secure-delete', 1)",
    _INDEX_POSTS.format(which="1 = 1"),
    "DROP TRIGGER post_search_post_update",
    _POST_UPDATE,
    f"CREATE VIRTUAL TABLE thread_search USING fts5(title, body, {_TOKENIZER}, {_PREFIXES})",
    "INSERT INTO thread_search (thread_search, rank) VALUES ('secure-delete', 1)",
    f"""CREATE TRIGGER {OPENING_INSERT_TRIGGER} AFTER INSERT ON posts
        WHEN new.is_opening BEGIN
        {INDEX_OPENINGS.format(which="p.id = new.id")}
    END""",
    f"""CREATE TRIGGER thread_search_post_update
        AFTER UPDATE OF body, status, is_opening, thread_id ON posts
        WHEN new.is_opening OR old.is_opening BEGIN
        DELETE FROM thread_search WHERE rowid = old.id;
        {INDEX_OPENINGS.format(which="p.id = new.id")}
    END""",
    """CREATE TRIGGER thread_search_post_delete AFTER DELETE ON posts
        WHEN old.is_opening BEGIN
        DELETE FROM thread_search WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER thread_search_thread_write AFTER UPDATE OF title, status ON threads
        WHEN new.title IS NOT old.title OR new.status IS NOT old.status BEGIN
        DELETE FROM thread_search WHERE rowid IN (
            SELECT id FROM posts WHERE thread_id = new.id AND is_opening
        );
        {INDEX_OPENINGS.format(which="p.thread_id = new.id")}
    END""",
    # Existing opening posts.
    INDEX_OPENINGS.format(which="1 = 1"),
]

SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS thread_search_thread_write",
    "DROP TRIGGER IF EXISTS thread_search_post_delete",
    "DROP TRIGGER IF EXISTS thread_search_post_update",
    f"DROP TRIGGER IF EXISTS {OPENING_INSERT_TRIGGER}",
    "DROP TABLE IF EXISTS thread_search",
    "DROP TRIGGER post_search_post_update",
    _POST_UPDATE_0013,
    "DROP TABLE post_search",
    f"CREATE VIRTUAL TABLE post_search USING fts5(title, body, kind, {_TOKENIZER})",
    _INDEX_POSTS.format(which="1 = 1"),
]

# --- PostgreSQL --------------------------------------------------------------------

# post_search's rows are only ever inserted and deleted (its triggers delete a post's row
# and insert it again), so two triggers on it keep the opening posts' copy.
PG_UP = [
    """CREATE TABLE thread_search (
        post_id integer PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
        document tsvector NOT NULL
    )""",
    "CREATE INDEX ix_thread_search_document ON thread_search USING gin (document)",
    """CREATE OR REPLACE FUNCTION thread_search_copy() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM thread_search WHERE post_id = OLD.post_id;
        ELSIF NEW.is_opening THEN
            INSERT INTO thread_search (post_id, document) VALUES (NEW.post_id, NEW.document);
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER thread_search_copy AFTER INSERT OR DELETE ON post_search
        FOR EACH ROW EXECUTE FUNCTION thread_search_copy()""",
    """INSERT INTO thread_search (post_id, document)
        SELECT post_id, document FROM post_search WHERE is_opening""",
]

PG_DOWN = [
    "DROP TRIGGER IF EXISTS thread_search_copy ON post_search",
    "DROP FUNCTION IF EXISTS thread_search_copy()",
    "DROP TABLE IF EXISTS thread_search",
]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def _check_sqlite_version() -> None:
    version = op.get_bind().exec_driver_sql("SELECT sqlite_version()").scalar_one()
    if tuple(int(part) for part in version.split(".")) < (3, 42, 0):
        raise RuntimeError(
            f"This migration needs SQLite 3.42 or later for FTS5 secure-delete, and the "
            f"database is open with SQLite {version} (Python's sqlite3 has "
            f"{sqlite3.sqlite_version}). Run it through the app (flask db upgrade), which "
            "opens SQLite with sqlean-py when Python's own SQLite is older."
        )


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        _run(PG_UP)
    else:
        _check_sqlite_version()
        _run(SQLITE_UP)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        _run(PG_DOWN)
    else:
        _run(SQLITE_DOWN)
