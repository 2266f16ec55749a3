"""Promise: "Your words will be removed for good" (the delete page), and README's account
of what a delete removes and what it keeps.

The post goes through everything that copies its words (screening, a moderator's
approval, a held edit approved and another waiting, a reader's report quoting it, the
page caches), then its author deletes it with the form as rendered. The test then reads
the database itself: every text column of every table, as a thief with a dump would.
"""

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from app.admin.training_data import moderator_examples
from app.extensions import cache
from app.mod.campaigns import wording_neighbours
from app.rendering import render_post_text
from models import Decision, Post, PostStatus, PostWording, db
from tests.conftest import staff_client, submit
from tests.promises.forms import submit_as_rendered
from tests.redis_db import redis_or_skip, redis_url

# Scam-like, so screening holds the post and each edit and a moderator has to decide.
PHRASE = "zephyr lanterns"
PHONE_DIGITS = "7700900123"
TITLE = "The zephyr lanterns spell"
BODY = (
    "Dr Obodo cast the zephyr lanterns love spell and my ex came back in 48 hours! "
    "Contact him on WhatsApp +44 7700 900123"
)
EDITED = (
    "Dr Obodo did the zephyr lanterns ritual again and she came back in 48 hours! "
    "WhatsApp him +44 7700 900123"
)
WAITING = (
    "Zephyr lanterns ritual works. Contact Dr Obodo on WhatsApp +44 7700 900123 "
    "he brought my ex back"
)


def _decide(moderator, post_id: int, action: str = "approve"):
    response = submit(
        moderator, "/mod/queue", {"post_id": str(post_id), "action": action}, "/mod/decide"
    )
    assert response.status_code == 302


def _leftovers(needles: tuple[str, ...]) -> list[str]:
    """Every (table.column, value) in the database holding one of ``needles``, found by
    reading each text-like column of each table with plain SQL."""
    found = []
    engine = db.engine
    inspector = inspect(engine)
    with engine.connect() as connection:
        for table in inspector.get_table_names():
            for column in inspector.get_columns(table):
                kind = str(column["type"]).upper()
                if not any(word in kind for word in ("CHAR", "TEXT", "JSON", "CLOB")):
                    continue
                name = column["name"]
                rows = connection.execute(
                    text(f'SELECT CAST("{name}" AS TEXT) FROM "{table}"')  # noqa: S608
                ).scalars()
                for value in rows:
                    squeezed = "".join((value or "").lower().split())
                    digits = "".join(ch for ch in (value or "") if ch.isdigit())
                    if any(n.replace(" ", "") in squeezed or n in digits for n in needles):
                        found.append(f"{table}.{name}: {value[:120]!r}")
    return found


@pytest.fixture
def app(make_app):
    # Readers without cookies are served from the page cache here, as in production.
    return make_app(READER_CACHE_SECONDS=60)


def _a_post_that_went_everywhere(app, client, moderator) -> None:
    submit(client, "/new", {"title": TITLE, "body": BODY})
    with app.app_context():
        assert db.session.get(Post, 1).status == PostStatus.HELD  # a phone number
    _decide(moderator, 1)
    # An edit that screening holds, approved: the decision keeps the text it replaced.
    assert submit_as_rendered(client, "/p/1/edit", "/p/1/edit", {"body": EDITED}).status_code
    _decide(moderator, 1)
    # Another held edit, still waiting beside the published text.
    submit_as_rendered(client, "/p/1/edit", "/p/1/edit", {"body": WAITING})
    reader = app.test_client()
    submit(reader, "/p/1/report", {"reason": "other", "details": f"Quotes {PHRASE}, 07700 900123"})
    # Cookie-less readers fill the page cache; everyone fills the rendered-text memo.
    app.test_client().get("/t/1")
    app.test_client().get("/")
    with app.app_context():
        post = db.session.get(Post, 1)
        assert post.status == PostStatus.PUBLISHED and post.pending_body == WAITING
        assert post.label == "ham" and post.contacts
        assert _leftovers((PHRASE, PHONE_DIGITS)), "the setup should have stored the words"
        assert any(PHRASE in e.text.lower() for e in moderator_examples())


