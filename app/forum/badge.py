"""The "Your posts · 2 new" link in every page's header, for each browser its own.

Pages are rendered with a placeholder where the link goes, and that placeholder is what
the reader cache (app/reader_cache.py) keeps. The link is put in as each response
leaves, after any cache, from the request's own cookies: so a cached page never carries
one browser's link to another. It costs one query, and only for browsers holding
tokens; everyone else gets the page without it.
"""

from flask import Flask, Response, g, request, url_for
from markupsafe import escape
from sqlalchemy.exc import SQLAlchemyError

from app.forum.last_seen import SEEN_COOKIE, parse_seen
from app.forum.mine import new_replies_by_thread
from app.poster_identity import TOKENS_COOKIE, remembered_tokens
from models import db

# An HTML comment: post text is always escaped, so no post can contain it.
PLACEHOLDER = b"<!--mend:your-posts-->"


def _badge_html() -> bytes:
    if not request.cookies.get(TOKENS_COOKIE):
        return b""
    try:
        counts = new_replies_by_thread(
            remembered_tokens(),
            parse_seen(g.get("seen_cookie") or request.cookies.get(SEEN_COOKIE)),
        )
    except SQLAlchemyError:
        # The page says what went wrong already (503); it goes out without the link.
        db.session.rollback()
        return b""
    if not counts:
        return b""
    # Written here rather than by a template: rendering one would run the context
    # processors (which pop a new token from the session) a second time.
    new = sum(counts.values())
    count = f'<span class="new-replies"> · {new} new</span>' if new else ""
    href = escape(url_for("forum.delete_mine"))
    return f'<a class="your-posts" href="{href}">Your posts{count}</a>'.encode()


def _splice_badge(response: Response) -> Response:
    if response.mimetype != "text/html" or response.direct_passthrough or response.is_streamed:
        return response
    body = response.get_data()
    if PLACEHOLDER not in body:
        return response
    response.set_data(body.replace(PLACEHOLDER, _badge_html(), 1))
    return response


def register(app: Flask) -> None:
    app.after_request(_splice_badge)
