"""Keyset pagination on the front page; page numbers in threads."""

import re
from datetime import timedelta

from app.forum.listing import page_numbers
from app.forum.writing import create_reply, create_thread
from app.poster_identity import Poster
from models import Thread, db, utcnow
from tests.conftest import SCAM, submit

TITLE_RE = re.compile(r'<h2><a href="/t/(\d+)">')
POST_RE = re.compile(r'<article class="post[^"]*" id="p(\d+)"')


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


def _long_thread(app, replies: int) -> list[int]:
    """A thread (id 1) of an opening post and ``replies`` replies; their ids in order."""
    with app.app_context():
        poster = Poster(key="thread-starter-key-xxxxxxxx", address_hash="t")
        post, _ = create_thread("Long thread", "Story", poster)
        ids = [post.id]
        for n in range(replies):
            replier = Poster(key=f"replier-{n:03d}-abcdefghijklm", address_hash="t")
            ids.append(create_reply(post.thread, f"Reply number {n}.", replier)[0].id)
    return ids


def _post_ids(html: str) -> list[int]:
    return [int(i) for i in POST_RE.findall(html)]


def _link(html: str, rel: str) -> str | None:
    link = re.search(rf'rel="{rel}" href="([^"]+)"', html)
    return link.group(1).replace("&amp;", "&") if link else None


def test_thread_pages_hold_every_reply_once_both_ways(app, client):
    app.config["POSTS_PER_PAGE"] = 30
    ids = _long_thread(app, 64)
    forwards, url = [], "/t/1"
    while url:
        html = client.get(url).get_data(as_text=True)
        forwards.append(_post_ids(html))
        url = _link(html, "next")
    assert [len(page) for page in forwards] == [30, 30, 5]
    assert [i for page in forwards for i in page] == ids

    backwards, url = [], "/t/1?page=3"
    while url:
        html = client.get(url).get_data(as_text=True)
        backwards.append(_post_ids(html))
        url = _link(html, "prev")
    assert backwards == forwards[::-1]
    # The first page is the thread's own address; ?last=1 still finds the last page.
    assert _link(client.get("/t/1?page=2").get_data(as_text=True), "prev") == "/t/1"
    assert _post_ids(client.get("/t/1?last=1").get_data(as_text=True)) == ids[60:]


def test_page_numbers_show_the_ends_and_the_pages_around_this_one():
    assert page_numbers(5, 12) == [1, None, 4, 5, 6, None, 12]
    assert page_numbers(1, 12) == [1, 2, None, 12]
    assert page_numbers(12, 12) == [1, None, 11, 12]
    assert page_numbers(3, 12) == [1, 2, 3, 4, None, 12]  # no "…" for one page
    assert page_numbers(1, 1) == [1]
    assert page_numbers(2, 3) == [1, 2, 3]


def test_the_pager_links_page_numbers_around_the_current_page(app, client):
    app.config["POSTS_PER_PAGE"] = 2
    _long_thread(app, 23)  # 24 posts: 12 pages
    html = client.get("/t/1?page=5").get_data(as_text=True)
    start = html.index('class="pager pages"')
    pager = html[start : html.index("</nav>", start)]
    linked = re.findall(r'href="/t/1(?:\?page=(\d+))?"', pager)
    numbers = [int(n or 1) for n in linked]
    assert numbers == [4, 1, 4, 5, 6, 12, 6]  # prev, 1 … 4 5 6 … 12, next
    assert pager.count("…") == 2
    assert re.search(r'aria-current="page" href="/t/1\?page=5"', pager)


def test_a_one_post_thread_has_no_pager_and_no_empty_pages(app, client):
    _long_thread(app, 0)
    html = client.get("/t/1").get_data(as_text=True)
    assert "pager" not in html and "Later posts" not in html and "Latest" not in html
    # A page past the end (the thread was shorter than a link remembered) is its end.
    response = client.get("/t/1?page=7")
    assert response.status_code == 302 and response.location == "/t/1"
    for url in ("/t/1?after=1", "/t/1?last=1"):
        assert _post_ids(client.get(url, follow_redirects=True).get_data(as_text=True)) == [1]


def test_a_permalink_lands_on_the_page_that_holds_the_post(app, client):
    app.config["POSTS_PER_PAGE"] = 10
    ids = _long_thread(app, 24)
    for index in (0, 9, 10, 19, 24):
        response = client.get(f"/p/{ids[index]}")
        page = index // 10 + 1
        target = "/t/1" if page == 1 else f"/t/1?page={page}"
        assert response.location == f"{target}#p{ids[index]}"
        assert ids[index] in _post_ids(client.get(response.location).get_data(as_text=True))


def test_pages_count_only_what_readers_see_and_an_authors_held_post_keeps_its_place(app, client):
    app.config["POSTS_PER_PAGE"] = 3
    _long_thread(app, 2)  # posts 1 to 3: page 1
    author = app.test_client()
    held = submit(author, "/t/1", {"body": SCAM}, "/t/1/reply")
    assert held.status_code == 302 and "/status" in held.location
    held_id = int(re.search(r"/p/(\d+)/", held.location).group(1))
    for n in range(3):
        submit(app.test_client(), "/t/1", {"body": f"Later reply {n}."}, "/t/1/reply")
    # Readers: 6 posts, 2 pages of 3; the held post is nowhere.
    assert _post_ids(client.get("/t/1").get_data(as_text=True)) == [1, 2, 3]
    assert _post_ids(client.get("/t/1?page=2").get_data(as_text=True)) == [5, 6, 7]
    # Its author sees it where it was written, and the pages stay the same.
    assert _post_ids(author.get("/t/1").get_data(as_text=True)) == [1, 2, 3]
    assert _post_ids(author.get("/t/1?page=2").get_data(as_text=True)) == [held_id, 5, 6, 7]


def test_links_from_before_page_numbers_find_their_posts(app, client):
    app.config["POSTS_PER_PAGE"] = 10
    ids = _long_thread(app, 24)
    # "Later posts" after post 10, and the old permalink form (the page ending with 15).
    assert client.get(f"/t/1?after={ids[9]}").location == "/t/1?page=2"
    assert client.get(f"/t/1?before={ids[14] + 1}").location == "/t/1?page=2"
    assert client.get(f"/t/1?before={ids[3] + 1}").location == "/t/1"


def test_broken_page_links_get_400_not_500(client):
    for url in (
        "/?older=garbage",
        "/?newer=12-",
        "/?older=99999999999999999999999999-1",
        "/t/1?after=abc",
        "/t/1?before=99999999999999999999999",
        "/t/1?page=abc",
        "/t/1?page=-1",
        "/t/1?page=99999999999999999999999",
    ):
        response = client.get(url)
        assert response.status_code in (400, 404), url
    assert client.get("/?older=abc").status_code == 400
