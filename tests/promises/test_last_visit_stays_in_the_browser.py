"""README: "your browser marks where the posts that are new since your last visit begin:
it keeps the latest post it showed you per thread in a cookie of its own; the server
stores nothing about what anyone read."

The attacks: look for the visit in the database after a returning author reads; send a
forged cookie (junk, ids too large to exist, hundreds of threads, a thread the browser
never posted in) and look for a server error, a marker, or a cookie that grows.
"""

import re

from sqlalchemy import select

from app.forum.last_seen import MAX_SEEN_THREADS, SEEN_COOKIE
from models import db
from tests.conftest import remembered_token, submit
from tests.promises.forms import submit_as_rendered


def _everything(app) -> dict[str, list]:
    """Every row of every table, as the database holds it."""
    with app.app_context():
        return {
            table.name: [tuple(row) for row in db.session.execute(select(table)).all()]
            for table in db.metadata.sorted_tables
        }


def test_reading_leaves_no_trace_in_the_database(app):
    author = app.test_client()
    submit_as_rendered(author, "/new", "/new", {"title": "Week one", "body": "Story"})
    author.get("/t/1")  # the thread as it stood when the author left
    submit_as_rendered(app.test_client(), "/t/1", "/reply", {"body": "Hang in there."})
    before = _everything(app)
    html = author.get("/t/1").get_data(as_text=True)
    assert "New since your last visit" in html
    assert author.get_cookie(SEEN_COOKIE) is not None
    author.get("/t/1")
    assert _everything(app) == before


def test_forged_cookies_change_nothing_but_their_own_marker(app):
    author = app.test_client()
    submit_as_rendered(author, "/new", "/new", {"title": "Mine", "body": "Story"})
    submit_as_rendered(app.test_client(), "/new", "/new", {"title": "Not mine", "body": "S"})
    forged = [
        "junk",
        "1:99999999999999999999|2:-1|x:y|:|||",
        "|".join(f"{n}:{n}" for n in range(1, 400)),
        "2:0",  # a thread this browser never posted in
        "1:0" + "\x7f" * 10,
    ]
    for value in forged:
        reader = app.test_client()
        reader.set_cookie(SEEN_COOKIE, value)
        for url in ("/t/1", "/t/2", "/t/2?page=2", "/"):
            response = reader.get(url, follow_redirects=True)
            assert response.status_code == 200, (value[:40], url)
            assert "New since your last visit" not in response.get_data(as_text=True)
    # The author's own browser with a huge cookie: still one marker at most, and the
    # cookie it gets back is cut to the latest threads.
    author.set_cookie(SEEN_COOKIE, "|".join(f"{n}:{n}" for n in range(100, 450)))
    assert author.get("/t/1").status_code == 200
    kept = author.get_cookie(SEEN_COOKIE).value.split("|")
    assert len(kept) == MAX_SEEN_THREADS and kept[-1] == "1:1"


def test_the_marker_marks_only_what_your_posts_counts(app):
    """A cookie that says less was seen than the browser's own latest post (an old one,
    or one made up) marks nothing the header and /mine do not count as new: not a
    deleted post, not a post older than the author's own latest reply."""
    author, other = app.test_client(), app.test_client()
    submit_as_rendered(author, "/new", "/new", {"title": "Week one", "body": "Story"})  # 1
    submit_as_rendered(other, "/t/1", "/reply", {"body": "A reply I take back."})  # 2
    token = remembered_token(other, 2)
    assert submit(other, "/p/2/delete", {"token": token}).status_code == 302
    submit_as_rendered(other, "/t/1", "/reply", {"body": "Thinking of you."})  # 3
    submit_as_rendered(author, "/t/1", "/reply", {"body": "Thank you."})  # 4, the author's

    author.set_cookie(SEEN_COOKIE, "1:1")
    html = author.get("/t/1").get_data(as_text=True)
    assert "[deleted by author]" in html
    assert "New since your last visit" not in html
    author.set_cookie(SEEN_COOKIE, "1:1")
    assert "No new replies since you last looked." in author.get("/mine").get_data(as_text=True)

    submit_as_rendered(other, "/t/1", "/reply", {"body": "Still here."})  # 5
    author.set_cookie(SEEN_COOKIE, "1:1")
    assert "1 new reply since you last looked" in author.get("/mine").get_data(as_text=True)
    html = author.get("/t/1").get_data(as_text=True)
    assert html.count("New since your last visit") == 1
    assert re.search(r'class="new-marker".*?id="p(\d+)"', html, re.S)[1] == "5"
