"""What the forum does, apart from HTTP: listing, posting, editing, deleting."""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, tuple_
from sqlalchemy.exc import IntegrityError

from app.anonymity import (
    MAX_REMEMBERED_TOKENS,
    new_edit_token,
    poster_hash,
    pseudonym_candidate,
    token_hash,
    token_matches,
)
from app.guards import MAX_ROW_ID
from app.live_screener import screen_post
from models import (
    Appeal,
    Ban,
    Decision,
    Post,
    PostContact,
    PostStatus,
    Report,
    Thread,
    db,
    utcnow,
)
from moderation import normalize

log = logging.getLogger(__name__)
EPOCH = datetime(1970, 1, 1)
ACTION_TO_STATUS = {
    "publish": PostStatus.PUBLISHED,
    "hold": PostStatus.HELD,
    "reject": PostStatus.REMOVED,
}


# Decisions an author sees as the outcome of a review (not "seen" markers or reversals).
OUTCOME_ACTIONS = (Decision.APPROVE, Decision.REJECT, Decision.REMOVE, Decision.BAN)
CONTACT_VALUE_MAX = 255
# What a thread is called once its opening post is deleted: the title was its words too.
DELETED_TITLE = "[deleted by author]"


class BadCursor(ValueError):
    """A pagination link that was not made by us."""


@dataclass
class Page:
    items: list
    newer: str | None  # cursor for the page before (front page) / earlier posts
    older: str | None  # cursor for the page after (front page) / later posts


@dataclass
class Poster:
    key: str
    address_hash: str


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
    query = query.where(Thread.status == PostStatus.PUBLISHED)
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


def get_thread(thread_id: int) -> Thread | None:
    return db.session.get(Thread, thread_id)


