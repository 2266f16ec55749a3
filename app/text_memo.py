"""A per-worker memo of a function of one text, that can be told to forget a text.

``functools.lru_cache`` cannot drop one entry, so once a post was rendered its words
stayed in the worker's memory for as long as the post kept being read, deleted or not.
Here the worker that deletes a post forgets its texts at once, and every entry, in every
worker, is forgotten ``max_age`` seconds after it was made: a deleted post's words leave
the other workers' memory within that time too.
"""

import threading
import time
from collections import OrderedDict
from functools import update_wrapper


class TextMemo:
    def __init__(self, function, max_size: int, max_age: float):
        self.function = function
        self.max_size = max_size
        self.max_age = max_age
        # Oldest first: entries are never moved, so the front is always the first to expire.
        self._made: OrderedDict[str, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()
        update_wrapper(self, function)

    def __call__(self, text: str):
        now = time.monotonic()
        with self._lock:
            self._drop_expired(now)
            entry = self._made.get(text)
        if entry is not None:
            return entry[1]
        result = self.function(text)
        with self._lock:
            self._made[text] = (now, result)
            while len(self._made) > self.max_size:
                self._made.popitem(last=False)
        return result

    def _drop_expired(self, now: float) -> None:
        while self._made:
            made_at, _ = next(iter(self._made.values()))
            if now - made_at <= self.max_age:
                return
            self._made.popitem(last=False)

    def forget(self, *texts: str | None) -> None:
        with self._lock:
            for text in texts:
                self._made.pop(text, None)

    def holds(self, text: str) -> bool:
        with self._lock:
            return text in self._made


def text_memo(max_size: int, max_age: float):
    """Decorator: memoise a function of one text in a ``TextMemo``."""
    return lambda function: TextMemo(function, max_size, max_age)
