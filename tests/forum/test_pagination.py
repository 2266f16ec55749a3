"""Keyset pagination on the front page and in threads."""

import re
from datetime import timedelta

from app.forum.writing import create_reply, create_thread
from app.poster_identity import Poster
from models import Thread, db, utcnow
from tests.conftest import submit

TITLE_RE = re.compile(r'<h2><a href="/t/(\d+)">')


def _make_threads(app, count: int) -> None:
    """Threads with distinct activity times, some sharing one (ties break on id)."""
    with app.app_context():
        base = utcnow() - timedelta(days=1)
        for n in range(count):
            poster = Poster(key=f"poster-key-{n:04d}-abcdefghijk", address_hash="t")
            post, _ = create_thread(f"Thread {n}", f"Story {n}", poster)
            post.thread.last_activity_at = base + timedelta(minutes=n // 2)
        db.session.commit()


def _walk(client, start: str, direction: str) -> list[list[int]]:
    pages, url = [], start
    while url:
        html = client.get(url).get_data(as_text=True)
        pages.append([int(i) for i in TITLE_RE.findall(html)])
        link = re.search(rf'rel="{direction}" href="([^"]+)"', html)
        url = link.group(1).replace("&amp;", "&") if link else None
        assert len(pages) < 10
    return pages


def test_front_page_walks_every_thread_once_in_order(app, client):
    app.config["THREADS_PER_PAGE"] = 20
    _make_threads(app, 45)
    pages = _walk(client, "/", "next")
    assert [len(p) for p in pages] == [20, 20, 5]
    seen = [i for page in pages for i in page]
    with app.app_context():
        expected = [
            t.id
            for t in db.session.execute(
                db.select(Thread).order_by(Thread.last_activity_at.desc(), Thread.id.desc())
            ).scalars()
        ]
    assert seen == expected

    # The first page has no newer page; walking back from the second ends on the first.
    first = client.get("/").get_data(as_text=True)
    assert 'rel="prev"' not in first
    older = re.search(r'rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    assert _walk(client, older, "prev") == [pages[1], pages[0]]


def test_new_activity_moves_a_thread_to_the_top(app, client):
    _make_threads(app, 5)
    submit(app.test_client(), "/t/1", {"body": "Bumping this one"}, "/t/1/reply")
    assert _walk(client, "/", "next")[0][0] == 1


def test_thread_pages_hold_every_reply_once(app, client):
    app.config["POSTS_PER_PAGE"] = 30
    with app.app_context():
        poster = Poster(key="thread-starter-key-xxxxxxxx", address_hash="t")
        post, _ = create_thread("Long thread", "Story", poster)
        for n in range(64):
            replier = Poster(key=f"replier-{n:03d}-abcdefghijklm", address_hash="t")
            create_reply(post.thread, f"Reply number {n}.", replier)
    seen, url = [], "/t/1"
    while url:
        html = client.get(url).get_data(as_text=True)
        seen.extend(int(i) for i in re.findall(r'<article class="post[^"]*" id="p(\d+)"', html))
        link = re.search(r'rel="next" href="([^"]+)"', html)
        url = link.group(1).replace("&amp;", "&") if link else None
    assert seen == list(range(1, 66))
    last = client.get("/t/1?last=1").get_data(as_text=True)
    ids = [int(i) for i in re.findall(r'id="p(\d+)"', last)]
    assert ids == list(range(36, 66))
    assert 'rel="prev"' in last and 'rel="next"' not in last


def test_broken_page_links_get_400_not_500(client):
    for url in (
        "/?older=garbage",
        "/?newer=12-",
        "/?older=99999999999999999999999999-1",
        "/t/1?after=abc",
        "/t/1?before=99999999999999999999999",
    ):
        response = client.get(url)
        assert response.status_code in (400, 404), url
    assert client.get("/?older=abc").status_code == 400
