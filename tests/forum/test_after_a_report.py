"""After a report the reader is back where they were reading (issue 13, item 5): the
post on its page of the thread; if their report was the one that hid it, that page
with a thank-you, never a 404; if it hid the whole thread, the front page."""

import re

from app.forum.writing import create_reply, create_thread
from app.poster_identity import Poster
from models import Post, db
from tests.promises.forms import submit_as_rendered

POST_RE = re.compile(r'<article class="post[^"]*" id="p(\d+)"')


def _reader(app, n: int):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = f"203.0.113.{n}"
    return client


def _thread(app, replies: int) -> list[int]:
    with app.app_context():
        opening, _ = create_thread("Long week", "Story", Poster("starter-key-abcdefghijkl", "s"))
        ids = [opening.id]
        for n in range(replies):
            poster = Poster(f"replier-key-{n:03d}-abcdefgh", "r")
            ids.append(create_reply(opening.thread, f"Reply {n}", poster)[0].id)
    return ids


def _report(client, post_id: int):
    return submit_as_rendered(
        client, f"/p/{post_id}/report", "/report", {"reason": "abuse", "details": "rude"}
    )


def test_a_report_returns_the_reader_to_the_post_on_its_page(app):
    app.config["POSTS_PER_PAGE"] = 5
    ids = _thread(app, 11)
    reader = _reader(app, 1)
    response = _report(reader, ids[7])
    assert response.status_code == 302
    assert response.location == f"/t/1?page=2#p{ids[7]}"
    page = reader.get(response.location).get_data(as_text=True)
    assert "Thank you. A moderator will look at this post." in page
    # The thread goes on after the reported post: nothing is cut off at it.
    shown = [int(i) for i in POST_RE.findall(page)]
    assert shown == ids[5:10] and 'rel="next"' in page


def test_the_report_that_hides_a_post_lands_on_its_page_with_thanks(app):
    app.config["POSTS_PER_PAGE"] = 5
    ids = _thread(app, 11)
    for n in (1, 2):
        _report(_reader(app, n), ids[7])
    third = _reader(app, 3)
    response = _report(third, ids[7])
    assert response.location == "/t/1?page=2"
    page = third.get(response.location)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Thank you. This post is hidden until a moderator looks at it." in html
    assert [int(i) for i in POST_RE.findall(html)] == ids[5:7] + ids[8:11]
    with app.app_context():
        assert db.session.get(Post, ids[7]).status == "hidden"
    # Its permanent link is now "not found" to readers, as for any hidden post.
    assert third.get(f"/p/{ids[7]}").status_code == 404


def test_the_report_that_hides_a_thread_lands_on_the_front_page(app):
    ids = _thread(app, 1)
    for n in (1, 2):
        _report(_reader(app, n), ids[0])
    third = _reader(app, 3)
    response = _report(third, ids[0])
    assert response.location == "/"
    html = third.get("/").get_data(as_text=True)
    assert "Thank you. This post is hidden until a moderator looks at it." in html
    assert "Long week" not in html


def test_the_report_pages_cancel_link_goes_back_to_the_post(app):
    ids = _thread(app, 2)
    html = _reader(app, 1).get(f"/p/{ids[2]}/report").get_data(as_text=True)
    assert f'href="/p/{ids[2]}">Cancel</a>' in html
