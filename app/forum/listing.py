"""What readers page through: the front page's threads and a thread's posts."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import false, func, true, tuple_
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
# An excerpt masks a warning's quoted contacts (app/reader_view.py reads the masks from
# the verdict), and the front page renders every excerpt: the verdict comes with the row
# rather than in one query per thread. A card reads it only when it is rendered afresh,
# which the card cache makes rare, so CARD_COLUMNS leaves it to load then.
EXCERPT_COLUMNS = (Post.id, Post.thread_id, Post.is_opening, Post.body, Post.status, Post.verdict)


class BadCursor(ValueError):
    """A pagination link that was not made by us."""


@dataclass
class Page:
    """A page of the front page, with the cursors of the pages either side."""

    items: list
    newer: str | None  # cursor for the page before (newer threads)
    older: str | None  # cursor for the page after (older threads)


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
    # Pinned threads are shown above the first page instead (pinned_threads).
    query = query.where(Thread.status == PostStatus.PUBLISHED, Thread.pinned == false())
    query = query.options(load_only(*EXCERPT_COLUMNS))
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


def pinned_threads() -> list:
    """The threads moderators pinned, on top of the front page: the few there are,
    through their own partial index, most recent activity first."""
    query = db.select(Thread, Post).join(Post, (Post.thread_id == Thread.id) & Post.is_opening)
    query = query.where(Thread.pinned == true(), Thread.status == PostStatus.PUBLISHED)
    query = query.options(load_only(*EXCERPT_COLUMNS))
    return list(db.session.execute(query.order_by(Thread.last_activity_at.desc())).all())


# --- thread page --------------------------------------------------------------


def opening_post(thread: Thread) -> Post:
    return db.session.execute(
        db.select(Post)
        .where(Post.thread_id == thread.id, Post.is_opening)
        .options(load_only(*CARD_COLUMNS))
    ).scalar_one()


@dataclass
class ThreadPage:
    """One numbered page of a thread. Pages are cut from the posts every reader sees,
    so a post's page is the same for everyone; the viewer's own unseen posts (held,
    say) are shown on the page where they fall."""

    items: list
    number: int
    count: int

    @property
    def numbers(self) -> list[int | None]:
        """The page numbers to link, with None for a gap: 1 … 4 5 6 … 12."""
        return page_numbers(self.number, self.count)


def page_numbers(current: int, count: int) -> list[int | None]:
    """The first and last page and those either side of ``current``; a gap of one page
    is shown as that page rather than as "…"."""
    wanted = {1, count, current - 1, current, current + 1}
    shown = sorted(n for n in wanted if 1 <= n <= count)
    numbers: list[int | None] = []
    for n in shown:
        if numbers and n - numbers[-1] == 2:
            numbers.append(n - 1)
        elif numbers and n - numbers[-1] > 2:
            numbers.append(None)
        numbers.append(n)
    return numbers


def _readers_see(thread_id: int):
    return (Post.thread_id == thread_id) & Post.status.in_(VISIBLE_IN_THREAD)


def page_count(thread: Thread, per_page: int) -> int:
    """How many pages the thread has for readers: at least one, never an empty one."""
    total = db.session.execute(
        db.select(func.count(Post.id)).where(_readers_see(thread.id))
    ).scalar_one()
    return max(1, -(-total // per_page))


def page_of_post(post: Post, per_page: int) -> int:
    """The page a post is on: counted from the posts readers see before it, through the
    (thread_id, id, status) index, so it costs the same at any size of the database.
    A post readers cannot see (hidden by reports, say) has the page where it was."""
    before = db.session.execute(
        db.select(func.count(Post.id)).where(_readers_see(post.thread_id), Post.id < post.id)
    ).scalar_one()
    return before // per_page + 1


def posts_up_to(thread: Thread, post_id: int) -> int:
    """How many posts readers see in the thread up to and including ``post_id``."""
    return db.session.execute(
        db.select(func.count(Post.id)).where(_readers_see(thread.id), Post.id <= post_id)
    ).scalar_one()


def thread_page(
    thread: Thread, per_page: int, number: int | None, own_post_ids: frozenset[int] = frozenset()
) -> ThreadPage:
    """Page ``number`` of a thread: what readers may see, plus the viewer's own unseen
    posts after the previous page's last post and before this page's last (on the last
    page: any after it), the page ``page_of_post`` gives them. None, or a number past
    the last page, gives the last page, so no link leads to an empty one."""
    count = page_count(thread, per_page)
    number = count if number is None else min(max(number, 1), count)
    start = (number - 1) * per_page
    # From the previous page's last post (if any) to the next page's first.
    ids = list(
        db.session.execute(
            db.select(Post.id)
            .where(_readers_see(thread.id))
            .order_by(Post.id)
            .offset(max(start - 1, 0))
            .limit(per_page + 2 if start else per_page + 1)
        ).scalars()
    )
    previous_last = ids.pop(0) if start and ids else None
    is_last = len(ids) <= per_page
    ids = ids[:per_page]
    if own_post_ids:
        own = db.select(Post.id).where(
            Post.thread_id == thread.id,
            Post.id.in_(own_post_ids),
            Post.status.not_in(VISIBLE_IN_THREAD),
        )
        if previous_last is not None:
            own = own.where(Post.id > previous_last)
        if not is_last:
            own = own.where(Post.id < ids[-1])
        ids = sorted([*ids, *db.session.execute(own).scalars()])
    columns = (*CARD_COLUMNS, Post.pending_body) if own_post_ids else CARD_COLUMNS
    query = db.select(Post).where(Post.id.in_(ids)).options(load_only(*columns))
    posts = list(db.session.execute(query.order_by(Post.id)).scalars()) if ids else []
    return ThreadPage(items=posts, number=number, count=count)


def first_new_post(thread: Thread, seen_up_to: int, own_post_ids: frozenset[int]) -> int | None:
    """Where "new since your last visit" begins: the first post published in the thread
    after both ``seen_up_to`` and the viewer's own latest post there (not deleted): the
    same posts /mine and the header's "Your posts" link count as new."""
    query = db.select(func.min(Post.id)).where(
        Post.thread_id == thread.id, Post.status == PostStatus.PUBLISHED, Post.id > seen_up_to
    )
    if own_post_ids:
        own_latest = (
            db.select(func.max(Post.id))
            .where(
                Post.thread_id == thread.id,
                Post.id.in_(own_post_ids),
                Post.status != PostStatus.DELETED,
            )
            .scalar_subquery()
        )
        query = query.where(Post.id > own_latest)
    return db.session.execute(query).scalar_one()
