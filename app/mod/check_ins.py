"""Check-ins: published posts with self-harm language, until a moderator has looked."""

from models import Decision, DecisionAction, Post, PostStatus, StaffUser, Thread, db, utcnow


def unseen_care():
    """The filter for care posts no moderator has looked at yet."""
    return (Post.care, Post.care_seen_at.is_(None), Post.status == PostStatus.PUBLISHED)


def care_posts(limit: int) -> list[tuple[Post, Thread]]:
    """Published posts with self-harm language no moderator has looked at yet, oldest
    first: the longest-waiting person first."""
    return list(
        db.session.execute(
            db.select(Post, Thread)
            .join(Thread, Post.thread_id == Thread.id)
            .where(*unseen_care())
            .order_by(Post.created_at.asc(), Post.id.asc())
            .limit(limit)
        ).all()
    )


def mark_care_seen(moderator: StaffUser, post_ids: list[int], note: str | None = None) -> int:
    posts = db.session.execute(
        db.select(Post).where(Post.id.in_(post_ids), *unseen_care())
    ).scalars()
    count = 0
    for post in posts:
        post.care_seen_at = utcnow()
        db.session.add(
            Decision(
                moderator=moderator,
                post=post,
                action=DecisionAction.CARE_SEEN,
                note=note or None,
                previous_status=post.status,
                new_status=post.status,
                previous_label=post.label,
                label=post.label,
            )
        )
        count += 1
    db.session.commit()
    return count
