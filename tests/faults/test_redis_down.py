"""Redis, which holds the shared rate-limit counts, is down while ``REDIS_URL`` is set:
posting goes on, and the limits fall back to each worker's memory (README,
"Configuration"). Each case is a fresh gunicorn process, as after a deploy."""

import socket

import pytest

from tests.load.client import Browser


def _posting_works_and_the_limit_holds(address: str) -> None:
    # A hung request fails the test quickly instead of hanging the run.
    visitor = Browser(address, timeout=10)
    for n in range(2):
        status, location, _ = visitor.submit("/new", {"title": f"Still here {n}", "body": "Day 20"})
        assert status == 302 and location.startswith("/p/")
    # The limit still holds, counted in the worker's memory; the words are kept.
    status, _, page = visitor.submit("/new", {"title": "One too many", "body": "Keep me please"})
    assert status == 429
    assert "Keep me please" in page
    assert visitor.request("GET", "/")[0] == 200


def test_redis_refusing_connections(start_server):
    # Nothing listens on port 1: every connection is refused at once.
    address = start_server(
        workers=1, REDIS_URL="redis://127.0.0.1:1/0", POST_RATE_LIMIT="2 per minute"
    )
    _posting_works_and_the_limit_holds(address)


@pytest.fixture
def silent_port():
    """A port that accepts connections and never answers: a hung or overloaded Redis."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(64)
        yield silent.getsockname()[1]


def test_redis_that_accepts_but_never_answers(start_server, silent_port):
    address = start_server(
        workers=1, REDIS_URL=f"redis://127.0.0.1:{silent_port}/0", POST_RATE_LIMIT="2 per minute"
    )
    _posting_works_and_the_limit_holds(address)
