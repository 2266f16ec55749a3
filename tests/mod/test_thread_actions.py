"""Moderators lock a thread (no new replies, with a note shown) and pin one (it stays on
top of the front page), from the thread page; both are in the log and undone from it
(issue 14, item 7). Every form is sent as the page renders it."""

import re
from datetime import timedelta

from sqlalchemy import select

from app.forum.writing import create_thread
from app.poster_identity import Poster
from models import Decision, Thread, db, utcnow
from tests.promises.forms import rendered_form, rendered_forms, submit_as_rendered

TITLE_RE = re.compile(r'<h2><a href="/t/(\d+)">')


def _threads(app, count: int) -> None:
    """Threads 1..count, thread 1 the least recently active."""
    with app.app_context():
        for n in range(count):
            poster = Poster(f"thread-action-key-{n:03d}-abcdef", "a")
            post, _ = create_thread(f"Thread {n + 1}", f"Story {n + 1}", poster)
            post.thread.last_activity_at = utcnow() - timedelta(hours=count - n)
        db.session.commit()


def _act(staff, thread_id: int, button: str, note: str | None = None):
    changes = {"note": note} if note is not None else {}
    return submit_as_rendered(staff, f"/t/{thread_id}", "/mod/thread/", changes, button)


def undo_form(staff):
    """The latest decision's Undo, as its confirmation page renders it (the log links to
    that page, newest first)."""
    html = staff.get("/mod/log").get_data(as_text=True)
    page = staff.get(re.search(r'href="(/mod/log/\d+/undo)"', html)[1]).get_data(as_text=True)
    return next(f for f in rendered_forms(page) if f.action.endswith("/reverse"))


def _undo_latest(staff):
    form = undo_form(staff)
    return staff.post(form.action, data=form.data())


def _log(app) -> list[tuple[str, str | None, str | None, str | None]]:
    with app.app_context():
        rows = db.session.execute(select(Decision).order_by(Decision.id)).scalars()
        return [(d.action, d.previous_status, d.new_status, d.note) for d in rows]


def _thread(app, thread_id: int) -> Thread:
    with app.app_context():
        return db.session.get(Thread, thread_id)


def test_a_locked_thread_shows_its_note_and_takes_no_replies_until_undone(app, moderator):
    _threads(app, 1)
    reader = app.test_client()
    assert "/mod/thread/" not in reader.get("/t/1").get_data(as_text=True)

    response = _act(moderator, 1, "Lock thread", "Heated; taking a pause.")
    assert response.status_code == 302 and response.location == "/t/1"
    html = reader.get("/t/1").get_data(as_text=True)
    assert "This thread is locked" in html and "Heated; taking a pause." in html
    assert 'action="/t/1/reply"' not in html
    assert "locked" in reader.get("/").get_data(as_text=True)
    assert _log(app) == [("lock", "open", "locked", "Heated; taking a pause.")]

    # The log's Undo opens it again; the undo is logged too.
    assert _undo_latest(moderator).status_code == 302
    assert not _thread(app, 1).locked
    assert _log(app)[-1][:3] == ("reverse", "locked", "open")
    html = reader.get("/t/1").get_data(as_text=True)
    assert "This thread is locked" not in html
    reply = submit_as_rendered(reader, "/t/1", "/reply", {"body": "Glad it's open."})
    assert reply.status_code == 302


def test_unlock_then_undo_locks_again_with_the_note(app, moderator):
    _threads(app, 1)
    _act(moderator, 1, "Lock thread", "Cooling off.")
    _act(moderator, 1, "Unlock thread")
    assert not _thread(app, 1).locked
    _undo_latest(moderator)
    thread = _thread(app, 1)
    assert (thread.locked, thread.lock_note) == (True, "Cooling off.")


