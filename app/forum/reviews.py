"""What readers and authors ask of moderators, and what they hear back: reports,
appeals, the bans that stop a poster, and the outcome of a review."""

from sqlalchemy import func, or_
from sqlalchemy.exc import IntegrityError

from models import (
    DECIDING_ACTIONS,
    Appeal,
    AppealState,
    Ban,
    Decision,
    Post,
    PostStatus,
    Report,
    db,
    utcnow,
)


def active_ban(hashed_poster: str, hashed_addresses: list[str]) -> Ban | None:
    """The ban that stops this poster, or (until it expires) this address, from writing.
    A poster's ban comes first: it is the one its poster can appeal; of several, the
    one that lasts longest, as that is when they can post again."""
    return db.session.execute(
        db.select(Ban)
        .where(
            Ban.lifted_at.is_(None),
            or_(Ban.expires_at.is_(None), Ban.expires_at > utcnow()),
            or_(Ban.poster_hash == hashed_poster, Ban.address_hash.in_(hashed_addresses)),
        )
        .order_by(
            Ban.poster_hash.is_(None),
            Ban.expires_at.is_(None).desc(),
            Ban.expires_at.desc(),
            Ban.id,
        )
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
    post.ask_for_review()
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
    if post.hide_if_reported(min(readers, addresses), hide_threshold):
        post.thread.refresh_stats()
    db.session.commit()
    return True


def appeal_of(post: Post) -> Appeal | None:
    return db.session.execute(
        db.select(Appeal).where(Appeal.post_id == post.id)
    ).scalar_one_or_none()


def can_appeal(post: Post, appeal: Appeal | None) -> bool:
    """One appeal per removal: a granted appeal does not use up the right to appeal a
    later removal of the same post; an open or denied one does."""
    return post.status == PostStatus.REMOVED and (
        appeal is None or appeal.state == AppealState.GRANTED
    )


def appeal_post(post: Post, message: str) -> bool:
    """The author's appeal against a removal; it puts the post back in the queue."""
    appeal = appeal_of(post)
    if not can_appeal(post, appeal):
        return False
    if appeal is None:
        db.session.add(Appeal(post_id=post.id, message=message))
    else:  # the granted one is history now; the log keeps its decision
        appeal.message, appeal.created_at = message, utcnow()
        appeal.state, appeal.decision_id = AppealState.OPEN, None
    post.ask_for_review()
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
            Decision.action.in_(DECIDING_ACTIONS),
            Decision.reversed_by_id.is_(None),
        )
        .order_by(Decision.id.desc())
        .limit(1)
    ).scalar_one_or_none()
