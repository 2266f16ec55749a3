""" "New since your last visit", for people who posted in a thread.

The browser keeps, per thread it has posted in, the id of the latest post it was shown,
in a cookie: nothing about what anyone read is stored on the server. The cookie is only
a claim, and all it can change is which posts the page marks as new to this browser.
"""

from app.guards import row_id

SEEN_COOKIE = "mend_seen"
# A browser remembers the threads it visited most recently, up to this many.
MAX_SEEN_THREADS = 40
SEEN_COOKIE_MAX_AGE = 180 * 24 * 3600


def parse_seen(value: str | None) -> dict[int, int]:
    """thread id -> the latest post id seen there, oldest visit first."""
    seen: dict[int, int] = {}
    for pair in (value or "").split("|")[-MAX_SEEN_THREADS:]:
        thread_id, _, post_id = pair.partition(":")
        thread_id, post_id = row_id(thread_id), row_id(post_id)
        if thread_id is not None and post_id is not None:
            seen.pop(thread_id, None)
            seen[thread_id] = post_id
    return seen


def seen_value(seen: dict[int, int], thread_id: int, post_id: int) -> str:
    """The cookie after a visit to ``thread_id`` that showed posts up to ``post_id``:
    this thread moves to the end, and the oldest visits drop off beyond the limit."""
    updated = dict(seen)
    latest = max(post_id, updated.pop(thread_id, 0))
    updated[thread_id] = latest
    pairs = list(updated.items())[-MAX_SEEN_THREADS:]
    return "|".join(f"{t}:{p}" for t, p in pairs)
