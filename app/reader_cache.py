"""A few seconds' memory of public pages, for readers who bring no cookie at all.

Most people reach a thread from a search, with no Mend cookie: no session, no poster key,
no tokens, no staff login. Everyone in that position is shown exactly the same page, so
each worker keeps what it rendered for them for ``READER_CACHE_SECONDS`` (0 turns this
off). Anyone holding a cookie (a poster, a reader who has reported, a moderator) is
always served a fresh page, so whoever acts sees the result of acting at once; readers
without cookies may see a change a few seconds late, as behind any web cache.

The one part of such a page that is not the same for everyone is the CSRF token in its
reply form: it is tied to the session the response starts. The page is kept with its
token cut out, and each reader gets a token of their own (and the session cookie that
goes with it), exactly as if the page had been rendered for them.
"""

from __future__ import annotations

from functools import wraps

from flask import current_app, g, make_response, request
from flask_wtf.csrf import generate_csrf

from app.expiring_store import ExpiringStore

# Per worker; the oldest page is dropped beyond this, so odd query strings cannot grow it.
MAX_PAGES = 500
# What is kept: pages, and the Atom feeds (known by their path, served as they were made).
CACHED_TYPES = {"text/html", "application/atom+xml"}
FEED_SUFFIX = ".atom"


class ReaderCache(ExpiringStore):
    """Rendered pages by path and query string, each cut where its CSRF token goes."""

    def __init__(self, max_pages: int = MAX_PAGES):
        super().__init__(max_pages)

    def forget_paths(self, paths: set[str]) -> None:
        """Drop every cached page of these paths, whatever its query string."""
        self.forget(lambda key: key.partition("?")[0] in paths)


def _serves_from_cache() -> bool:
    return (
        current_app.config["READER_CACHE_SECONDS"] > 0
        and request.method == "GET"
        and not request.cookies
        and "Authorization" not in request.headers
    )


def cached_for_readers(view):
    """Serve ``view``'s 200 pages from the worker's cache to readers without cookies."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if not _serves_from_cache():
            return view(*args, **kwargs)
        cache: ReaderCache = current_app.extensions["reader_cache"]
        key = request.full_path
        pieces = cache.get(key, current_app.config["READER_CACHE_SECONDS"])
        if pieces is not None:
            # A token of this reader's own, in the places the cached one was cut from.
            token = generate_csrf() if len(pieces) > 1 else ""
            response = make_response(token.join(pieces))
            if request.path.endswith(FEED_SUFFIX):
                response.mimetype = "application/atom+xml"
            return response
        response = make_response(view(*args, **kwargs))
        if response.status_code == 200 and response.mimetype in CACHED_TYPES:
            html = response.get_data(as_text=True)
            token = g.get(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"))
            pieces = html.split(token) if token else [html]
            cache.put(key, pieces, current_app.config["READER_CACHE_SECONDS"])
        return response

    return wrapper