def test_a_pinned_thread_stays_on_top_of_the_front_page(app, moderator):
    app.config["THREADS_PER_PAGE"] = 3
    _threads(app, 5)
    reader = app.test_client()
    assert [int(i) for i in TITLE_RE.findall(reader.get("/").get_data(as_text=True))] == [5, 4, 3]

    _act(moderator, 1, "Pin to front page")
    first = reader.get("/").get_data(as_text=True)
    assert [int(i) for i in TITLE_RE.findall(first)] == [1, 5, 4, 3]
    assert "pinned" in first
    # Shown once: the pages after the first do not list it again.
    older = re.search(r'rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    assert [int(i) for i in TITLE_RE.findall(reader.get(older).get_data(as_text=True))] == [2]
    # A reply elsewhere does not push it down.
    submit_as_rendered(reader, "/t/2", "/reply", {"body": "Thinking of you."})
    assert TITLE_RE.findall(reader.get("/").get_data(as_text=True))[:2] == ["1", "2"]

    _act(moderator, 1, "Unpin thread")
    assert TITLE_RE.findall(reader.get("/").get_data(as_text=True))[0] == "2"
    _undo_latest(moderator)  # the unpin: pinned again
    assert TITLE_RE.findall(reader.get("/").get_data(as_text=True))[0] == "1"
    assert [row[:3] for row in _log(app)] == [
        ("pin", "unpinned", "pinned"),
        ("unpin", "pinned", "unpinned"),
        ("reverse", "unpinned", "pinned"),
    ]


def test_a_second_moderator_acting_on_the_same_page_changes_nothing_twice(app, moderator):
    _threads(app, 1)
    page = moderator.get("/t/1").get_data(as_text=True)
    form = rendered_form(page, "/mod/thread/")
    data = form.data({"note": "first"}, "Lock thread")
    assert moderator.post(form.action, data=data).status_code == 302
    again = moderator.post(form.action, data=data, follow_redirects=True)
    assert "Nothing was changed" in again.get_data(as_text=True)
    assert [row[0] for row in _log(app)] == ["lock"]


def test_a_lock_of_a_missing_thread_or_an_unknown_action_is_refused(app, moderator):
    _threads(app, 1)
    form = rendered_form(moderator.get("/t/1").get_data(as_text=True), "/mod/thread/")
    assert moderator.post("/mod/thread/99", data=form.data({}, "Lock thread")).status_code == 404
    bad = form.data({"action": "delete"})
    assert moderator.post(form.action, data=bad).status_code == 400
    assert _log(app) == []


def test_readers_kept_pages_show_a_lock_and_a_pin_at_once(app, moderator):
    """With the page cache for cookie-less readers on, a lock or a pin is not hidden
    behind a copy kept from before it."""
    app.config["READER_CACHE_SECONDS"] = 60
    _threads(app, 3)
    for _ in range(2):  # rendered, then served from the cache
        assert "This thread is locked" not in app.test_client().get("/t/1").text
        assert TITLE_RE.findall(app.test_client().get("/").text)[0] == "3"
    _act(moderator, 1, "Lock thread", "Pause.")
    locked = app.test_client().get("/t/1").text
    assert "This thread is locked" in locked and 'action="/t/1/reply"' not in locked
    _act(moderator, 1, "Pin to front page")
    assert TITLE_RE.findall(app.test_client().get("/").text)[0] == "1"


def test_a_pinned_thread_whose_story_is_removed_leaves_the_front_page(app, moderator):
    _threads(app, 3)
    _act(moderator, 1, "Pin to front page")
    assert TITLE_RE.findall(app.test_client().get("/").text) == ["1", "3", "2"]
    # A reader reports the opening post; the moderator removes it from the queue.
    submit_as_rendered(app.test_client(), "/p/1/report", "/report", {"reason": "abuse"})
    queue = moderator.get("/mod/queue").text
    assert 'id="q1"' in queue
    form = next(f for f in rendered_forms(queue) if f.data().get("post_id") == "1")
    data = form.data({"reason": "abuse"}, "Remove post 1")
    assert moderator.post(form.action, data=data).status_code == 302
    assert TITLE_RE.findall(app.test_client().get("/").text) == ["3", "2"]
    assert app.test_client().get("/t/1").status_code == 404


def _undo_page_effects(staff) -> list[str]:
    html = staff.get("/mod/log").get_data(as_text=True)
    page = staff.get(re.search(r'href="(/mod/log/\d+/undo)"', html)[1]).get_data(as_text=True)
    items = re.search(r'<ul class="undo-effects">(.*?)</ul>', page, re.S)[1]
    return [
        re.sub(r"\s+", " ", item).strip() for item in re.findall(r"<li>(.*?)</li>", items, re.S)
    ]


def test_the_undo_confirmation_names_only_the_thread_change(app, moderator):
    """Undoing a lock or a pin changes the thread alone: the confirmation must not say
    the opening post goes back to the queue (it never did)."""
    _threads(app, 1)
    _act(moderator, 1, "Lock thread", "Heated.")
    assert _undo_page_effects(moderator) == [
        "The thread “Thread 1” goes from locked back to open: replies can be posted in it"
        " again. No post changes and nothing goes back to the queue."
    ]
    _undo_latest(moderator)
    _act(moderator, 1, "Pin to front page")
    assert _undo_page_effects(moderator) == [
        "The thread “Thread 1” goes from pinned back to unpinned: it takes its place among"
        " the other threads on the front page. No post changes and nothing goes back to"
        " the queue."
    ]
    _act(moderator, 1, "Unpin thread")
    assert _undo_page_effects(moderator) == [
        "The thread “Thread 1” goes from unpinned back to pinned: it stays on top of the"
        " front page. No post changes and nothing goes back to the queue."
    ]
    _undo_latest(moderator)
    # What the page said is what happened: pinned again, the post still published.
    assert _thread(app, 1).pinned
    assert _log(app)[-1][:3] == ("reverse", "unpinned", "pinned")
