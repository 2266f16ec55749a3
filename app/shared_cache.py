"""The cache every worker shares (Redis with ``REDIS_URL``, else each worker's memory),
and the one place that tells it what readers see has changed.

Two kinds of entry live here:

- ``card:<post id>``: a post's card as every reader sees it (``app/forum/cards.py``).
- ``version:thread:<id>`` and ``version:front``: a random value that changes whenever
  anything on that thread's pages (or on the front page) changes. Cached pages
  (``app/reader_cache.py``) are reused only while the version they were rendered under
  is still the current one.
- ``queue:<post id>`` and ``version:queue``: a moderator queue entry as every moderator
  sees it (``app/mod/queue_entries.py``), and the version of everything entries show
  (posts, threads, reports, appeals, contacts, wordings), which any change to such a
  row moves on; a claim ("mo is looking at this") is no part of an entry and moves
  nothing.

The choke point is the database session: whatever code path changes a post or a thread
through the ORM (posting, editing, deleting, a report that hides a post, a moderator's
decision, an undo), the changed rows are noted when the session flushes, and once the
transaction commits their cards are deleted and their versions moved on. No view needs
to know about the cache. A bulk ``UPDATE`` bypasses the ORM's bookkeeping: code changing
what readers see that way must call ``content_changed`` itself.

Redis going away must not stop reading: every call here is a miss (or does nothing) when
the cache cannot be reached, and the page is rendered as if nothing were cached.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable

from flask import current_app, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Session

from app.extensions import cache
from models import Appeal, Post, PostContact, PostWording, Report, Thread

log = logging.getLogger(__name__)

FRONT = "version:front"
QUEUE = "version:queue"
# What a moderator queue entry shows: a change to any of these moves QUEUE on.
QUEUE_ROWS = (Post, Thread, Report, Appeal, PostContact, PostWording)
INITIAL = "initial"
# A moved version is kept this long; cached pages live for seconds, so once it is gone no
# page rendered under an older version is left to be served.
VERSION_SECONDS = 24 * 3600
# Where a session keeps the rows it changed until its transaction ends.
_CHANGED = "mend_changed_content"


def card_key(post_id: int) -> str:
    return f"card:{post_id}"


def queue_entry_key(post_id: int) -> str:
    return f"queue:{post_id}"


def thread_version_key(thread_id: int) -> str:
    return f"version:thread:{thread_id}"


def _unavailable(exc: Exception) -> None:
    # Rendering goes on without the cache; the log says why pages got slower.
    log.warning("shared cache unavailable: %s", exc)


def get_many(keys: list[str]) -> list:
    try:
        return cache.get_many(*keys)
    except Exception as exc:  # noqa: BLE001 - any backend failure is a miss
        _unavailable(exc)
        return [None] * len(keys)


def set_many(entries: dict) -> None:
    if not entries:
        return
    try:
        cache.set_many(entries)
    except Exception as exc:  # noqa: BLE001
        _unavailable(exc)


def delete_many(keys: Iterable[str]) -> None:
    keys = list(keys)
    if not keys:
        return
    try:
        cache.delete_many(*keys)
    except Exception as exc:  # noqa: BLE001
        _unavailable(exc)


def content_version(key: str) -> str | None:
    """The current version of a page's content; ``INITIAL`` for content that has not
    changed within ``VERSION_SECONDS``. None when the cache cannot be reached: such a
    page is then never served from a cache.

    Reading never writes, so requests for ids that do not exist leave nothing behind."""
    try:
        return cache.get(key) or INITIAL
    except Exception as exc:  # noqa: BLE001
        _unavailable(exc)
        return None


def content_changed(
    post_ids: Iterable[int] = (), thread_ids: Iterable[int] = (), queue: bool = True
) -> None:
    """Forget the cards of these posts and move their threads' versions (and the front
    page's, and with ``queue`` the moderator queue's) on, in every worker sharing the
    cache; drop this worker's cached pages of them at once."""
    post_ids, thread_ids = set(post_ids), set(thread_ids)
    # A changed post's words leave the shared cache at once (its card and queue entry).
    delete_many([*map(card_key, post_ids), *map(queue_entry_key, post_ids)])
    versions = {thread_version_key(thread_id): secrets.token_hex(8) for thread_id in thread_ids}
    versions[FRONT] = secrets.token_hex(8)
    if queue:
        versions[QUEUE] = secrets.token_hex(8)
    try:
        cache.set_many(versions, timeout=VERSION_SECONDS)
    except Exception as exc:  # noqa: BLE001
        _unavailable(exc)
        # Readers must not be served what was cached before the change: with the
        # versions out of reach, the old ones at least must go.
        delete_many(versions)
    current_app.extensions["reader_cache"].forget_threads(thread_ids)


def _note_changes(session: Session, _flush_context) -> None:
    posts, threads, queue = session.info.setdefault(_CHANGED, (set(), set(), set()))
    for row in (*session.new, *session.dirty, *session.deleted):
        if isinstance(row, Post):
            posts.add(row.id)
            threads.add(row.thread_id)
        elif isinstance(row, Thread):
            threads.add(row.id)
        if isinstance(row, QUEUE_ROWS):
            queue.add(True)


def _after_commit(session: Session) -> None:
    changed = session.info.pop(_CHANGED, None)
    if changed and has_app_context() and "cache" in current_app.extensions:
        posts, threads, queue = changed
        content_changed(posts, threads, queue=bool(queue))


def register() -> None:
    """Listen on every SQLAlchemy session (once per process)."""
    if not event.contains(Session, "after_flush", _note_changes):
        event.listen(Session, "after_flush", _note_changes)
        # Nothing is dropped on a rollback: a change noted for a transaction that did not
        # commit costs, at the next commit, one render too many, never a stale page.
        event.listen(Session, "after_commit", _after_commit)
