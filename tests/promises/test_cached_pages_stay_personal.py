"""Promise: a page served from the reader cache carries nothing of anyone else's
(README, Configuration, ``READER_CACHE_SECONDS``): no other reader's CSRF token, flash
message or new token, no "Edit"/"Delete" marks on someone else's posts, no staff bar, no
held post.

The attacker reads the same pages right after the person they want to spy on, with no
cookie, with a returning reader's real cookies, or with a forged ``mend_tokens`` cookie
listing the ids of other people's posts.
"""

import pytest

from models import Post, PostStatus, db
from tests.conftest import CSRF_RE, SCAM, staff_client, submit
from tests.promises.forms import submit_as_rendered

OPENING = "Eight weeks, and the quiet in the flat is the loudest thing."
REPLY = "I moved the furniture around so the room stopped looking like us."


@pytest.fixture
def app(make_app):
    return make_app(READER_CACHE_SECONDS=60)


def _thread(app) -> None:
    starter = app.test_client()
    assert submit(starter, "/new", {"title": "The quiet", "body": OPENING}).status_code == 302


def _returning_reader(app):
    """A reader with real cookies of their own: they posted in another thread once."""
    reader = app.test_client()
    submit(reader, "/new", {"title": "Another night", "body": "Could not sleep again."})
    reader.get("/")  # the page that showed their token once
    assert reader.get_cookie("session") and reader.get_cookie("mend_tokens")
    return reader


def _strangers(app):
    return [app.test_client(), _returning_reader(app)]


def _page(client, path="/t/1") -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_a_posters_page_is_never_served_to_a_stranger(app):
    _thread(app)
    poster = app.test_client()
    reply = submit_as_rendered(poster, "/t/1", "/t/1/reply", {"body": REPLY})
    shown = poster.get(reply.headers["Location"], follow_redirects=True).get_data(as_text=True)
    token = CSRF_RE.search(shown).group(1)
    assert "Your private token" in shown
    poster_page = _page(poster)
    assert "/edit" in poster_page and "/delete" in poster_page
    for stranger in _strangers(app):
        page = _page(stranger)
        assert REPLY in page
        assert "Your private token" not in page and "/edit" not in page
        assert token not in page
    # The other way round: a page cached for strangers is not what the poster gets.
    assert "/edit" in _page(poster)


def test_a_moderators_page_is_never_served_to_a_reader(app):
    _thread(app)
    moderator = staff_client(app, "mo", "moderator")
    for path in ("/", "/t/1"):
        assert "Log out" in _page(moderator, path)
        for reader in _strangers(app):
            page = _page(reader, path)
            assert "Log out" not in page and "/mod/queue" not in page
        assert "Log out" in _page(moderator, path)


def test_a_held_post_seen_by_its_author_stays_out_of_every_other_page(app):
    _thread(app)
    author = app.test_client()
    submit_as_rendered(author, "/t/1", "/t/1/reply", {"body": SCAM})
    with app.app_context():
        assert db.session.get(Post, 2).status == PostStatus.HELD
    assert "Only you can see this post" in _page(author) and "Obodo" in _page(author)
    for stranger in _strangers(app):
        page = _page(stranger)
        assert "Obodo" not in page and "Only you can see" not in page


def test_a_forged_tokens_cookie_shows_nothing_and_leaves_nothing_behind(app):
    _thread(app)
    author = app.test_client()
    submit_as_rendered(author, "/t/1", "/t/1/reply", {"body": SCAM})
    submit_as_rendered(author, "/t/1", "/t/1/reply", {"body": REPLY})
    forger = app.test_client()
    forger.set_cookie("mend_tokens", "1:guess|2:guess|3:guess")
    page = _page(forger)
    assert "Obodo" not in page and "/edit" not in page and REPLY in page
    for stranger in _strangers(app):
        page = _page(stranger)
        assert "Obodo" not in page and "/edit" not in page
    assert "Obodo" in _page(author)


def test_a_flash_is_shown_to_its_reader_only(app):
    _thread(app)
    _page(app.test_client())  # cached for readers
    reporter = app.test_client()
    report = submit_as_rendered(reporter, "/p/1/report", "/p/1/report", {"reason": "other"})
    thanked = reporter.get(report.headers["Location"], follow_redirects=True)
    assert "Thank you" in thanked.get_data(as_text=True)
    # The thread page the reporter was sent to, as every stranger reads it.
    seen = thanked.request.full_path
    for stranger in _strangers(app):
        assert "Thank you" not in _page(stranger, seen)
        assert "Thank you" not in _page(stranger)


def test_every_reader_gets_their_own_csrf_token_and_it_works(app):
    _thread(app)
    first, second = _returning_reader(app), _returning_reader(app)
    tokens = [CSRF_RE.search(_page(reader)).group(1) for reader in (first, second)]
    assert tokens[0] != tokens[1]
    assert (
        first.post("/t/1/reply", data={"csrf_token": tokens[1], "body": REPLY}).status_code == 400
    )
    sent = second.post("/t/1/reply", data={"csrf_token": tokens[1], "body": REPLY})
    assert sent.status_code == 302