def opening_post(thread: Thread) -> Post:
    return db.session.execute(
        db.select(Post).where(Post.thread_id == thread.id, Post.is_opening)
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
    visible = Post.status.in_(PostStatus.VISIBLE_IN_THREAD)
    if own_post_ids:
        visible = or_(visible, Post.id.in_(own_post_ids))
    query = db.select(Post).where(Post.thread_id == thread.id, visible)
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


# --- writing ------------------------------------------------------------------


def _pseudonym_for(thread_id: int, poster: Poster, hashed_poster: str) -> str:
    known = db.session.execute(
        db.select(Post.pseudonym)
        .where(Post.thread_id == thread_id, Post.poster_hash == hashed_poster)
        .limit(1)
    ).scalar()
    if known:
        return known
    taken = set(
        db.session.execute(
            db.select(Post.pseudonym).where(Post.thread_id == thread_id).distinct()
        ).scalars()
    )
    attempt = 0
    while (name := pseudonym_candidate(thread_id, poster.key, attempt)) in taken:
        attempt += 1
    return name


def refresh_thread_stats(thread: Thread) -> None:
    """Recount what the front page shows from the posts themselves.

    The thread row is locked first, so concurrent replies recount one after another
    and each sees the others' committed posts (PostgreSQL; SQLite has one writer at a
    time anyway). NO KEY UPDATE, because inserting a post holds a KEY SHARE lock on its
    thread, which a plain FOR UPDATE would wait on: two replies would deadlock.
    """
    db.session.execute(
        db.select(Thread.id).where(Thread.id == thread.id).with_for_update(key_share=True)
    )
    published = (Post.thread_id == thread.id) & (Post.status == PostStatus.PUBLISHED)
    count, latest = db.session.execute(
        db.select(func.count(Post.id), func.max(Post.created_at)).where(
            published, Post.is_opening.is_(False)
        )
    ).one()
    thread.reply_count = count
    thread.last_activity_at = max(latest or thread.created_at, thread.created_at)


def _new_post(thread: Thread, body: str, verdict, poster: Poster) -> tuple[Post, str]:
    """A post built from a screening verdict made before any write."""
    token = new_edit_token()
    hashed_poster = poster_hash(poster.key)
    post = Post(
        thread=thread,
        body=body,
        status=ACTION_TO_STATUS[verdict.action],
        pseudonym=_pseudonym_for(thread.id, poster, hashed_poster),
        poster_hash=hashed_poster,
        address_hash=poster.address_hash,
        edit_token_hash=token_hash(token),
        score=verdict.score,
        verdict=verdict.to_dict(),
        care=verdict.care,
    )
    post.awaiting_review = post.status != PostStatus.PUBLISHED
    store_contacts(post, verdict.contacts)
    return post, token


def screened_text(is_opening: bool, body: str, title: str | None) -> str:
    """A post's text as the screener reads it: an opening post with its thread's title."""
    return f"{title}\n\n{body}" if is_opening and title else body


def create_thread(title: str, body: str, poster: Poster) -> tuple[Post, str]:
    """Start a thread. Returns its opening post and the author's private token."""
    # Screened first: no write transaction is open (holding SQLite's one write lock, or
    # PostgreSQL's locks) while the screener works.
    verdict = screen_post(screened_text(True, body, title))
    now = utcnow()
    thread = Thread(title=title, created_at=now, last_activity_at=now)
    db.session.add(thread)
    db.session.flush()  # the pseudonym is keyed on the thread's id
    post, token = _new_post(thread, body, verdict, poster)
    post.is_opening = True
    post.created_at = now
    thread.status = post.status
    db.session.add(post)
    db.session.commit()
    return post, token


def create_reply(thread: Thread, body: str, poster: Poster) -> tuple[Post, str]:
    verdict = screen_post(body)  # before any write, as for a thread
    post, token = _new_post(thread, body, verdict, poster)
    db.session.add(post)
    db.session.flush()
    refresh_thread_stats(thread)
    db.session.commit()
    return post, token


def edit_post(post: Post, body: str, title: str | None = None) -> Post:
    """Replace a post's text; the new text is screened like a new post.

    An edit of a published post that screening would hold waits beside it: readers
    keep seeing the published version until a moderator approves the edit. A post a
    moderator did not publish goes back to the queue whatever its new score.
    """
    thread = post.thread
    new_title = title if post.is_opening and title is not None else thread.title
    # Screened before the post is changed, so nothing is flushed while it runs.
    verdict = screen_post(screened_text(post.is_opening, body, new_title))
    status = ACTION_TO_STATUS[verdict.action]
    post.edited_at = utcnow()
    post.score = verdict.score
    post.verdict = verdict.to_dict()
    post.care = verdict.care
    if post.status in (PostStatus.PUBLISHED, PostStatus.HIDDEN) and (
        status != PostStatus.PUBLISHED
    ):
        post.pending_body = body
        post.pending_title = new_title if post.is_opening else None
        post.awaiting_review = True
        refresh_contacts(post)
        db.session.commit()
        return post
    store_contacts(post, verdict.contacts)
    post.body = body
    post.pending_body = post.pending_title = None
    if post.is_opening:
        thread.title = new_title
    if post.status == PostStatus.REMOVED:
        post.status = PostStatus.HELD  # resubmitted: a person looks again
    elif post.status != PostStatus.HIDDEN:  # reported posts stay hidden until reviewed
        post.status = status
    post.awaiting_review = post.status != PostStatus.PUBLISHED or has_open_reports(post)
    if post.is_opening:
        thread.status = post.status
    refresh_thread_stats(thread)
    db.session.commit()
    return post


def delete_post(post: Post) -> list[str]:
    """The author's own delete: the words go from everywhere Mend keeps them; a
    placeholder stays in the thread so the replies keep their context.

    Gone: the text and any edit waiting, an opening post's thread title, the screener's
    verdict (it quotes what it matched), the contacts found, the text each moderator
    decision kept (so it is no longer training data), moderators' notes on it, readers'
    report details and the author's appeal message. Kept: that the post existed, where,
    when, and what moderators decided (action, reason, who, when).

    Returns the texts that were shown, for the caller to drop from its caches.
    """
    snapshots = db.session.execute(
        db.select(Decision.previous_body, Decision.pending_body).where(Decision.post_id == post.id)
    ).all()
    shown = [post.body, post.pending_body, *(text for row in snapshots for text in row)]
    post.status = PostStatus.DELETED
    post.body = ""
    post.pending_body = post.pending_title = None
    post.verdict = None
    post.label = None  # a deleted post is no one's training example
    post.awaiting_review = False
    post.edited_at = utcnow()
    post.contacts.clear()
    if post.is_opening:
        post.thread.title = DELETED_TITLE
    db.session.execute(
        db.update(Decision)
        .where(Decision.post_id == post.id)
        .values(text=None, previous_body=None, pending_body=None, note=None)
    )
    db.session.execute(db.update(Report).where(Report.post_id == post.id).values(details=""))
    db.session.execute(db.update(Appeal).where(Appeal.post_id == post.id).values(message=""))
    refresh_thread_stats(post.thread)
    db.session.commit()
    return [text for text in shown if text]


def is_author(post: Post, token: str | None) -> bool:
    return token_matches(token, post.edit_token_hash)


def verified_own_posts(tokens: dict[int, str], thread_id: int | None = None) -> frozenset[int]:
    """The posts among a browser's remembered ``tokens`` whose token matches the stored
    hash: the only ids a cookie proves its holder wrote. The ids alone are claims anyone
    can forge. One query, whatever the cookie lists; a browser keeps at most
    MAX_REMEMBERED_TOKENS, so more than that are not looked at."""
    candidates = sorted(tokens)[-MAX_REMEMBERED_TOKENS:]
    if not candidates:
        return frozenset()
    query = db.select(Post.id, Post.edit_token_hash).where(Post.id.in_(candidates))
    if thread_id is not None:
        query = query.where(Post.thread_id == thread_id)
    return frozenset(
        post_id
        for post_id, stored in db.session.execute(query)
        if token_matches(tokens[post_id], stored)
    )


def own_posts(tokens: dict[int, str]) -> list[Post]:
    """The posts, not yet deleted, whose tokens this browser verifiably holds."""
    own = verified_own_posts(tokens)
    if not own:
        return []
    return list(
        db.session.execute(
            db.select(Post)
            .where(Post.id.in_(own), Post.status != PostStatus.DELETED)
            .options(db.joinedload(Post.thread))
            .order_by(Post.id)
        ).scalars()
    )


def post_with_token(token: str) -> Post | None:
    """The post, not deleted, whose token this is (pasted on another device). Tokens
    are 144 random bits and keyed-hashed, so the hash is a safe key to look up by."""
    if not token or len(token) > 64:
        return None
    return db.session.execute(
        db.select(Post).where(
            Post.edit_token_hash == token_hash(token.strip()),
            Post.status != PostStatus.DELETED,
        )
    ).scalar_one_or_none()


# --- contacts, bans, reports, appeals -------------------------------------------


def store_contacts(post: Post, contacts: list[str]) -> None:
    """Index the contacts the screener found ("email:x@example.com") so one query finds
    every post of a campaign. Keeps rows that stay, so the unique key never clashes."""
    wanted = set()
    for contact in contacts:
        kind, sep, value = contact.partition(":")
        if sep and kind and value:
            wanted.add((kind[:16], value[:CONTACT_VALUE_MAX]))
    for row in list(post.contacts):
        if (row.kind, row.value) in wanted:
            wanted.discard((row.kind, row.value))
        else:
            post.contacts.remove(row)
    for kind, value in sorted(wanted):
        post.contacts.append(PostContact(kind=kind, value=value))


def _contacts_in(text: str) -> list[str]:
    """The contacts the screener would find in ``text`` (its own normaliser, so the
    same canonical form), without scoring it again."""
    try:
        return [str(contact) for contact in normalize(text).contacts]
    except Exception:  # noqa: BLE001 - as in screening, a text must never fail a request
        log.exception("could not read the contacts of post text")
        return []


def refresh_contacts(post: Post) -> None:
    """Index the contacts of the text the post shows and of any edit waiting beside it.

    While an edit waits, readers still see the published text: a campaign search must
    find the post by what is shown as well as by what is waiting. Call after the post's
    texts change (an edit held, an edit approved or refused, such a decision undone).
    """
    texts = [screened_text(post.is_opening, post.body, post.thread.title)]
    if post.pending_body is not None:
        texts.append(screened_text(post.is_opening, post.pending_body, post.pending_title))
    store_contacts(post, [contact for text in texts for contact in _contacts_in(text)])


def active_ban(hashed_poster: str, hashed_addresses: list[str]) -> Ban | None:
    """The ban that stops this poster, or (until it expires) this address, from writing.
    A poster's ban comes first: it is the one its poster can appeal."""
    return db.session.execute(
        db.select(Ban)
        .where(
            Ban.lifted_at.is_(None),
            or_(Ban.expires_at.is_(None), Ban.expires_at > utcnow()),
            or_(Ban.poster_hash == hashed_poster, Ban.address_hash.in_(hashed_addresses)),
        )
        .order_by(Ban.poster_hash.is_(None), Ban.id)
        .limit(1)
    ).scalar_one_or_none()


def banned_for(ban: Ban) -> Post | None:
    """The post whose ban this is, for its author to appeal; None once deleted."""
    post = db.session.execute(
        db.select(Post)
        .join(Decision, Decision.post_id == Post.id)
        .where(Decision.id == ban.decision_id)
    ).scalar_one_or_none()
    return post if post is not None and post.status != PostStatus.DELETED else None


def has_open_reports(post: Post) -> bool:
    return (
        db.session.execute(
            db.select(Report.id).where(Report.post_id == post.id, Report.decision_id.is_(None))
        ).first()
        is not None
    )


def report_post(
    post: Post,
    reporter_hash: str,
    reporter_address: str,
    reason: str,
    details: str,
    hide_threshold: int,
) -> bool:
    """Record a reader's report. False if this reader already reported the post.
    Reports from ``hide_threshold`` different readers on as many different addresses
    hide it until a moderator looks: new browsers on one connection count once."""
    already = db.session.execute(
        db.select(Report.id).where(Report.post_id == post.id, Report.reporter_hash == reporter_hash)
    ).first()
    if already:
        return False
    db.session.add(
        Report(
            post_id=post.id,
            reporter_hash=reporter_hash,
            address_hash=reporter_address,
            reason=reason,
            details=details,
        )
    )
    post.awaiting_review = True
    try:
        db.session.flush()
    except IntegrityError:  # the same reader, twice at once
        db.session.rollback()
        return False
    readers, addresses = db.session.execute(
        db.select(
            func.count(func.distinct(Report.reporter_hash)),
            func.count(func.distinct(Report.address_hash)),
        ).where(Report.post_id == post.id, Report.decision_id.is_(None))
    ).one()
    if min(readers, addresses) >= hide_threshold and post.status == PostStatus.PUBLISHED:
        post.status = PostStatus.HIDDEN
        if post.is_opening:
            post.thread.status = post.status
        refresh_thread_stats(post.thread)
    db.session.commit()
    return True


def appeal_of(post: Post) -> Appeal | None:
    return db.session.execute(
        db.select(Appeal).where(Appeal.post_id == post.id)
    ).scalar_one_or_none()


def can_appeal(post: Post, appeal: Appeal | None) -> bool:
    """One appeal per removal: a granted appeal does not use up the right to appeal a
    later removal of the same post; an open or denied one does."""
    return post.status == PostStatus.REMOVED and (appeal is None or appeal.state == Appeal.GRANTED)


def appeal_post(post: Post, message: str) -> bool:
    """The author's appeal against a removal; it puts the post back in the queue."""
    appeal = appeal_of(post)
    if not can_appeal(post, appeal):
        return False
    if appeal is None:
        db.session.add(Appeal(post_id=post.id, message=message))
    else:  # the granted one is history now; the log keeps its decision
        appeal.message, appeal.created_at = message, utcnow()
        appeal.state, appeal.decision_id = Appeal.OPEN, None
    post.awaiting_review = True
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True


def latest_outcome(post: Post) -> Decision | None:
    """The moderator decision that stands for this post, for its author to see."""
    return db.session.execute(
        db.select(Decision)
        .where(
            Decision.post_id == post.id,
            Decision.action.in_(OUTCOME_ACTIONS),
            Decision.reversed_by_id.is_(None),
        )
        .order_by(Decision.id.desc())
        .limit(1)
    ).scalar_one_or_none()
