"""Readers without cookies get the front and thread pages from a few seconds' cache;
everyone with a cookie, and everyone after the cache's time, sees the forum as it is."""

import time

import pytest

from app.forum.writing import create_reply
from app.poster_identity import Poster
from models import Post, Thread, db
from tests.conftest import CSRF_RE

SECONDS = 0.5
# For tests where another worker acts between two reads of this one.
LONGER = 4


@pytest.fixture
def cached_app(make_app):
    return make_app(READER_CACHE_SECONDS=SECONDS)


def add_reply(app, thread_id: int, body: str) -> None:
    """A reply from another poster, straight through the forum's services."""
    with app.app_context():
        thread = db.session.get(Thread, thread_id)
        create_reply(thread, body, Poster(key="another-poster", address_hash="h"))


def start_thread(app) -> int:
    """A thread posted through the form; returns its id."""
    poster = app.test_client()
    page = poster.get("/new").get_data(as_text=True)
    response = poster.post(
        "/new",
        data={
            "csrf_token": CSRF_RE.search(page).group(1),
            "title": "The first week is the worst",
            "body": "Everything reminds me of her.",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        return db.session.execute(db.select(Thread.id)).scalar_one()


def test_a_change_this_worker_commits_shows_at_once(cached_app):
    thread_id = start_thread(cached_app)
    first = cached_app.test_client().get(f"/t/{thread_id}")
    assert first.status_code == 200
    add_reply(cached_app, thread_id, "Sending you strength from Lisbon.")
    assert "Lisbon" in cached_app.test_client().get(f"/t/{thread_id}").get_data(as_text=True)
    assert "1 reply" in cached_app.test_client().get("/").get_data(as_text=True)


def test_another_workers_change_shows_within_the_seconds_without_a_shared_cache(make_app):
    """Without REDIS_URL each worker has its own memory: a change made in another worker
    reaches this one's cached pages only when they expire."""
    cached_app = make_app(READER_CACHE_SECONDS=LONGER)  # room for a slow machine
    other_worker = make_app(READER_CACHE_SECONDS=LONGER)
    thread_id = start_thread(cached_app)
    cached_app.test_client().get(f"/t/{thread_id}")
    add_reply(other_worker, thread_id, "Sending you strength from Lisbon.")

    reader = cached_app.test_client()
    assert "Lisbon" not in reader.get(f"/t/{thread_id}").get_data(as_text=True)
    # A reader with a cookie, to whom the page is not personal, shares the cached page too.
    with_cookie = cached_app.test_client()
    with_cookie.set_cookie("session", "anything")
    assert "Lisbon" not in with_cookie.get(f"/t/{thread_id}").get_data(as_text=True)

    time.sleep(LONGER + 0.1)
    assert "Lisbon" in cached_app.test_client().get(f"/t/{thread_id}").get_data(as_text=True)


def test_a_returning_poster_reads_other_threads_from_the_cache(make_app):
    """Real cookies of someone who posted in another thread: nothing on this thread is
    theirs, so they share the cached page, with their own CSRF token that works."""
    cached_app = make_app(READER_CACHE_SECONDS=60)
    other_worker = make_app(READER_CACHE_SECONDS=60)
    thread_id = start_thread(cached_app)
    poster = cached_app.test_client()
    page = poster.get("/new").get_data(as_text=True)
    poster.post(
        "/new",
        data={
            "csrf_token": CSRF_RE.search(page).group(1),
            "title": "Another night",
            "body": "Could not sleep again.",
        },
        follow_redirects=True,
    )
    assert poster.get_cookie("mend_tokens") and poster.get_cookie("mend_poster")
    cached_app.test_client().get(f"/t/{thread_id}")
    add_reply(other_worker, thread_id, "From another worker.")
    page = poster.get(f"/t/{thread_id}").get_data(as_text=True)
    assert "From another worker." not in page  # the cached page
    token = CSRF_RE.search(page).group(1)
    reply = poster.post(f"/t/{thread_id}/reply", data={"csrf_token": token, "body": "Same."})
    assert reply.status_code == 302


def test_each_cookie_less_reader_gets_a_token_of_their_own_that_works(cached_app):
    thread_id = start_thread(cached_app)
    tokens = []
    readers = [cached_app.test_client() for _ in range(3)]
    for reader in readers:
        page = reader.get(f"/t/{thread_id}")
        tokens.append(CSRF_RE.search(page.get_data(as_text=True)).group(1))
        assert "session=" in page.headers.get("Set-Cookie", "")
        assert page.headers["Content-Security-Policy"]
    assert len(set(tokens)) == 3  # the second and third came from the cache

    response = readers[2].post(
        f"/t/{thread_id}/reply",
        data={"csrf_token": tokens[2], "body": "Same here. Week two was a little easier."},
    )
    assert response.status_code == 302
    with cached_app.app_context():
        bodies = db.session.execute(db.select(Post.body)).scalars().all()
    assert "Same here. Week two was a little easier." in bodies

    stolen = readers[1].post(
        f"/t/{thread_id}/reply", data={"csrf_token": tokens[0], "body": "Not mine."}
    )
    assert stolen.status_code == 400


def test_the_poster_sees_their_reply_at_once(cached_app):
    thread_id = start_thread(cached_app)
    cached_app.test_client().get(f"/t/{thread_id}")  # now in the cache
    poster = cached_app.test_client()
    form = poster.get(f"/t/{thread_id}").get_data(as_text=True)
    reply = poster.post(
        f"/t/{thread_id}/reply",
        data={"csrf_token": CSRF_RE.search(form).group(1), "body": "I made soup and cried."},
        follow_redirects=True,
    )
    assert "I made soup and cried." in reply.get_data(as_text=True)


def test_zero_seconds_turns_the_cache_off(make_app):
    off = make_app(READER_CACHE_SECONDS=0)
    thread_id = start_thread(off)
    off.test_client().get(f"/t/{thread_id}")
    add_reply(off, thread_id, "Walks helped me more than anything.")
    page = off.test_client().get(f"/t/{thread_id}").get_data(as_text=True)
    assert "Walks helped me" in page