def test_deleting_removes_the_words_from_the_database(app, client, moderator):
    _a_post_that_went_everywhere(app, client, moderator)
    response = submit_as_rendered(client, "/p/1/delete", "/p/1/delete")
    assert response.status_code == 302
    with app.app_context():
        assert _leftovers((PHRASE, PHONE_DIGITS)) == []
        assert moderator_examples() == [] or all(
            PHRASE not in e.text.lower() for e in moderator_examples()
        )
        # What stays: that the post existed and what the moderators decided about it.
        post = db.session.get(Post, 1)
        assert post.status == PostStatus.DELETED and post.label is None
        decisions = db.session.execute(db.select(Decision).order_by(Decision.id)).scalars().all()
        assert [d.action for d in decisions] == ["approve", "approve"]
        assert all(d.moderator.username == "mo" and d.created_at for d in decisions)


def test_the_fingerprint_of_its_wording_goes_too(app, client, moderator):
    """The band keys that link a post to others in the same words are a trace of the
    words: after the delete, a new post in those words is linked to nothing."""
    _a_post_that_went_everywhere(app, client, moderator)
    with app.app_context():
        assert db.session.execute(db.select(PostWording).where(PostWording.post_id == 1)).all()
    submit_as_rendered(client, "/p/1/delete", "/p/1/delete")
    submit_as_rendered(app.test_client(), "/t/1", "/t/1/reply", {"body": WAITING})
    with app.app_context():
        assert (
            db.session.execute(db.select(PostWording).where(PostWording.post_id == 1)).all() == []
        )
        assert wording_neighbours([2]) == {}
    assert "same wording" not in moderator.get("/mod/queue").get_data(as_text=True)


def test_deleted_words_are_not_trained_on(app, client, moderator):
    _a_post_that_went_everywhere(app, client, moderator)
    submit_as_rendered(client, "/p/1/delete", "/p/1/delete")
    with app.app_context():
        assert moderator_examples() == []


def test_deleting_empties_the_page_and_text_caches(app, client, moderator):
    _a_post_that_went_everywhere(app, client, moderator)
    submit_as_rendered(client, "/p/1/delete", "/p/1/delete")
    pages = app.extensions["reader_cache"]
    assert not any("lanterns" in "".join(p).lower() for p in pages.values())
    for words in (BODY, EDITED, WAITING):
        assert not render_post_text.holds(words)
    # A reader without cookies gets the thread as it is now.
    page = app.test_client().get("/t/1").get_data(as_text=True).lower()
    assert "lanterns" not in page and "[deleted by author]" in page


def test_a_thread_title_goes_with_its_opening_post(app, client, moderator):
    _a_post_that_went_everywhere(app, client, moderator)
    submit_as_rendered(client, "/p/1/delete", "/p/1/delete")
    for url in ("/", "/t/1"):
        assert "lanterns" not in app.test_client().get(url).get_data(as_text=True).lower()


def test_the_sqlite_file_keeps_no_copy_in_its_free_space(app, client, moderator, database_url):
    if not database_url.startswith("sqlite:///"):
        pytest.skip("PostgreSQL keeps old row versions until VACUUM reuses them (README)")
    _a_post_that_went_everywhere(app, client, moderator)
    # A long story fills overflow pages, which a delete hands back to the free list.
    story = " ".join(f"Night {n}: I still think of the zephyr lanterns." for n in range(180))
    submit_as_rendered(client, "/t/1", "/t/1/reply", {"body": story})
    for post_id in (1, 2):
        submit_as_rendered(client, f"/p/{post_id}/delete", f"/p/{post_id}/delete")
    with app.app_context():
        with db.engine.connect() as connection:
            # Set by the app on every connection (some builds of SQLite default to off).
            assert connection.execute(text("PRAGMA secure_delete")).scalar() == 1
            connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    path = Path(database_url.removeprefix("sqlite:///"))
    stored = b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
    assert b"zephyr lanterns" not in stored.lower()
    assert b"7700900123" not in stored and b"7700 900123" not in stored


