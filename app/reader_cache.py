"""A few seconds' memory of public pages, for every reader to whom they are not personal.

The front page and a thread page look the same to everyone who is not staff, has no
message waiting for them (a flash, a newly made token) and, on a thread page, wrote none
of its posts: that is every reader arriving from a search without a cookie, and most
returning readers and posters too. Each worker keeps what it rendered for them for
``READER_CACHE_SECONDS`` (0 turns this off), and only while the content's version
(``app/shared_cache.py``) is still the one it was rendered under: any change to the
thread (a reply, an edit, a delete, a moderator's decision) makes every worker sharing
the cache render it afresh. Anyone to whom a page is personal always gets a freshly
rendered one.

The one part of such a page that is not the same for everyone is the CSRF token in its
reply form: it is tied to the reader's session. The page is kept with its token cut out,
and each reader gets their own token (and, if they had none, the session cookie that
goes with it), exactly as if the page had been rendered for them.

Whether a page may be personal is decided from the request before any rendering; a page
rendered for someone is kept only if rendering showed nothing personal either (their own
posts, a new token, a flash, a staff login), so a mistake in the first check can make a
page slower, never show one reader's page to another.
"""

from __future__ import annotations

from functools import wraps

from flask import current_app, g, make_response, request, session

from app.expiring_store import ExpiringStore
from app.poster_identity import MAX_REMEMBERED_TOKENS, remembered_tokens
from app.shared_cache import FRONT, content_version, thread_version_key
from app.signing import generate_csrf
from models import Post, db

# Per worker; the oldest page is dropped beyond this, so odd query strings cannot grow it.
MAX_PAGES = 500
# What is kept: pages, and the Atom feeds (known by their path, served as they were made).
CACHED_TYPES = {"text/html", "application/atom+xml"}
FEED_SUFFIX = ".atom"
# Which thread each post is in never changes, so each worker remembers it for the posts
# readers' cookies list (at most MAX_REMEMBERED_TOKENS each).
MAX_KNOWN_POSTS = 20_000
# What a session may hold for a page still to be the same as everyone's: the CSRF token,
# which is put in afresh for each reader, and flask-login's mark that nobody is freshly
# logged in (its session protection sets ``_fresh`` to False in a visitor's session).
IMPERSONAL_SESSION_KEYS = frozenset({"csrf_token", "_fresh"})


class ReaderCache(ExpiringStore):
    """Rendered pages by (what they show, path and query string), each cut where its
    CSRF token goes and kept with the content version they were rendered under."""

    def __init__(self, max_pages: int = MAX_PAGES):
        super().__init__(max_pages)
        self.threads_of_posts = ExpiringStore(MAX_KNOWN_POSTS)

    def forget_threads(self, thread_ids: set[int]) -> None:
        """Drop every cached page of these threads, and the front pages."""
        self.forget(lambda key: key[0] == "front" or key[0] in thread_ids)


def _threads_of(cache: ReaderCache, post_ids: list[int]) -> dict[int, int]:
    """The thread of each of these posts that exists."""
    known = {}
    unknown = []
    for post_id in post_ids:
        thread_id = cache.threads_of_posts.get(post_id, float("inf"))
        if thread_id is None:
            unknown.append(post_id)
        else:
            known[post_id] = thread_id
    if unknown:
        rows = db.session.execute(
            db.select(Post.id, Post.thread_id).where(Post.id.in_(unknown))
        ).all()
        for post_id, thread_id in rows:
            cache.threads_of_posts.put(post_id, thread_id, float("inf"))
            known[post_id] = thread_id
    return known


def _may_be_personal(cache: ReaderCache, thread_id: int | None) -> bool:
    """Whether this request's page could differ from everyone's: a staff login, a
    flash or new token waiting in the session, a post of theirs in this thread."""
    if "Authorization" in request.headers:
        return True
    if not set(session.keys()) <= IMPERSONAL_SESSION_KEYS or session.get("_fresh"):
        return True
    if thread_id is None:
        return False
    # Ids alone, verified or not: a post listed here that may be in this thread means
    # rendering, where its token is checked. A forged list only slows its sender.
    listed = sorted(remembered_tokens())[-MAX_REMEMBERED_TOKENS:]  # what rendering reads
    if not listed:
        return False
    threads = _threads_of(cache, listed)
    return any(threads.get(post_id, thread_id) == thread_id for post_id in listed)


def _rendering_was_personal() -> bool:
    # (Flashes need no check here: rendering only shows those the session held before.)
    login = g.get("_login_user")
    return (
        g.get("shows_secret", False)
        or g.get("shows_own_posts", False)
        or bool(login is not None and login.is_authenticated)
    )


def cached_for_readers(view):
    """Serve ``view``'s 200 pages from the worker's cache to readers to whom they are not
    personal. ``view`` is the front page, or a thread page taking ``thread_id``."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        seconds = current_app.config["READER_CACHE_SECONDS"]
        if seconds <= 0 or request.method != "GET":
            return view(*args, **kwargs)
        cache: ReaderCache = current_app.extensions["reader_cache"]
        thread_id = kwargs.get("thread_id")
        if _may_be_personal(cache, thread_id):
            return view(*args, **kwargs)
        # Read before rendering: a change committed meanwhile moves the version on, so
        # a page that may have missed it is never served under the new one.
        version = content_version(FRONT if thread_id is None else thread_version_key(thread_id))
        # Feeds hold absolute links built from the address the request came in on: one
        # forged Host header must not put its links into every other reader's copy.
        key = ("front" if thread_id is None else thread_id, request.host_url, request.full_path)
        kept = cache.get(key, seconds)
        if kept is not None and version is not None and kept[0] == version:
            pieces = kept[1]
            # A token of this reader's own, in the places the cached one was cut from.
            token = generate_csrf() if len(pieces) > 1 else ""
            response = make_response(token.join(pieces))
            if request.path.endswith(FEED_SUFFIX):
                response.mimetype = "application/atom+xml"
            return response
        response = make_response(view(*args, **kwargs))
        if (
            response.status_code == 200
            and response.mimetype in CACHED_TYPES
            and version is not None
            and not _rendering_was_personal()
        ):
            html = response.get_data(as_text=True)
            token = g.get(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"))
            pieces = html.split(token) if token else [html]
            cache.put(key, (version, pieces), seconds)
        return response

    return wrapper
