"""Post cards are rendered once and reused by every reader, in every worker sharing the
cache, and every change readers must see (a reply published, an edit, a delete, a post
hidden by reports, a moderator's decision) reaches the next page at once.

Each test runs twice: with each worker's own memory (the embedded default) and with
Redis (``REDIS_URL``), where a second app stands for another worker or server sharing
the cache, and makes the change the first one must see.
"""

import pytest

from app.extensions import cache
from app.shared_cache import card_key
from models import Post, PostStatus, db
from tests.conftest import SCAM, staff_client, submit
from tests.promises.forms import submit_as_rendered
from tests.redis_db import redis_or_skip, redis_url

# Redis db 10 is this suite's own unless TEST_REDIS_URL names one (tests/redis_db.py).
REDIS_URL = redis_url(10)
PREFIX = "mend-test:"
OPENING = "Three months out and I still set two mugs out every morning."


@pytest.fixture(params=["memory", "redis"])
def workers(request, make_app):
    """(the worker readers use, the worker that makes the change): two apps sharing
    Redis, or one app alone with its own memory."""
    settings = {"READER_CACHE_SECONDS": 60}
    if request.param == "memory":
        app = make_app(**settings)
        yield app, app
        return
    connection = redis_or_skip(REDIS_URL)
    connection.flushdb()
    settings |= {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": REDIS_URL}
    settings |= {"CACHE_KEY_PREFIX": PREFIX}
    yield make_app(**settings), make_app(**settings)
    connection.flushdb()


def _thread(app) -> int:
    author = app.test_client()
    assert submit(author, "/new", {"title": "Two mugs", "body": OPENING}).status_code == 302
    return 1


def _reply(app, client, body: str) -> int:
    response = submit(client, "/t/1", {"body": body}, "/t/1/reply")
    assert response.status_code == 302
    with app.app_context():
        return db.session.execute(db.select(db.func.max(Post.id))).scalar_one()


def _page(app, path: str = "/t/1") -> str:
    response = app.test_client().get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _card(app, post_id: int):
    with app.app_context():
        return cache.get(card_key(post_id))


def test_a_card_is_rendered_once_and_reused(workers):
    readers, writer = workers
    _thread(writer)
    _reply(writer, writer.test_client(), "Week one I could not eat. Week two, soup.")
    assert "Week two, soup" in _page(readers)
    stamp, html = _card(writer, 2)  # in the cache every worker reads
    assert "Week two, soup" in html
    with readers.app_context():
        cache.set(card_key(2), (stamp, html.replace("soup", "bread")))
    page = _page(readers, "/t/1?from=search")  # a path the page cache has not seen
    assert "Week two, bread" in page and "Week two, soup" not in page


def test_a_published_reply_shows_at_once(workers):
    readers, writer = workers
    _thread(writer)
    _page(readers), _page(readers, "/")
    _reply(writer, writer.test_client(), "Sending you strength from Lisbon.")
    assert "Sending you strength from Lisbon." in _page(readers)
    assert "1 reply" in _page(readers, "/")


def test_an_edit_shows_at_once_and_the_old_card_is_gone(workers):
    readers, writer = workers
    _thread(writer)
    author = writer.test_client()
    post_id = _reply(writer, author, "I wrote him a letter I will never send.")
    assert "never send" in _page(readers)
    edited = "I wrote him a letter and burned it in the garden."
    response = submit_as_rendered(
        author, f"/p/{post_id}/edit", f"/p/{post_id}/edit", {"body": edited}
    )
    assert response.status_code == 302
    assert _card(readers, post_id) is None or "never send" not in _card(readers, post_id)[1]
    page = _page(readers)
    assert "burned it in the garden" in page and "never send" not in page


def test_a_delete_takes_the_card_out_of_the_cache_at_once(workers):
    readers, writer = workers
    _thread(writer)
    author = writer.test_client()
    post_id = _reply(writer, author, "The marigold notebook is where I write to her.")
    assert "marigold" in _page(readers)
    assert "marigold" in _card(readers, post_id)[1]
    assert (
        submit_as_rendered(author, f"/p/{post_id}/delete", f"/p/{post_id}/delete").status_code
        == 302
    )
    assert _card(readers, post_id) is None  # in Redis: for every worker
    page = _page(readers)
    assert "marigold" not in page and "[deleted by author]" in page


def test_a_post_hidden_by_reports_leaves_the_page_at_once(workers):
    readers, writer = workers
    _thread(writer)
    post_id = _reply(writer, writer.test_client(), "You are all wasting time, get over it.")
    assert "get over it" in _page(readers)
    for n in range(3):
        reporter = writer.test_client()
        reporter.environ_base["REMOTE_ADDR"] = f"203.0.113.{n + 1}"
        url = f"/p/{post_id}/report"
        assert submit_as_rendered(reporter, url, url, {"reason": "other"}).status_code == 302
    with writer.app_context():
        assert db.session.get(Post, post_id).status == PostStatus.HIDDEN
    assert "get over it" not in _page(readers)


def _decide(moderator, post_id: int, action: str) -> None:
    response = submit(
        moderator, "/mod/queue", {"post_id": str(post_id), "action": action}, "/mod/decide"
    )
    assert response.status_code == 302


def test_moderator_decisions_show_at_once(workers):
    readers, writer = workers
    _thread(writer)
    held = _reply(writer, writer.test_client(), SCAM)
    unkind = _reply(writer, writer.test_client(), "Honestly nobody cares about your mugs.")
    page = _page(readers)
    assert "Dr Obodo" not in page and "nobody cares" in page
    url = f"/p/{unkind}/report"  # one report puts it in the queue
    assert (
        submit_as_rendered(writer.test_client(), url, url, {"reason": "other"}).status_code == 302
    )
    moderator = staff_client(writer, "mo", "moderator")
    _decide(moderator, held, "approve")
    _decide(moderator, unkind, "remove")
    page = _page(readers)
    assert "Dr Obodo" in page and "nobody cares" not in page


def test_asking_for_threads_that_do_not_exist_leaves_nothing_in_the_cache(workers):
    readers, _ = workers
    _thread(readers)
    _page(readers)
    with readers.app_context():
        backend = cache.cache
        before = (
            len(backend._write_client.keys("*"))
            if hasattr(backend, "_write_client")
            else len(backend._cache)
        )
    for thread_id in range(2, 40):
        assert readers.test_client().get(f"/t/{thread_id}").status_code == 404
    with readers.app_context():
        after = (
            len(backend._write_client.keys("*"))
            if hasattr(backend, "_write_client")
            else len(backend._cache)
        )
    assert after == before


def test_without_redis_pages_are_rendered_and_posting_goes_on(make_app):
    """Redis refusing connections: every page is rendered in full, none is cached."""
    app = make_app(
        READER_CACHE_SECONDS=60,
        CACHE_TYPE="RedisCache",
        CACHE_REDIS_URL="redis://127.0.0.1:1/0",  # nothing listens on port 1
    )
    _thread(app)
    assert OPENING in _page(app)
    _reply(app, app.test_client(), "Still here, still reading.")
    assert "Still here, still reading." in _page(app)
    assert "Still here, still reading." in _page(app, "/t/1?from=search")
