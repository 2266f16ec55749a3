"""A small per-worker store whose entries leave memory once too old or too many.

Both of Mend's in-process caches (rendered post text in ``app.text_memo``, reader pages
in ``app.reader_cache``) hold people's words, so an entry must not outlive its use: it is
dropped, not merely ignored, once older than ``max_age``, and the worker deleting a post
can drop its entries at once.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any


class ExpiringStore:
    def __init__(self, max_size: int):
        self.max_size = max_size
        # Oldest first: entries are never moved, so the front is always the first to expire.
        self._entries: OrderedDict[Any, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, max_age: float):
        """The value kept under ``key`` if it is at most ``max_age`` seconds old."""
        with self._lock:
            self._drop_expired(max_age)
            entry = self._entries.get(key)
        return None if entry is None else entry[1]

    def put(self, key, value, max_age: float) -> None:
        with self._lock:
            self._drop_expired(max_age)
            self._entries.pop(key, None)
            self._entries[key] = (time.monotonic(), value)
            while len(self._entries) > self.max_size:
                self._entries.popitem(last=False)

    def forget(self, wanted: Callable[[Any], bool]) -> None:
        """Drop every entry whose key ``wanted`` picks."""
        with self._lock:
            for key in [key for key in self._entries if wanted(key)]:
                del self._entries[key]

    def __contains__(self, key) -> bool:
        with self._lock:
            return key in self._entries

    def values(self) -> Iterator[Any]:
        with self._lock:
            return iter([value for _, value in self._entries.values()])

    def _drop_expired(self, max_age: float) -> None:
        now = time.monotonic()
        while self._entries:
            made_at, _ = next(iter(self._entries.values()))
            if now - made_at <= max_age:
                return
            self._entries.popitem(last=False)
