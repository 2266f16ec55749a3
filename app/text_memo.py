"""A per-worker memo of a function of one text, that can be told to forget a text.

``functools.lru_cache`` cannot drop one entry, so once a post was rendered its words
stayed in the worker's memory for as long as the post kept being read, deleted or not.
Here the worker that deletes a post forgets its texts at once, and every entry, in every
worker, is forgotten ``max_age`` seconds after it was made: a deleted post's words leave
the other workers' memory within that time too.
"""

from functools import update_wrapper

from app.expiring_store import ExpiringStore


class TextMemo:
    def __init__(self, function, max_size: int, max_age: float):
        self.function = function
        self.max_age = max_age
        self._store = ExpiringStore(max_size)
        update_wrapper(self, function)

    def __call__(self, text: str):
        result = self._store.get(text, self.max_age)
        if result is None:
            result = self.function(text)
            self._store.put(text, result, self.max_age)
        return result

    def forget(self, *texts: str | None) -> None:
        gone = set(texts)
        self._store.forget(lambda text: text in gone)

    def holds(self, text: str) -> bool:
        return text in self._store


def text_memo(max_size: int, max_age: float):
    """Decorator: memoise a function of one text in a ``TextMemo``."""
    return lambda function: TextMemo(function, max_size, max_age)
