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
from app.rendering import render_post_text
from models import Decision, Post, PostStatus, db
from tests.conftest import submit
from tests.promises.forms import submit_as_rendered

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
