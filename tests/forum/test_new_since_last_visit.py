""" "New since your last visit" for people who posted in a thread (issue 14, item 4): a
cookie keeps, per thread the browser posted in, the latest post it was shown; nothing
about reading is stored on the server."""

import re

from sqlalchemy import inspect

from app.forum.last_seen import MAX_SEEN_THREADS, SEEN_COOKIE, parse_seen, seen_value
from models import db
from tests.promises.forms import submit_as_rendered

MARKER = "New since your last visit"


def _reply(client, body: str, thread_id: int = 1):
    response = submit_as_rendered(client, f"/t/{thread_id}", "/reply", {"body": body})
    assert response.status_code == 302
    return response


def _start(client, title: str = "Week three"):
    response = submit_as_rendered(client, "/new", "/new", {"title": title, "body": "Story"})
    assert response.status_code == 302
    client.get(response.location, follow_redirects=True)  # on to the thread


def _marked_from(html: str) -> int | None:
    """The id of the first post after the marker, if the page has one."""
    match = re.search(r'class="new-marker".*?<article class="post[^"]*" id="p(\d+)"', html, re.S)
    return int(match.group(1)) if match else None


def test_a_returning_author_sees_where_the_new_replies_begin(app):
    author, other = app.test_client(), app.test_client()
    _start(author)
    assert author.get_cookie(SEEN_COOKIE).value == "1:1"
    _reply(other, "First reply")  # post 2
    _reply(author, "Thank you")  # post 3, the author's own: not new to them
    _reply(other, "Second reply")  # post 4
    _reply(other, "Third reply")  # post 5

    html = author.get("/t/1").get_data(as_text=True)
    assert html.count(MARKER) == 1 and _marked_from(html) == 4
    assert author.get_cookie(SEEN_COOKIE).value == "1:5"
    # Seen now: the next visit marks nothing.
    assert MARKER not in author.get("/t/1").get_data(as_text=True)


def test_readers_who_never_posted_get_no_marker_and_no_cookie(app):
    author, reader = app.test_client(), app.test_client()
    _start(author)
    _reply(app.test_client(), "A reply")
    html = reader.get("/t/1").get_data(as_text=True)
    assert MARKER not in html and reader.get_cookie(SEEN_COOKIE) is None
    # A cookie that claims a visit counts only where this browser holds a post's token.
    reader.set_cookie(SEEN_COOKIE, "1:1")
    assert MARKER not in reader.get("/t/1").get_data(as_text=True)


def test_new_posts_on_a_later_page_are_linked_from_the_page_shown(app):
    app.config["POSTS_PER_PAGE"] = 3
    author = app.test_client()
    _start(author)
    for n in range(4):
        _reply(app.test_client(), f"Reply {n}")  # posts 2 to 5
    author.set_cookie(SEEN_COOKIE, "1:3")  # last here when post 3 was the latest
    html = author.get("/t/1").get_data(as_text=True)
    assert 'href="/p/4">New posts since your last visit' in html
    assert author.get("/p/4").location == "/t/1?page=2#p4"
    assert _marked_from(author.get("/t/1?page=2").get_data(as_text=True)) == 4


def test_the_cookie_keeps_the_latest_threads_only_and_ignores_junk():
    seen = parse_seen("1:5|junk|2:x|3:9|1:7")
    assert seen == {3: 9, 1: 7}
    value = seen_value(seen, 3, 4)  # never moves backwards
    assert value == "1:7|3:9"
    many = {n: n for n in range(1, MAX_SEEN_THREADS + 1)}
    assert parse_seen(seen_value(many, 999, 1000)).keys() == {*range(2, MAX_SEEN_THREADS + 1), 999}


def test_nothing_about_reading_is_stored_on_the_server(app):
    with app.app_context():
        columns = {
            column["name"]
            for table in inspect(db.engine).get_table_names()
            for column in inspect(db.engine).get_columns(table)
        }
    assert not {c for c in columns if "seen" in c and c != "care_seen_at"}
