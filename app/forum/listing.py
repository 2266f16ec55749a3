"""What readers page through: the front page's threads and a thread's posts."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, tuple_
from sqlalchemy.orm import load_only

from app.guards import MAX_ROW_ID
from models import VISIBLE_IN_THREAD, Post, PostStatus, Thread, db

EPOCH = datetime(1970, 1, 1)

# What reader pages show of a post: never the screener's verdict (a JSON document decoded
# per row), the hashes, or an edit waiting for a moderator, which only its author sees.
CARD_COLUMNS = (
    Post.id,
    Post.thread_id,
    Post.is_opening,
    Post.body,
    Post.status,
    Post.pseudonym,
    Post.poster_hash,
    Post.created_at,
    Post.edited_at,
    Post.care,
)
EXCERPT_COLUMNS = (Post.id, Post.thread_id, Post.is_opening, Post.body, Post.status)


class BadCursor(ValueError):
    """A pagination link that was not made by us."""


@dataclass
class Page:
    items: list
    newer: str | None  # cursor for the page before (front page) / earlier posts
    older: str | None  # cursor for the page after (front page) / later posts


# --- front page ---------------------------------------------------------------


def _thread_cursor(thread: Thread) -> str:
    micros = (thread.last_activity_at - EPOCH) // timedelta(microseconds=1)
    return f"{micros}-{thread.id}"


def _parse_thread_cursor(cursor: str) -> tuple[datetime, int]:
    micros, sep, thread_id = cursor.partition("-")
    if not sep or not micros.isdigit() or not thread_id.isdigit() or len(cursor) > 40:
        raise BadCursor(cursor)
    if int(thread_id) > MAX_ROW_ID:  # the database driver would overflow, not just miss
        raise BadCursor(cursor)
    try:
        return EPOCH + timedelta(microseconds=int(micros)), int(thread_id)
    except OverflowError as exc:
        raise BadCursor(cursor) from exc


def front_page(per_page: int, older: str | None = None, newer: str | None = None) -> Page:
    """Published threads, most recent activity first. Keyset pagination: each page
    starts from the last row of the one before, so deep pages cost what the first does."""
    key = tuple_(Thread.last_activity_at, Thread.id)
    query = db.select(Thread, Post).join(Post, (Post.thread_id == Thread.id) & Post.is_opening)
    query = query.where(Thread.status == PostStatus.PUBLISHED).options(load_only(*EXCERPT_COLUMNS))
    if newer:
        query = query.where(key > tuple_(*_parse_thread_cursor(newer)))
        query = query.order_by(Thread.last_activity_at.asc(), Thread.id.asc())
    else:
        if older:
            query = query.where(key < tuple_(*_parse_thread_cursor(older)))
        query = query.order_by(Thread.last_activity_at.desc(), Thread.id.desc())
    rows = list(db.session.execute(query.limit(per_page + 1)).all())
    has_more = len(rows) > per_page
    rows = rows[:per_page]
    if newer:
        rows.reverse()
        has_newer, has_older = has_more, True
    else:
        has_newer, has_older = older is not None, has_more
    return Page(
        items=rows,
        newer=_thread_cursor(rows[0][0]) if rows and has_newer else None,
        older=_thread_cursor(rows[-1][0]) if rows and has_older else None,
    )


# --- thread page --------------------------------------------------------------


def opening_post(thread: Thread) -> Post:
    return db.session.execute(
        db.select(Post)
        .where(Post.thread_id == thread.id, Post.is_opening)
        .options(load_only(*CARD_COLUMNS))
    ).scalar_one()


def thread_posts(
    thread: Thread,
    per_page: int,
    own_post_ids: frozenset[int] = frozenset(),
    after: int | None = None,
    before: int | None = None,
    last: bool = False,
) -> Page:
    """Posts of a thread in order: what readers may see, plus the viewer's own held ones."""
    visible = Post.status.in_(VISIBLE_IN_THREAD)
    columns = CARD_COLUMNS
    if own_post_ids:
        visible = or_(visible, Post.id.in_(own_post_ids))
        columns = (*columns, Post.pending_body)  # "your edit is waiting"
    query = db.select(Post).where(Post.thread_id == thread.id, visible)
    query = query.options(load_only(*columns))
    backwards = before is not None or last
    if before is not None:
        query = query.where(Post.id < before)
    if after is not None:
        query = query.where(Post.id > after)
    query = query.order_by(Post.id.desc() if backwards else Post.id.asc())
    posts = list(db.session.execute(query.limit(per_page + 1)).scalars())
    has_more = len(posts) > per_page
    posts = posts[:per_page]
    if backwards:
        posts.reverse()
        has_earlier, has_later = has_more, not last
    else:
        has_earlier, has_later = after is not None, has_more
    return Page(
        items=posts,
        newer=str(posts[0].id) if posts and has_earlier else None,
        older=str(posts[-1].id) if posts and has_later else None,
    )
