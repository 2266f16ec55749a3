"""Which Redis database a test suite may empty.

Each suite that flushes Redis has its own database by default (the RQ tests 2, the
post-card and deleted-words tests 10, the rate-limit test 15). Two whole runs on one
machine (SQLite and PostgreSQL side by side, or two worktrees) would still flush each
other's: set ``TEST_REDIS_URL`` to a database of the run's own, and every suite uses it.
One run's tests take turns, and each empties the database before and after itself.
"""

import os

import pytest
import redis


def redis_url(default_db: int) -> str:
    return os.environ.get("TEST_REDIS_URL") or f"redis://127.0.0.1:6379/{default_db}"


def redis_or_skip(url: str) -> redis.Redis:
    """A connection to the Redis database at ``url``; the test is skipped without one."""
    connection = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {url}")
    return connection
