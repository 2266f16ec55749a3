"""The moderators' queue: posts waiting for a decision, with everything needed to decide
them, and the counts in the staff header."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Integer, bindparam, func, literal, or_, tuple_
from sqlalchemy.exc import IntegrityError

from app.mod.check_ins import unseen_care
from models import (
    DECIDING_ACTIONS,
    Appeal,
    AppealState,
    Decision,
    Post,
    PostContact,
    PostStatus,
    QueueClaim,
    Report,
    StaffUser,
    Thread,
    db,
    utcnow,
)

QUEUE_SORTS = ("score", "oldest")
# The queue's filters, in the order of its tabs: what each shows is in _view_conditions.
QUEUE_VIEWS = {
    "all": "All",
    "held": "Held",
    "reported": "Reported",
    "appeals": "Appeals",
    "edits": "Edits waiting",
    "care": "Care",
}
# How long "mo is looking at this" lasts after mo last opened or moved to a post.
CLAIM_MINUTES = 5


@dataclass
class QueueEntry:
    post: Post
    thread: Thread
    opening: Post | None  # the thread's first post, when this one is a reply
    reports: list[Report] = field(default_factory=list)
    report_reasons: Counter = field(default_factory=Counter)
    contacts: list[tuple[str, str, int]] = field(default_factory=list)  # kind, value, others
    appeal: Appeal | None = None
    same_wording: int | None = None  # posts with this wording, itself included, if others

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
    rows: list  # (id, status, created_at, edited_at, score) of each post, in order
    total: int
    page: int
    pages: int

    @property
    def post_ids(self) -> list[int]:
        return [row.id for row in self.rows]


# Statements the queue runs on every load, built once per process (building one costs
# more than running it); what changes between loads is a bound parameter.
_STATEMENTS: dict = {}


def _statement(key, build):
    found = _STATEMENTS.get(key)
    if found is None:
        found = _STATEMENTS[key] = build()
    return found


def queue_counts(waiting: int | None = None) -> dict[str, int]:
    """The numbers in the staff header: posts waiting (unless the caller has counted
    them), care posts not yet seen."""
    if waiting is None:
        waiting = db.session.execute(
            db.select(func.count(Post.id)).where(Post.awaiting_review)
        ).scalar_one()
    care = db.session.execute(
        _statement("care", lambda: db.select(func.count(Post.id)).where(*unseen_care()))
    ).scalar_one()
    return {"queue": waiting, "care": care}


def _view_conditions() -> dict:
    """What each filter adds to "waiting for a decision". A post can be in several
    (a held post with self-harm language is held and care)."""
    open_report = (
        db.select(Report.id).where(Report.post_id == Post.id, Report.decision_id.is_(None)).exists()
    )
    open_appeal = (
        db.select(Appeal.id)
        .where(Appeal.post_id == Post.id, Appeal.state == AppealState.OPEN)
        .exists()
    )
    return {
        "held": Post.status == PostStatus.HELD,
        "reported": or_(Post.status == PostStatus.HIDDEN, open_report),
        "appeals": open_appeal,
        "edits": Post.pending_body.is_not(None),
        "care": Post.care.is_(True),
    }


def view_counts() -> dict[str, int]:
    """How many waiting posts each filter shows, in one grouped query."""
    names, statement = _statement("view counts", _view_counts)
    return dict(zip(names, db.session.execute(statement).one(), strict=True))


def _view_counts():
    conditions = _view_conditions()
    statement = db.select(
        func.count(Post.id),
        *(func.count(Post.id).filter(condition) for condition in conditions.values()),
    ).where(Post.awaiting_review)
    return ("all", *conditions), statement


def queue_page(
    sort: str, page: int, per_page: int, view: str = "all", total: int | None = None
) -> QueuePage:
    """Posts waiting for a decision (those ``view`` shows), with everything a moderator
    needs to decide them, loaded in a fixed number of queries whatever the page size.
    ``total``: how many there are, when the caller has counted them (``view_counts``)."""
    count, rows_statement = _statement(("page", sort, view), lambda: _page_statements(sort, view))
    if total is None:
        total = db.session.execute(count).scalar_one()
    rows = db.session.execute(
        rows_statement, {"offset": (page - 1) * per_page, "limit": per_page}
    ).all()
    return QueuePage(rows, total, page, max(1, -(-total // per_page)))


def _page_statements(sort: str, view: str):
    waiting = [Post.awaiting_review]
    if view != "all":
        waiting.append(_view_conditions()[view])
    order = (
        (Post.created_at.asc(), Post.id.asc())
        if sort == "oldest"
        else (func.coalesce(Post.score, 0).desc(), Post.id.asc())
    )
    count = db.select(func.count(Post.id)).where(*waiting)
    # What each entry's stamp needs (app/mod/queue_entries.py); the rest of a post is
    # loaded only for the entries not kept from an earlier request.
    rows = (
        db.select(Post.id, Post.status, Post.created_at, Post.edited_at, Post.score)
        .where(*waiting)
        .order_by(*order)
        .offset(bindparam("offset", type_=Integer))
        .limit(bindparam("limit", type_=Integer))
    )
    return count, rows


def queue_entries(post_ids: list[int]) -> dict[int, QueueEntry]:
    """Everything a moderator needs to decide each of these posts, by post id, in a
    fixed number of queries whatever their number. Who is looking at them is not part
    of it (``current_claims``)."""
    from app.mod.campaigns import same_wording_counts  # campaigns imports decisions

    if not post_ids:
        return {}
    rows = db.session.execute(
        db.select(Post, Thread)
        .join(Thread, Post.thread_id == Thread.id)
        .where(Post.id.in_(post_ids))
    ).all()
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
            db.select(Appeal).where(Appeal.post_id.in_(post_ids), Appeal.state == AppealState.OPEN)
        ).scalars()
    }
    uses = contact_uses({pair for pairs in contacts.values() for pair in pairs})
    wording = same_wording_counts(post_ids)
    return {
        post.id: QueueEntry(
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
            same_wording=wording.get(post.id),
        )
        for post, thread in rows
    }


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


def current_claims(post_ids: list[int]) -> dict[int, tuple[int, str, datetime]]:
    """Who is looking at each of these posts (moderator id, name, since), if anyone
    opened it within the last CLAIM_MINUTES."""
    if not post_ids:
        return {}
    fresh = utcnow() - timedelta(minutes=CLAIM_MINUTES)
    statement = _statement(
        "claims",
        lambda: (
            db.select(QueueClaim.post_id, StaffUser.id, StaffUser.username, QueueClaim.claimed_at)
            .join(StaffUser, QueueClaim.moderator_id == StaffUser.id)
            .where(
                QueueClaim.post_id.in_(bindparam("ids", expanding=True)),
                QueueClaim.claimed_at >= bindparam("fresh"),
            )
        ),
    )
    rows = db.session.execute(statement, {"ids": list(post_ids), "fresh": fresh}).all()
    return {post_id: (staff_id, name, since) for post_id, staff_id, name, since in rows}


def claim(moderator: StaffUser, post_id: int) -> bool:
    """Mark ``moderator`` as looking at a waiting post, and forget claims that have
    expired. False when there is no such post waiting."""
    waiting = db.session.execute(
        db.select(Post.id).where(Post.id == post_id, Post.awaiting_review)
    ).first()
    if waiting is None:
        return False
    now = utcnow()
    db.session.execute(
        db.delete(QueueClaim).where(
            or_(
                QueueClaim.post_id == post_id,
                QueueClaim.claimed_at < now - timedelta(minutes=CLAIM_MINUTES),
            )
        )
    )
    db.session.add(QueueClaim(post_id=post_id, moderator_id=moderator.id, claimed_at=now))
    try:
        db.session.commit()
    except IntegrityError:  # another moderator claimed it in the same instant: theirs
        db.session.rollback()
    return True


def latest_decision_id() -> int:
    """The newest log entry's id: the queue page remembers it, so a decision can tell
    which posts someone else decided after the page was loaded."""
    return db.session.execute(db.select(func.coalesce(func.max(Decision.id), 0))).scalar_one()


@dataclass
class LastDecision:
    id: int
    action: str
    post_id: int | None


def queue_marks(moderator: StaffUser) -> tuple[int, LastDecision | None]:
    """``latest_decision_id`` and the id, action and post of ``last_undoable``, in one
    query."""
    statement = _statement("marks", _marks)
    seen, decision_id, action, post_id = db.session.execute(
        statement, {"moderator_id": moderator.id}
    ).one()
    return seen, LastDecision(decision_id, action, post_id) if decision_id else None


def _marks():
    latest = db.select(func.coalesce(func.max(Decision.id), 0)).scalar_subquery()
    last_id = _undoable(bindparam("moderator_id")).with_only_columns(Decision.id)
    one_row = db.select(literal(1).label("one")).subquery()
    return (
        db.select(latest, Decision.id, Decision.action, Decision.post_id)
        .select_from(one_row)
        .outerjoin(Decision, Decision.id == last_id.scalar_subquery())
    )


def _undoable(moderator_id):
    return (
        db.select(Decision)
        .where(
            Decision.moderator_id == moderator_id,
            Decision.action.in_(DECIDING_ACTIONS),
            Decision.caused_by_id.is_(None),
            Decision.reversed_by_id.is_(None),
        )
        .order_by(Decision.id.desc())
        .limit(1)
    )


def last_undoable(moderator: StaffUser) -> Decision | None:
    """This moderator's latest decision on a post that is not yet undone: what ``u``
    (and the queue's "Undo your last decision" link) offers to undo."""
    return db.session.execute(_undoable(moderator.id)).scalar_one_or_none()
