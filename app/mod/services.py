"""Moderators' work: the queue, decisions and their reversal, campaigns, check-ins.

Every change a moderator makes is a ``Decision`` row: the audit log, and (with its
label and the judged text) training data for the next model.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, tuple_

from app.anonymity import address_hash_valid_until
from app.forum.services import refresh_contacts, refresh_thread_stats, screened_text
from models import (
    Appeal,
    Ban,
    Decision,
    Label,
    Post,
    PostContact,
    PostStatus,
    Report,
    StaffUser,
    Thread,
    db,
    utcnow,
)

DECIDING_ACTIONS = (Decision.APPROVE, Decision.REJECT, Decision.REMOVE, Decision.BAN)
# What each action does to a post: its new status and its training label.
EFFECTS = {
    Decision.APPROVE: (PostStatus.PUBLISHED, Label.HAM),
    Decision.REJECT: (PostStatus.REMOVED, Label.SPAM),
    Decision.REMOVE: (PostStatus.REMOVED, None),
    Decision.BAN: (PostStatus.REMOVED, Label.SPAM),
}
DEFAULT_REASONS = {Decision.REJECT: "spam", Decision.BAN: "spam", Decision.REMOVE: "other"}
QUEUE_SORTS = ("score", "oldest")
BANNED_NOTE = "The poster was banned."


class NotReversible(ValueError):
    """This log entry cannot be undone (already undone, or itself an undo)."""


# --- the queue ----------------------------------------------------------------


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
    care = db.session.execute(db.select(func.count(Post.id)).where(*_care_filter())).scalar_one()
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
                db.select(Appeal).where(Appeal.post_id.in_(post_ids), Appeal.state == Appeal.OPEN)
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


# --- decisions ----------------------------------------------------------------


@dataclass
class Outcome:
    decided: int = 0
    skipped: int = 0
    banned: int = 0
    # Connections paused (address bans), the latest end among them, and the posts too
    # old for one: Mend no longer knows their address.
    paused: int = 0
    paused_until: datetime | None = None
    too_old_to_pause: int = 0


def decide(
    moderator: StaffUser,
    post_ids: list[int],
    action: str,
    note: str | None = None,
    reason: str | None = None,
    address_ban: timedelta | None = None,
) -> Outcome:
    """Apply one action to the waiting posts among ``post_ids``. Posts someone else has
    decided meanwhile are skipped, not decided twice. A ban with ``address_ban`` also
    pauses new posts from each banned post's connection for that long."""
    if action not in DECIDING_ACTIONS:
        raise ValueError(action)
    outcome = Outcome()
    posts = list(
        db.session.execute(
            db.select(Post).where(Post.id.in_(post_ids)).order_by(Post.id).with_for_update()
        ).scalars()
    )
    outcome.skipped = len(set(post_ids)) - len(posts)
    touched: set[Thread] = set()
    for post in posts:
        if not post.awaiting_review or post.status == PostStatus.DELETED:
            outcome.skipped += 1
            continue
        _apply(moderator, post, action, note, reason, outcome, touched, address_ban=address_ban)
    _finish(touched)
    return outcome


def _apply(
    moderator: StaffUser,
    post: Post,
    action: str,
    note: str | None,
    reason: str | None,
    outcome: Outcome,
    touched: set[Thread],
    caused_by: Decision | None = None,
    address_ban: timedelta | None = None,
) -> Decision:
    new_status, label = EFFECTS[action]
    decision = Decision(
        moderator=moderator,
        post=post,
        action=action,
        reason=None if action == Decision.APPROVE else (reason or DEFAULT_REASONS[action]),
        note=note or None,
        previous_status=post.status,
        previous_label=post.label,
        label=label,
        caused_by_id=caused_by.id if caused_by else None,
    )
    thread = post.thread
    if post.pending_body is not None:
        decision.text = screened_text(post.is_opening, post.pending_body, post.pending_title)
        if action == Decision.APPROVE:
            decision.previous_body = post.body
            post.body = post.pending_body
            if post.is_opening and post.pending_title:
                thread.title = post.pending_title
        else:
            decision.pending_body = post.pending_body
            if post.status == PostStatus.PUBLISHED:
                # Only the edit is refused: the published version stays up.
                new_status = PostStatus.PUBLISHED
        post.pending_body = post.pending_title = None
        # The approved text's contacts only, or the published text's once the edit is refused.
        refresh_contacts(post)
    else:
        decision.text = screened_text(post.is_opening, post.body, thread.title)
    decision.new_status = new_status
    post.status = new_status
    if label is not None and decision.pending_body is None:
        post.label = label
    post.awaiting_review = False
    if post.is_opening:
        thread.status = new_status
    touched.add(thread)
    db.session.add(decision)
    db.session.flush()
    db.session.execute(
        db.update(Report)
        .where(Report.post_id == post.id, Report.decision_id.is_(None))
        .values(decision_id=decision.id)
    )
    db.session.execute(
        db.update(Appeal)
        .where(Appeal.post_id == post.id, Appeal.state == Appeal.OPEN)
        .values(
            state=Appeal.GRANTED if action == Decision.APPROVE else Appeal.DENIED,
            decision_id=decision.id,
        )
    )
    outcome.decided += 1
    if action == Decision.BAN:
        _ban_poster(moderator, post, decision, outcome, touched)
        if address_ban is not None:
            _ban_address(post, decision, outcome, address_ban)
    elif action == Decision.APPROVE:
        _lift_bans_for(post)
    return decision


