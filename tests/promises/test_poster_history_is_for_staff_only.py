"""Promise: a poster's history (their posts across threads, linked by the stored poster
hash) is for staff only. Readers see one pseudonym per thread, so this page is the one
place those posts are linked; attacked by a reader, by forged session cookies and by a
logged-out moderator's copied session."""

from flask import Flask
from flask.sessions import SecureCookieSessionInterface

from tests.conftest import staff_client
from tests.mod.test_decisions import post_scam
from tests.promises.forms import submit_as_rendered

SECOND_POST = "Week one. Hard evenings, honestly."


def _poster_with_two_posts(app, poster=None) -> int:
    poster = poster or app.test_client()
    post_scam(poster, "Week one", SECOND_POST)
    return post_scam(poster, "Came back")


def _assert_sees_nothing(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (302, 401, 403, 404), response.status_code
    if response.status_code == 302:
        assert response.headers["Location"].startswith("/login")
    html = response.get_data(as_text=True)
    assert SECOND_POST not in html and "This poster" not in html


def _forge(contents: dict, secret: str) -> str:
    """A session cookie holding ``contents``, signed with ``secret``."""
    forger = Flask("forger")
    forger.secret_key = secret
    return SecureCookieSessionInterface().get_signing_serializer(forger).dumps(contents)


def test_a_reader_cannot_see_a_poster_s_history(app):
    author = app.test_client()
    url = f"/mod/posts/{_poster_with_two_posts(app, author)}/history"
    _assert_sees_nothing(app.test_client(), url)
    # Not the poster either: their browser holds their key, not a staff session.
    _assert_sees_nothing(author, url)


def test_forged_session_cookies_are_refused(app):
    url = f"/mod/posts/{_poster_with_two_posts(app)}/history"
    moderator = staff_client(app, "mo", "moderator")
    assert moderator.get(url).status_code == 200
    with moderator.session_transaction() as session:
        contents = dict(session)
    real = moderator.get_cookie("session").value

    for forged in (
        _forge(contents, "a guessed secret key"),  # the right claims, the wrong key
        real[:-2] + ("AA" if not real.endswith("AA") else "BB"),  # a tampered signature
        _forge({**contents, "_user_id": "1"}, "dev"),
    ):
        thief = app.test_client()
        thief.set_cookie("session", forged)
        _assert_sees_nothing(thief, url)


def test_a_logged_out_moderator_s_copied_session_is_refused(app):
    url = f"/mod/posts/{_poster_with_two_posts(app)}/history"
    moderator = staff_client(app, "mo", "moderator")
    copied = moderator.get_cookie("session").value
    assert SECOND_POST in moderator.get(url).get_data(as_text=True)

    assert submit_as_rendered(moderator, "/mod/queue", "/logout").status_code == 302
    replayed = app.test_client()
    replayed.set_cookie("session", copied)
    _assert_sees_nothing(replayed, url)
    _assert_sees_nothing(moderator, url)


def test_an_admin_sees_it_too(app):
    url = f"/mod/posts/{_poster_with_two_posts(app)}/history"
    admin = staff_client(app, "ada", "admin")
    assert SECOND_POST in admin.get(url).get_data(as_text=True)
