"""One poster's history, for moderators deciding one of their posts: their other posts
(in every thread, where their pseudonym differs) and what moderators decided about
them, found by the stored poster hash, which never leaves the server."""

from dataclasses import dataclass, field

from models import Ban, Decision, Post, Thread, db

# A poster with more posts than this shows their latest; the count says how many more.
HISTORY_LIMIT = 200


@dataclass
class HistoryEntry:
    post: Post
    thread: Thread
    decisions: list[Decision] = field(default_factory=list)


@dataclass
class PosterHistory:
    anchor: Post  # the queued post the moderator came from
    entries: list[HistoryEntry]
    total: int
    bans: list[Ban]


def poster_history(post_id: int) -> PosterHistory:
    """The history of the poster of ``post_id``, newest post first; LookupError if
    there is no such post."""
    anchor = db.session.get(Post, post_id)
    if anchor is None:
        raise LookupError(post_id)
    same_poster = Post.poster_hash == anchor.poster_hash
    total = db.session.execute(db.select(db.func.count(Post.id)).where(same_poster)).scalar()
    rows = db.session.execute(
        db.select(Post, Thread)
        .join(Thread, Post.thread_id == Thread.id)
        .where(same_poster)
        .order_by(Post.created_at.desc(), Post.id.desc())
        .limit(HISTORY_LIMIT)
    ).all()
    entries = {post.id: HistoryEntry(post, thread) for post, thread in rows}
    decisions = db.session.execute(
        db.select(Decision).where(Decision.post_id.in_(entries)).order_by(Decision.id)
    ).scalars()
    for decision in decisions:
        entries[decision.post_id].decisions.append(decision)
    bans = list(
        db.session.execute(
            db.select(Ban).where(Ban.poster_hash == anchor.poster_hash).order_by(Ban.id.desc())
        ).scalars()
    )
    return PosterHistory(anchor, list(entries.values()), total, bans)