def _ban_poster(
    moderator: StaffUser, post: Post, decision: Decision, outcome: Outcome, touched: set
) -> None:
    already = db.session.execute(
        db.select(Ban.id).where(Ban.lifted_at.is_(None), Ban.poster_hash == post.poster_hash)
    ).first()
    if already is None:
        # The poster's browser only: others on their connection are not theirs to lose.
        db.session.add(Ban(poster_hash=post.poster_hash, decision_id=decision.id))
        outcome.banned += 1
    others = db.session.execute(
        db.select(Post).where(
            Post.poster_hash == post.poster_hash,
            Post.awaiting_review,
            Post.id != post.id,
            Post.status.in_((PostStatus.HELD, PostStatus.HIDDEN)),
        )
    ).scalars()
    for other in list(others):
        _apply(moderator, other, Decision.REJECT, BANNED_NOTE, "spam", outcome, touched, decision)


def _ban_address(post: Post, decision: Decision, outcome: Outcome, length: timedelta) -> None:
    """Pause new posts from the post's connection, whoever is behind it, for ``length``,
    or less: the post's address hash matches only until its key has rotated twice."""
    now = utcnow()
    until = min(now + length, address_hash_valid_until(post.created_at))
    if not post.address_hash or until <= now:
        outcome.too_old_to_pause += 1
        return
    db.session.add(Ban(address_hash=post.address_hash, expires_at=until, decision_id=decision.id))
    outcome.paused += 1
    outcome.paused_until = max(until, outcome.paused_until or until)


def _lifted() -> dict:
    # A lifted ban needs no address any more: a paused connection's hash goes with it.
    return {"lifted_at": utcnow(), "address_hash": None}


def _lift_bans_for(post: Post) -> None:
    """A moderator now publishes a post its author was banned for (an appeal granted,
    say): the ban goes with the decision it rested on."""
    ban_decisions = db.select(Decision.id).where(
        Decision.post_id == post.id, Decision.action == Decision.BAN
    )
    db.session.execute(
        db.update(Ban)
        .where(Ban.decision_id.in_(ban_decisions), Ban.lifted_at.is_(None))
        .values(**_lifted())
    )


def _finish(threads: set[Thread]) -> None:
    for thread in threads:
        refresh_thread_stats(thread)
    db.session.commit()


# --- campaigns ----------------------------------------------------------------


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
) -> Outcome:
    """Reject every post that carries this contact and ban everyone who posted one (and,
    with ``address_ban``, pause their connections for that long)."""
    outcome = Outcome()
    touched: set[Thread] = set()
    banned_posters: set[str] = set()
    for post, _thread in campaign_posts(kind, value):
        # Deleted by its author, or already rejected (perhaps by a ban a moment ago).
        done = post.status == PostStatus.REMOVED and not post.awaiting_review
        if done or post.status == PostStatus.DELETED:
            outcome.skipped += 1
            continue
        action = Decision.REJECT if post.poster_hash in banned_posters else Decision.BAN
        _apply(moderator, post, action, note, "spam", outcome, touched, address_ban=address_ban)
        banned_posters.add(post.poster_hash)
    _finish(touched)
    return outcome


# --- check-ins ----------------------------------------------------------------


def _care_filter():
    return (Post.care, Post.care_seen_at.is_(None), Post.status == PostStatus.PUBLISHED)


def care_posts(limit: int) -> list[tuple[Post, Thread]]:
    """Published posts with self-harm language no moderator has looked at yet, oldest
    first: the longest-waiting person first."""
    return list(
        db.session.execute(
            db.select(Post, Thread)
            .join(Thread, Post.thread_id == Thread.id)
            .where(*_care_filter())
            .order_by(Post.created_at.asc(), Post.id.asc())
            .limit(limit)
        ).all()
    )


