"""The Atom feeds' routes; the pages link them with ``<link rel="alternate">``."""

from flask import Response, abort

from app.forum import bp
from app.forum.feeds import ATOM_TYPE, front_page_feed, thread_feed
from app.reader_cache import cached_for_readers
from models import PostStatus, Thread, db


@bp.get("/feed.atom", endpoint="front_page_feed")
@cached_for_readers
def front_page_feed_view():
    return Response(front_page_feed(), mimetype=ATOM_TYPE)


@bp.get("/t/<int:thread_id>/feed.atom", endpoint="thread_feed")
@cached_for_readers
def thread_feed_view(thread_id: int):
    thread = db.get_or_404(Thread, thread_id)
    if thread.status != PostStatus.PUBLISHED:
        abort(404)
    return Response(thread_feed(thread), mimetype=ATOM_TYPE)
