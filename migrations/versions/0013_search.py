"""full-text search over published posts and thread titles, kept current by triggers

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 04:50:00.000000

One table, ``post_search``, holds a row for each post readers may find: published, in a
published thread. Triggers on ``posts`` and ``threads`` keep it current on every write,
whichever code path makes it (publish, edit, moderator decision, report hide, delete,
bulk updates), so a post leaves the index in the transaction that hides it.

SQLite: an FTS5 table (columns ``title``, ``body``, and ``kind``, "opening" or "reply",
which the "threads only" filter matches; rowid = post id). FTS5 before 3.42 has
no secure-delete, and an ordinary delete leaves the words in the index's older segments
until they are merged; so when a post becomes ``deleted`` the trigger rewrites the index
('optimize'), and a deleted post's words leave it at once (README, "When you delete").

PostgreSQL: a ``tsvector`` per post (title weighted A, body B) with a GIN index. The
configuration is 'simple' (lower-casing, no stemming, no stop words), which matches what
SQLite's unicode61 tokenizer does, so a query finds the same posts on both databases and
a quoted phrase keeps its little words ("get over it").

SQLite's triggers name ``threads`` and ``posts``: a later migration that rebuilds either
table on SQLite (``batch_alter_table`` copies it into a new one) must drop the triggers
first and create them again after, or the rename fails.
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# --- SQLite ----------------------------------------------------------------------

# What a post contributes: the thread title for an opening post, its body; only while
# both the post and its thread are published.
_SQLITE_INDEX_POSTS = """
    INSERT INTO post_search (rowid, title, body, kind)
    SELECT p.id, CASE WHEN p.is_opening THEN t.title ELSE '' END, p.body,
        CASE WHEN p.is_opening THEN 'opening' ELSE 'reply' END
    FROM posts p JOIN threads t ON t.id = p.thread_id
    WHERE {which} AND p.status = 'published' AND t.status = 'published';
"""

SQLITE_UP = [
    """CREATE VIRTUAL TABLE post_search USING fts5(
        title, body, kind, tokenize = 'unicode61 remove_diacritics 0'
    )""",
    f"""CREATE TRIGGER post_search_post_insert AFTER INSERT ON posts BEGIN
        {_SQLITE_INDEX_POSTS.format(which="p.id = new.id")}
    END""",
    f"""CREATE TRIGGER post_search_post_update
        AFTER UPDATE OF body, status, is_opening, thread_id ON posts BEGIN
        DELETE FROM post_search WHERE rowid = old.id;
        {_SQLITE_INDEX_POSTS.format(which="p.id = new.id")}
        INSERT INTO post_search (post_search) SELECT 'optimize'
        WHERE new.status = 'deleted' AND old.status <> 'deleted';
    END""",
    """CREATE TRIGGER post_search_post_delete AFTER DELETE ON posts BEGIN
        DELETE FROM post_search WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER post_search_thread_title AFTER UPDATE OF title ON threads BEGIN
        DELETE FROM post_search WHERE rowid IN (
            SELECT id FROM posts WHERE thread_id = new.id AND is_opening
        );
        {_SQLITE_INDEX_POSTS.format(which="p.thread_id = new.id AND p.is_opening")}
    END""",
    f"""CREATE TRIGGER post_search_thread_status AFTER UPDATE OF status ON threads
        WHEN new.status <> old.status BEGIN
        DELETE FROM post_search WHERE rowid IN (SELECT id FROM posts WHERE thread_id = new.id);
        {_SQLITE_INDEX_POSTS.format(which="p.thread_id = new.id")}
    END""",
    # Existing posts.
    _SQLITE_INDEX_POSTS.format(which="1 = 1"),
]

SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS post_search_thread_status",
    "DROP TRIGGER IF EXISTS post_search_thread_title",
    "DROP TRIGGER IF EXISTS post_search_post_delete",
    "DROP TRIGGER IF EXISTS post_search_post_update",
    "DROP TRIGGER IF EXISTS post_search_post_insert",
    "DROP TABLE IF EXISTS post_search",
]

# --- PostgreSQL --------------------------------------------------------------------

# Words are the runs of letters and digits, as SQLite's tokenizer sees them: without
# this, PostgreSQL's parser keeps "name@mail.com" or "co-parent" as single tokens that a
# search for "mail" or "parent" would miss.
_PG_INDEX_POSTS = """
    INSERT INTO post_search (post_id, is_opening, document)
    SELECT p.id, p.is_opening,
        setweight(to_tsvector('simple', regexp_replace(
            CASE WHEN p.is_opening THEN t.title ELSE '' END, '[^[:alnum:]]+', ' ', 'g'
        )), 'A')
        || setweight(to_tsvector('simple', regexp_replace(
            p.body, '[^[:alnum:]]+', ' ', 'g'
        )), 'B')
    FROM posts p JOIN threads t ON t.id = p.thread_id
    WHERE {which} AND p.status = 'published' AND t.status = 'published';
"""

PG_UP = [
    """CREATE TABLE post_search (
        post_id integer PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
        is_opening boolean NOT NULL,
        document tsvector NOT NULL
    )""",
    "CREATE INDEX ix_post_search_document ON post_search USING gin (document)",
    f"""CREATE OR REPLACE FUNCTION post_search_post() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM post_search WHERE post_id = NEW.id;
        {_PG_INDEX_POSTS.format(which="p.id = NEW.id")}
        RETURN NULL;
    END $$""",
    f"""CREATE OR REPLACE FUNCTION post_search_thread() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status THEN
            DELETE FROM post_search
            WHERE post_id IN (SELECT id FROM posts WHERE thread_id = NEW.id);
            {_PG_INDEX_POSTS.format(which="p.thread_id = NEW.id")}
        ELSIF NEW.title IS DISTINCT FROM OLD.title THEN
            DELETE FROM post_search
            WHERE post_id IN (SELECT id FROM posts WHERE thread_id = NEW.id AND is_opening);
            {_PG_INDEX_POSTS.format(which="p.thread_id = NEW.id AND p.is_opening")}
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER post_search_post_write
        AFTER INSERT OR UPDATE OF body, status, is_opening, thread_id ON posts
        FOR EACH ROW EXECUTE FUNCTION post_search_post()""",
    """CREATE TRIGGER post_search_thread_write AFTER UPDATE OF title, status ON threads
        FOR EACH ROW EXECUTE FUNCTION post_search_thread()""",
    _PG_INDEX_POSTS.format(which="TRUE"),
]

PG_DOWN = [
    "DROP TRIGGER IF EXISTS post_search_thread_write ON threads",
    "DROP TRIGGER IF EXISTS post_search_post_write ON posts",
    "DROP FUNCTION IF EXISTS post_search_thread()",
    "DROP FUNCTION IF EXISTS post_search_post()",
    "DROP TABLE IF EXISTS post_search",
]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        _run(PG_UP)
    else:
        _run(SQLITE_UP)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        _run(PG_DOWN)
    else:
        _run(SQLITE_DOWN)
