"""The moderators' queue: posts waiting for a decision, with everything needed to decide
them, and the counts in the staff header."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, tuple_

from app.mod.check_ins import unseen_care
from models import Appeal, AppealState, Post, PostContact, Report, Thread, db

QUEUE_SORTS = ("score", "oldest")


@dataclass
class QueueEntry:
    post: Post
    thread: Thread
    opening: Post | None  # the thread's first post, when this one is a reply
    reports: list[Report] = field(default_factory=list)
    report_reasons: Counter = field(default_factory=Counter)
    contacts: list[tuple[str, str, int]] = field(default_factory=list)  # kind, value, others
    appeal: Appeal | None = None

    @property
    def report_connections(self) -> int:
        """How many different connections the reports came from (purged ones unknown)."""
        return len({r.address_hash for r in self.reports if r.address_hash})

    @property
    def rule_reasons(self) -> list[dict]:
        return [r for r in (self.post.verdict or {}).get("reasons", []) if r.get("kind") == "rule"]

    @property
    def classifier(self) -> dict | None:
        for reason in (self.post.verdict or {}).get("reasons", []):
            if reason.get("kind") == "classifier":
                return reason
        return None


@dataclass
class QueuePage:
    entries: list[QueueEntry]
    total: int
    page: int
    pages: int


def queue_counts() -> dict[str, int]:
    """The numbers in the staff header: posts waiting, care posts not yet seen."""
    waiting = db.session.execute(
        db.select(func.count(Post.id)).where(Post.awaiting_review)
    ).scalar_one()
    care = db.session.execute(db.select(func.count(Post.id)).where(*unseen_care())).scalar_one()
    return {"queue": waiting, "care": care}


def queue_page(sort: str, page: int, per_page: int) -> QueuePage:
    """Posts waiting for a decision, with everything a moderator needs to decide them,
    loaded in a fixed number of queries whatever the page size."""
    total = db.session.execute(
        db.select(func.count(Post.id)).where(Post.awaiting_review)
    ).scalar_one()
    order = (
        (Post.created_at.asc(), Post.id.asc())
        if sort == "oldest"
        else (func.coalesce(Post.score, 0).desc(), Post.id.asc())
    )
    rows = db.session.execute(
        db.select(Post, Thread)
        .join(Thread, Post.thread_id == Thread.id)
        .where(Post.awaiting_review)
        .order_by(*order)
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    entries = _entries(rows)
    return QueuePage(entries, total, page, max(1, -(-total // per_page)))


def _entries(rows) -> list[QueueEntry]:
    post_ids = [post.id for post, _ in rows]
    thread_ids = {thread.id for post, thread in rows if not post.is_opening}
    openings = {}
    if thread_ids:
        openings = {
            post.thread_id: post
            for post in db.session.execute(
                db.select(Post).where(Post.thread_id.in_(thread_ids), Post.is_opening)
            ).scalars()
        }
    reports = defaultdict(list)
    contacts = defaultdict(list)
    appeals = {}
    if post_ids:
        for report in db.session.execute(
            db.select(Report)
            .where(Report.post_id.in_(post_ids), Report.decision_id.is_(None))
            .order_by(Report.id)
        ).scalars():
            reports[report.post_id].append(report)
        for contact in db.session.execute(
            db.select(PostContact).where(PostContact.post_id.in_(post_ids))
        ).scalars():
            contacts[contact.post_id].append((contact.kind, contact.value))
        appeals = {
            appeal.post_id: appeal
            for appeal in db.session.execute(
                db.select(Appeal).where(
                    Appeal.post_id.in_(post_ids), Appeal.state == AppealState.OPEN
                )
            ).scalars()
        }
    uses = contact_uses({pair for pairs in contacts.values() for pair in pairs})
    entries = []
    for post, thread in rows:
        entries.append(
            QueueEntry(
                post=post,
                thread=thread,
                opening=None if post.is_opening else openings.get(thread.id),
                reports=reports[post.id],
                report_reasons=Counter(r.reason for r in reports[post.id]),
                contacts=[
                    (kind, value, uses.get((kind, value), 1) - 1)
                    for kind, value in sorted(contacts[post.id])
                ],
                appeal=appeals.get(post.id),
            )
        )
    return entries


def contact_uses(pairs: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """How many posts carry each (kind, value) contact, in one query."""
    if not pairs:
        return {}
    rows = db.session.execute(
        db.select(PostContact.kind, PostContact.value, func.count(PostContact.post_id))
        .where(tuple_(PostContact.kind, PostContact.value).in_(sorted(pairs)))
        .group_by(PostContact.kind, PostContact.value)
    ).all()
    return {(kind, value): count for kind, value, count in rows}
