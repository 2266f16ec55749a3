"""Your posts (``/mine``): what became of each post this browser holds a token for, and
how many replies came in each of its threads since this browser last looked.

"Last looked" is the browser's own ``mend_seen`` cookie (app/forum/last_seen.py): the
server stores nothing about what anyone read. A thread the cookie does not list counts
from the browser's latest post in it. Only tokens that match their stored hashes count,
so a cookie listing other people's post ids shows and counts nothing.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import and_, bindparam, case, func
from sqlalchemy.orm import aliased

from app.forum.authorship import verified_own_posts
from app.forum.last_seen import MAX_SEEN_THREADS
from app.forum.reviews import latest_outcome
from app.poster_identity import MAX_REMEMBERED_TOKENS, token_hashes
from app.reasons import DECISION_REASONS
from models import Appeal, AppealState, Post, PostStatus, Thread, db


@dataclass
class OwnPost:
    post: Post
    status: str  # in plain words
    reason: str | None = None  # a moderator's reason (and note), for a rejected post


@dataclass
class OwnThread:
    thread: Thread
    posts: list[OwnPost] = field(default_factory=list)
    new_replies: int = 0


@lru_cache(maxsize=MAX_SEEN_THREADS + 1)
def _new_replies_query(seen_threads: int):
    """The statement for a browser whose ``mend_seen`` lists this many threads, built
    once: only its parameters change from one browser to the next."""
    own = (
        db.select(Post.thread_id.label("thread_id"), func.max(Post.id).label("latest"))
        .where(
            Post.id.in_(bindparam("ids", expanding=True)),
            Post.edit_token_hash.in_(bindparam("hashes", expanding=True)),
            Post.status != PostStatus.DELETED,
        )
        .group_by(Post.thread_id)
        .subquery()
    )
    later = aliased(Post)
    conditions = [
        later.thread_id == own.c.thread_id,
        later.status == PostStatus.PUBLISHED,
        later.id > own.c.latest,
    ]
    if seen_threads:
        whens = [(bindparam(f"t{i}"), bindparam(f"s{i}")) for i in range(seen_threads)]
        conditions.append(later.id > case(*whens, value=own.c.thread_id, else_=0))
    return (
        db.select(own.c.thread_id, func.count(later.id))
        .select_from(own)
        .outerjoin(later, and_(*conditions))
        .group_by(own.c.thread_id)
    )


def new_replies_by_thread(tokens: dict[int, str], seen: dict[int, int]) -> dict[int, int]:
    """Thread id -> how many published posts came after both the browser's latest post
    there and the latest post it was shown there, for every thread where this browser
    verifiably posted (and has not deleted everything). One query; none without tokens.

    A post counts as this browser's only if its stored hash is the hash of a token the
    cookie holds: hashes are keyed and the tokens random, so a row whose hash is among
    them is a post whose token the browser has, whatever id the cookie put it under."""
    listed = sorted(tokens)[-MAX_REMEMBERED_TOKENS:]
    if not listed:
        return {}
    params = {"ids": listed, "hashes": token_hashes([tokens[i] for i in listed])}
    pairs = list(seen.items())[-MAX_SEEN_THREADS:]
    for i, (thread_id, post_id) in enumerate(pairs):
        params[f"t{i}"], params[f"s{i}"] = thread_id, post_id
    rows = db.session.execute(_new_replies_query(len(pairs)), params)
    return {thread_id: count for thread_id, count in rows}


def _status_words(post: Post, appeal: Appeal | None) -> tuple[str, str | None]:
    verdict = post.verdict or {}
    if post.status == PostStatus.DELETED:
        return "Deleted", None
    if post.status == PostStatus.HELD:
        if verdict.get("hold_kind") == "safety":
            return "Held for your safety: it gives contact details", None
        return "Waiting for a moderator", None
    if post.status == PostStatus.HIDDEN:
        return "Hidden while a moderator looks at readers' reports", None
    if post.status == PostStatus.REMOVED:
        outcome = latest_outcome(post)
        reason = None
        if outcome is not None:
            reason = DECISION_REASONS.get(outcome.reason, DECISION_REASONS["other"])
            if outcome.note:
                reason = f"{reason} A moderator wrote: “{outcome.note}”"
        if appeal is not None and appeal.state == AppealState.OPEN:
            return "Not published; your appeal is open", reason
        return "Not published by a moderator", reason
    if post.pending_body is not None:
        if verdict.get("hold_kind") == "safety":
            return "Published; your edit is held for your safety", None
        return "Published; your edit is waiting for a moderator", None
    return "Published", None


def own_threads(tokens: dict[int, str], seen: dict[int, int]) -> list[OwnThread]:
    """Every post this browser verifiably wrote, deleted ones too, grouped by thread
    (the thread with the newest post first), each with its status in plain words."""
    own = verified_own_posts(tokens)
    if not own:
        return []
    posts = list(
        db.session.execute(
            db.select(Post)
            .where(Post.id.in_(own))
            .options(db.joinedload(Post.thread))
            .order_by(Post.id.desc())
        ).scalars()
    )
    removed = [post.id for post in posts if post.status == PostStatus.REMOVED]
    appeals = (
        {
            appeal.post_id: appeal
            for appeal in db.session.execute(
                db.select(Appeal).where(Appeal.post_id.in_(removed))
            ).scalars()
        }
        if removed
        else {}
    )
    new = new_replies_by_thread(tokens, seen)
    threads: dict[int, OwnThread] = {}
    for post in posts:
        entry = threads.setdefault(
            post.thread_id, OwnThread(post.thread, new_replies=new.get(post.thread_id, 0))
        )
        status, reason = _status_words(post, appeals.get(post.id))
        entry.posts.append(OwnPost(post, status, reason))
    return list(threads.values())
