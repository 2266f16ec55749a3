"""Promise (DESIGN.md): "Screening runs before any database write begins". A write
transaction held open while the screener works would keep SQLite's single write lock
(other posters then wait, then get 503) and keep PostgreSQL row locks for as long as one
post takes to screen.

The real engine reports every statement it sends; the real screener is called through
a recording wrapper, so the test sees, per request, what the database had been asked to
write by the moment screening started.
"""

import pytest
from sqlalchemy import event

import app.forum.writing as forum_writing
from models import db
from tests.conftest import submit

WRITES = ("INSERT", "UPDATE", "DELETE")


@pytest.fixture
def timeline(app, monkeypatch):
    """Statements sent and screenings run, in order."""
    events: list[str] = []

    def on_statement(_conn, _cursor, statement, _params, _context, _many):
        events.append(statement.lstrip().split(None, 1)[0].upper())

    real_screen = forum_writing.screen_post

    def recording_screen(text):
        events.append("SCREEN")
        return real_screen(text)

    monkeypatch.setattr(forum_writing, "screen_post", recording_screen)
    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", on_statement)
    yield events
    event.remove(engine, "before_cursor_execute", on_statement)


def _writes_before_screening(events: list[str]) -> list[str]:
    assert "SCREEN" in events, "the request was never screened"
    return [e for e in events[: events.index("SCREEN")] if e in WRITES]


def test_a_new_thread_is_screened_before_anything_is_written(client, timeline):
    client.get("/new")
    timeline.clear()
    response = submit(client, "/new", {"title": "Week one", "body": "Hard to sleep."})
    assert response.status_code == 302
    assert _writes_before_screening(timeline) == []
    assert "INSERT" in timeline[timeline.index("SCREEN") :]  # and it was then stored


def test_a_reply_is_screened_before_anything_is_written(client, post_thread, timeline):
    post_thread()
    client.get("/t/1")
    timeline.clear()
    response = submit(client, "/t/1", {"body": "Same here."}, "/t/1/reply")
    assert response.status_code == 302
    assert _writes_before_screening(timeline) == []


def test_an_edit_is_screened_before_anything_is_written(client, post_thread, timeline):
    post_thread("Day one", "First words.")
    token = client.get_cookie("mend_tokens").value.split(":", 1)[1]
    client.get("/p/1/edit")
    timeline.clear()
    response = submit(
        client, "/p/1/edit", {"token": token, "title": "Day one", "body": "Better words."}
    )
    assert response.status_code == 302
    assert _writes_before_screening(timeline) == []