def mark_care_seen(moderator: StaffUser, post_ids: list[int], note: str | None = None) -> int:
    posts = db.session.execute(
        db.select(Post).where(Post.id.in_(post_ids), *_care_filter())
    ).scalars()
    count = 0
    for post in posts:
        post.care_seen_at = utcnow()
        db.session.add(
            Decision(
                moderator=moderator,
                post=post,
                action=Decision.CARE_SEEN,
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


# --- the log and reversal -----------------------------------------------------


@dataclass
class LogPage:
    decisions: list[Decision]
    older: int | None


def log_page(
    per_page: int,
    moderator: str | None = None,
    action: str | None = None,
    before: int | None = None,
) -> LogPage:
    """Decisions, newest first, keyset-paginated by id."""
    query = db.select(Decision).join(StaffUser, Decision.moderator_id == StaffUser.id)
    query = query.options(db.contains_eager(Decision.moderator), db.joinedload(Decision.post))
    if moderator:
        query = query.where(StaffUser.username == moderator)
    if action:
        query = query.where(Decision.action == action)
    if before is not None:
        query = query.where(Decision.id < before)
    decisions = list(
        db.session.execute(query.order_by(Decision.id.desc()).limit(per_page + 1)).scalars()
    )
    older = decisions[per_page - 1].id if len(decisions) > per_page else None
    return LogPage(decisions[:per_page], older)


def moderator_names() -> list[str]:
    return list(
        db.session.execute(
            db.select(StaffUser.username)
            .where(StaffUser.id.in_(db.select(Decision.moderator_id).distinct()))
            .order_by(StaffUser.username)
        ).scalars()
    )


def reverse(moderator: StaffUser, decision_id: int, note: str | None = None) -> Decision:
    """Undo a decision: the post's status and label as they were, its ban lifted, the
    posts its ban rejected restored, its reports and appeal open again. Logged too."""
    decision = db.session.get(Decision, decision_id, with_for_update=True)
    if decision is None:
        raise LookupError(decision_id)
    touched: set[Thread] = set()
    undo = _reverse_one(moderator, decision, note, touched)
    _finish(touched)
    return undo


def _reverse_one(
    moderator: StaffUser, decision: Decision, note: str | None, touched: set[Thread]
) -> Decision:
    if decision.action == Decision.REVERSE or decision.reversed_by_id is not None:
        raise NotReversible(decision.id)
    post = decision.post
    undo = Decision(
        moderator=moderator,
        post=post,
        action=Decision.REVERSE,
        note=note or None,
        reverses_id=decision.id,
        previous_status=post.status if post else None,
        previous_label=post.label if post else None,
    )
    db.session.add(undo)
    db.session.flush()
    decision.reversed_by_id = undo.id
    if post is not None:
        _restore_post(post, decision)
        undo.new_status, undo.label = post.status, post.label
        touched.add(post.thread)
    if decision.action == Decision.BAN:
        db.session.execute(
            db.update(Ban)
            .where(Ban.decision_id == decision.id, Ban.lifted_at.is_(None))
            .values(**_lifted())
        )
        caused = db.session.execute(
            db.select(Decision).where(
                Decision.caused_by_id == decision.id, Decision.reversed_by_id.is_(None)
            )
        ).scalars()
        for other in list(caused):
            _reverse_one(moderator, other, note, touched)
    return undo


def _restore_post(post: Post, decision: Decision) -> None:
    if decision.action == Decision.CARE_SEEN:
        post.care_seen_at = None
        return
    if post.status == PostStatus.DELETED:
        # Its author deleted it: no words, no label to put back (README, "When you
        # delete a post"); the undo is still logged.
        post.awaiting_review = False
        return
    if decision.previous_status:
        post.status = decision.previous_status
        if post.is_opening:
            post.thread.status = post.status
    post.label = decision.previous_label
    if decision.previous_body is not None:
        post.pending_body, post.body = post.body, decision.previous_body
    if decision.pending_body is not None:
        post.pending_body = decision.pending_body
    if decision.previous_body is not None or decision.pending_body is not None:
        refresh_contacts(post)  # the edit waits again: both texts' contacts
    db.session.execute(
        db.update(Report).where(Report.decision_id == decision.id).values(decision_id=None)
    )
    db.session.execute(
        db.update(Appeal)
        .where(Appeal.decision_id == decision.id)
        .values(state=Appeal.OPEN, decision_id=None)
    )
    # Undoing a decision means it needs deciding again.
    post.awaiting_review = post.status != PostStatus.DELETED