def test_undoing_a_decision_after_the_delete_brings_no_words_or_label_back(app, client, moderator):
    _a_post_that_went_everywhere(app, client, moderator)
    submit_as_rendered(client, "/p/1/delete", "/p/1/delete")
    log = moderator.get("/mod/log")
    assert log.status_code == 200 and "lanterns" not in log.get_data(as_text=True).lower()
    for decision_id in (2,):  # its previous label was "ham"
        url = f"/mod/log/{decision_id}/reverse"
        confirmation = f"/mod/log/{decision_id}/undo"  # says what the undo changes first
        assert "lanterns" not in moderator.get(confirmation).get_data(as_text=True).lower()
        assert submit_as_rendered(moderator, confirmation, url).status_code == 302
    with app.app_context():
        post = db.session.get(Post, 1)
        assert post.status == PostStatus.DELETED and post.label is None and post.body == ""
        assert moderator_examples() == []
        assert _leftovers((PHRASE, PHONE_DIGITS)) == []


def _search_index_holds(words: tuple[str, ...]) -> list[str]:
    """Which of ``words`` the search index still holds for anyone who reads its storage:
    on SQLite the FTS5 tables' own shadow tables (the inverted index's blocks, where a
    term is stored after the letters it shares with the term before it, so its tail is
    looked for, and the stored columns); on PostgreSQL the tsvectors."""
    with db.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            stored = b""
            for table in ("post_search", "thread_search"):
                lexemes = connection.execute(
                    text(f"SELECT DISTINCT unnest(tsvector_to_array(document)) FROM {table}")
                ).scalars()
                stored += " ".join(lexemes).encode()
        else:
            # Every post's index, and the opening posts' own (threads only).
            stored = b""
            for table, columns in (("post_search", "c0, c1, c2"), ("thread_search", "c0, c1")):
                blocks = connection.execute(text(f"SELECT block FROM {table}_data")).scalars()
                texts = connection.execute(
                    text(f"SELECT concat_ws(' ', {columns}) FROM {table}_content")
                ).scalars()
                stored += b"".join(blocks) + " ".join(texts).encode()
    return [word for word in words if word[2:].encode() in stored.lower()]


def test_the_search_index_forgets_the_words_at_once(app, client, moderator):
    _a_post_that_went_everywhere(app, client, moderator)
    # Other posts keep the index busy around it: its words sit among theirs.
    for n in range(30):
        submit(client, "/new", {"title": f"Week {n}", "body": f"Day {n} of walking it off."})
    words = ("zephyr", "lanterns", "obodo", "ritual")
    assert "zephyr" in client.get("/search?q=zephyr").get_data(as_text=True).lower()
    with app.app_context():
        assert _search_index_holds(words) == list(words), "the index should hold them"
    submit_as_rendered(client, "/p/1/delete", "/p/1/delete")
    with app.app_context():
        assert _search_index_holds(words) == []
    for word in words:
        page = client.get(f"/search?q={word}").get_data(as_text=True)
        assert "No published posts match" in page and "<mark>" not in page


# Redis db 10 is this suite's own unless TEST_REDIS_URL names one (tests/redis_db.py).
REDIS_URL = redis_url(10)


@pytest.fixture(params=["memory", "redis"])
def cache_app(request, make_app):
    """An app whose shared cache is each worker's memory, or Redis (emptied around)."""
    if request.param == "memory":
        yield make_app(READER_CACHE_SECONDS=60)
        return
    connection = redis_or_skip(REDIS_URL)
    connection.flushdb()
    yield make_app(
        READER_CACHE_SECONDS=60,
        CACHE_TYPE="RedisCache",
        CACHE_REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX="mend-test:",
    )
    connection.flushdb()


def _cached_bytes(app) -> list[bytes]:
    """Every value the shared cache holds, as stored (Redis, or the worker's memory)."""
    with app.app_context():
        backend = cache.cache
        if hasattr(backend, "_write_client"):
            client = backend._write_client
            return [client.get(key) or b"" for key in client.keys("*")]
        return [stored for _, stored in backend._cache.values()]


def test_deleting_empties_the_shared_cache_at_once(cache_app):
    client = cache_app.test_client()
    moderator = staff_client(cache_app, "mo", "moderator")
    _a_post_that_went_everywhere(cache_app, client, moderator)
    assert any(b"lanterns" in value.lower() for value in _cached_bytes(cache_app))
    assert submit_as_rendered(client, "/p/1/delete", "/p/1/delete").status_code == 302
    assert not any(b"lanterns" in value.lower() for value in _cached_bytes(cache_app))
    # Another worker (or server) sharing the cache renders the thread as it is now.
    page = cache_app.test_client().get("/t/1?from=search").get_data(as_text=True).lower()
    assert "lanterns" not in page and "[deleted by author]" in page
