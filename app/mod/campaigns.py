"""Campaigns: the posts that share one contact, found and rejected together."""

from datetime import timedelta

from app.mod.decisions import DecisionBatch, Outcome
from models import DecisionAction, Post, PostContact, PostStatus, StaffUser, Thread, db


def parse_contact(raw: str | None) -> tuple[str, str] | None:
    kind, sep, value = (raw or "").partition(":")
    if not sep or not kind or not value or len(raw) > 300:
        return None
    return kind, value


def campaign_posts(kind: str, value: str) -> list[tuple[Post, Thread]]:
    return list(
        db.session.execute(
            db.select(Post, Thread)
            .join(Thread, Post.thread_id == Thread.id)
            .join(PostContact, PostContact.post_id == Post.id)
            .where(PostContact.kind == kind, PostContact.value == value)
            .order_by(Post.id)
        ).all()
    )


def reject_campaign(
    moderator: StaffUser,
    kind: str,
    value: str,
    note: str | None,
    address_ban: timedelta | None = None,
    poster_ban: timedelta | None = None,
) -> Outcome:
    """Reject every post that carries this contact and ban everyone who posted one for
    ``poster_ban`` (None: until lifted), and, with ``address_ban``, pause their
    connections for that long."""
    batch = DecisionBatch(moderator, note, address_ban, poster_ban)
    banned_posters: set[str] = set()
    for post, _thread in campaign_posts(kind, value):
        # Deleted by its author, or already rejected (perhaps by a ban a moment ago).
        done = post.status == PostStatus.REMOVED and not post.awaiting_review
        if done or post.status == PostStatus.DELETED:
            batch.outcome.skipped += 1
            continue
        banned = post.poster_hash in banned_posters
        batch.decide(post, DecisionAction.REJECT if banned else DecisionAction.BAN, "spam")
        banned_posters.add(post.poster_hash)
    return batch.commit()
