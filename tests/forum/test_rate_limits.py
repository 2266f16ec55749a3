"""Floods of posts get a friendly 429, and the text is not lost."""

import uuid

import pytest
import redis

from tests.conftest import submit
from tests.redis_db import redis_url


def test_posting_too_fast_gets_a_friendly_429(make_app):
    app = make_app(POST_RATE_LIMIT="3 per minute")
    client = app.test_client()
    for n in range(3):
        assert submit(client, "/new", {"title": f"Post {n}", "body": "text"}).status_code == 302
    response = submit(client, "/new", {"title": "One too many", "body": "Please keep me"})
    assert response.status_code == 429
    html = response.get_data(as_text=True)
    assert "slow down" in html
    assert "Please keep me" in html
    # Reading is never limited.
    assert client.get("/").status_code == 200


def test_dropping_the_cookie_does_not_reset_the_limit(make_app):
    app = make_app(POST_RATE_LIMIT="2 per minute")
    for n in range(2):
        fresh = app.test_client()
        assert submit(fresh, "/new", {"title": f"Post {n}", "body": "text"}).status_code == 302
    assert submit(app.test_client(), "/new", {"title": "Third", "body": "x"}).status_code == 429


def test_limits_count_per_poster_and_address(make_app):
    app = make_app(POST_RATE_LIMIT="2 per minute")
    here, there = app.test_client(), app.test_client()
    there.environ_base["REMOTE_ADDR"] = "198.51.100.9"
    for client in (here, here):
        assert submit(client, "/new", {"title": "Mine", "body": "text"}).status_code == 302
    assert submit(there, "/new", {"title": "Other", "body": "text"}).status_code == 302


def _redis_up() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception:
        return False


REDIS_URL = redis_url(15)


@pytest.mark.skipif(not _redis_up(), reason=f"no Redis at {REDIS_URL}")
def test_limits_are_shared_through_redis_by_every_app_instance(make_app):
    # Two app instances stand for two gunicorn workers: the count is shared.
    settings = {
        "POST_RATE_LIMIT": "2 per minute",
        "RATELIMIT_STORAGE_URI": REDIS_URL,
        "RATELIMIT_KEY_PREFIX": f"mend-test-{uuid.uuid4().hex}",
    }
    first, second = make_app(**settings), make_app(**settings)
    client_one, client_two = first.test_client(), second.test_client()
    assert submit(client_one, "/new", {"title": "One", "body": "text"}).status_code == 302
    assert submit(client_two, "/new", {"title": "Two", "body": "text"}).status_code == 302
    assert submit(client_one, "/new", {"title": "Three", "body": "text"}).status_code == 429
    # The counts live in Redis, keyed by hashes: no raw address in any key.
    store = redis.Redis.from_url(REDIS_URL)
    keys = store.keys(f"*{settings['RATELIMIT_KEY_PREFIX']}*")
    assert keys
    assert not [k for k in keys if b"127.0.0.1" in k]
    store.delete(*keys)
