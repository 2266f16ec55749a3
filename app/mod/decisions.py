"""Moderators' decisions and their reversal.

Every change a moderator makes is a ``Decision`` row: the audit log, and (with its
label and the judged text) training data for the next model.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import or_

from app.mod.thread_actions import undo_thread_action
from app.post_contacts import refresh_contacts, screened_text
from app.poster_identity import address_hash_valid_until
from models import (
    DECIDING_ACTIONS,
    THREAD_ACTIONS,
    Appeal,
    AppealState,
    Ban,
    Decision,
    DecisionAction,
    Label,
    Post,
    PostStatus,
    Report,
    StaffUser,
    Thread,
    db,
    utcnow,
)

# What each action does to a post: its new status and its training label.
EFFECTS = {
    DecisionAction.APPROVE: (PostStatus.PUBLISHED, Label.HAM),
    DecisionAction.REJECT: (PostStatus.REMOVED, Label.SPAM),
    DecisionAction.REMOVE: (PostStatus.REMOVED, None),
    DecisionAction.BAN: (PostStatus.REMOVED, Label.SPAM),
}
DEFAULT_REASONS = {
    DecisionAction.REJECT: "spam",
    DecisionAction.BAN: "spam",
    DecisionAction.REMOVE: "other",
}
BANNED_NOTE = "The poster was banned."


def held_for_safety(post: Post) -> bool:
    """Is the post (or its waiting edit) held because it gives someone's contact details,
    not as spam? Deciding such a hold is no training label."""
    held = post.status == PostStatus.HELD or post.pending_body is not None
    return held and (post.verdict or {}).get("hold_kind") == "safety"


class NotReversible(ValueError):
    """This log entry cannot be undone (already undone, or itself an undo)."""


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
    # When the posters' bans made in this batch end (None: they are permanent).
    banned_until: datetime | None = None
    # Posts another moderator decided after this one loaded the page: post id ->
    # (their name, their action). Left as they are.
    already_decided: dict[int, tuple[str, str]] = field(default_factory=dict)


class DecisionBatch:
    """The decisions one moderator makes in one go (the ticked posts, a campaign, an
    undo and what it brings back): what they add up to, and the threads whose counts
    they change, recounted once when the batch is committed."""

    def __init__(
        self,
        moderator: StaffUser,
        note: str | None = None,
        address_ban: timedelta | None = None,
        poster_ban: timedelta | None = None,
    ):
        self.moderator = moderator
        self.note = note or None
        # With a ban: how long to pause new posts from each banned post's connection.
        self.address_ban = address_ban
        # With a ban: how long the poster's ban lasts (None: until a moderator lifts it).
        self.poster_ban = poster_ban
        self.outcome = Outcome()
        self._threads: set[Thread] = set()

    def decide(
        self, post: Post, action: str, reason: str | None = None, caused_by: Decision | None = None
    ) -> Decision:
        new_status, label = EFFECTS[action]
        if action in (DecisionAction.APPROVE, DecisionAction.REMOVE) and held_for_safety(post):
            # A hold for the poster's safety says nothing about spam; a moderator who
            # rejects it as spam (or bans) says it is, and that is a label.
            label = None
        if action == DecisionAction.APPROVE:
            reason = None
        decision = Decision(
            moderator=self.moderator,
            post=post,
            action=action,
            reason=None
            if action == DecisionAction.APPROVE
            else (reason or DEFAULT_REASONS[action]),
            # A post rejected because its poster was banned says so, not the ban's note.
            note=BANNED_NOTE if caused_by else self.note,
            previous_status=post.status,
            previous_label=post.label,
            label=label,
            caused_by_id=caused_by.id if caused_by else None,
        )
        if post.pending_body is not None:
            decision.text = screened_text(post.is_opening, post.pending_body, post.pending_title)
            if action == DecisionAction.APPROVE:
                decision.previous_body = post.approve_edit()
            else:
                if post.status == PostStatus.PUBLISHED:
                    # Only the edit is refused: the published version stays up.
                    new_status = PostStatus.PUBLISHED
                decision.pending_body = post.refuse_edit()
            # The approved text's contacts only, or the published text's once the edit is refused.
            refresh_contacts(post)
        else:
            decision.text = screened_text(post.is_opening, post.body, post.thread.title)
        decision.new_status = new_status
        post.set_status(new_status, awaiting_review=False)
        if label is not None and decision.pending_body is None:
            post.label = label
        self._threads.add(post.thread)
        db.session.add(decision)
        db.session.flush()
        db.session.execute(
            db.update(Report)
            .where(Report.post_id == post.id, Report.decision_id.is_(None))
            .values(decision_id=decision.id)
        )
        granted = action == DecisionAction.APPROVE
        db.session.execute(
            db.update(Appeal)
            .where(Appeal.post_id == post.id, Appeal.state == AppealState.OPEN)
            .values(
                state=AppealState.GRANTED if granted else AppealState.DENIED,
                decision_id=decision.id,
            )
        )
        self.outcome.decided += 1
        if action == DecisionAction.BAN:
            self._ban_poster(post, decision)
            if self.address_ban is not None:
                self._ban_address(post, decision)
        elif granted:
            _lift_bans_for(post)
        return decision

    def _ban_poster(self, post: Post, decision: Decision) -> None:
        now = utcnow()
        ends = None if self.poster_ban is None else now + self.poster_ban
        standing = db.session.execute(
            db.select(Ban.expires_at).where(
                Ban.lifted_at.is_(None),
                Ban.poster_hash == post.poster_hash,
                or_(Ban.expires_at.is_(None), Ban.expires_at > now),
            )
        ).scalars()
        # A ban already in force that lasts at least as long stays the one that counts;
        # a longer one is added beside it (undoing it leaves the shorter one as it was).
        if not any(end is None or (ends is not None and end >= ends) for end in standing):
            # The poster's browser only: others on their connection are not theirs to lose.
            db.session.add(
                Ban(
                    poster_hash=post.poster_hash,
                    decision_id=decision.id,
                    expires_at=ends,
                    reason=decision.reason,
                )
            )
            self.outcome.banned += 1
            self.outcome.banned_until = ends
        others = db.session.execute(
            db.select(Post).where(
                Post.poster_hash == post.poster_hash,
                Post.awaiting_review,
                Post.id != post.id,
                Post.status.in_((PostStatus.HELD, PostStatus.HIDDEN)),
            )
        ).scalars()
        for other in list(others):
            self.decide(other, DecisionAction.REJECT, "spam", caused_by=decision)

    def _ban_address(self, post: Post, decision: Decision) -> None:
        """Pause new posts from the post's connection, whoever is behind it, for the
        batch's ``address_ban``, or less: the post's address hash matches only until its
        key has rotated twice."""
        now = utcnow()
        until = min(now + self.address_ban, address_hash_valid_until(post.created_at))
        if not post.address_hash or until <= now:
            self.outcome.too_old_to_pause += 1
            return
        db.session.add(
            Ban(address_hash=post.address_hash, expires_at=until, decision_id=decision.id)
        )
        self.outcome.paused += 1
        self.outcome.paused_until = max(until, self.outcome.paused_until or until)

    def reverse(self, decision: Decision) -> Decision:
        """Undo ``decision``, and the rejections its ban caused."""
        if decision.action == DecisionAction.REVERSE or decision.reversed_by_id is not None:
            raise NotReversible(decision.id)
        post = decision.post
        undo = Decision(
            moderator=self.moderator,
            post=post,
            action=DecisionAction.REVERSE,
            note=self.note,
            reverses_id=decision.id,
            previous_status=post.status if post else None,
            previous_label=post.label if post else None,
        )
        db.session.add(undo)
        db.session.flush()
        decision.reversed_by_id = undo.id
        if post is not None and decision.action in THREAD_ACTIONS:
            undo.previous_status, undo.new_status = undo_thread_action(post.thread, decision)
            undo.previous_label = None
        elif post is not None:
            _restore_post(post, decision)
            undo.new_status, undo.label = post.status, post.label
            self._threads.add(post.thread)
        if decision.action == DecisionAction.BAN:
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
                self.reverse(other)
        return undo

    def commit(self) -> Outcome:
        for thread in self._threads:
            thread.refresh_stats()
        db.session.commit()
        return self.outcome


def decide(
    moderator: StaffUser,
    post_ids: list[int],
    action: str,
    note: str | None = None,
    reason: str | None = None,
    address_ban: timedelta | None = None,
    poster_ban: timedelta | None = None,
    seen_up_to: int | None = None,
) -> Outcome:
    """Apply one action to the waiting posts among ``post_ids``. Posts someone else has
    decided meanwhile are skipped, not decided twice: with ``seen_up_to`` (the newest
    log entry when the moderator loaded the page), also those another moderator
    decided since, even if they are waiting again. A ban lasts ``poster_ban`` (None:
    until lifted); with ``address_ban`` it also pauses new posts from each banned post's
    connection for that long."""
    if action not in DECIDING_ACTIONS:
        raise ValueError(action)
    batch = DecisionBatch(moderator, note, address_ban, poster_ban)
    posts = list(
        db.session.execute(
            db.select(Post).where(Post.id.in_(post_ids)).order_by(Post.id).with_for_update()
        ).scalars()
    )
    batch.outcome.skipped = len(set(post_ids)) - len(posts)
    if seen_up_to is not None:
        batch.outcome.already_decided = _decided_by_others_since(moderator, post_ids, seen_up_to)
    for post in posts:
        if post.id in batch.outcome.already_decided:
            continue
        if not post.awaiting_review or post.status == PostStatus.DELETED:
            batch.outcome.skipped += 1
            continue
        batch.decide(post, action, reason)
    return batch.commit()


def _decided_by_others_since(
    moderator: StaffUser, post_ids: list[int], seen_up_to: int
) -> dict[int, tuple[str, str]]:
    rows = db.session.execute(
        db.select(Decision.post_id, StaffUser.username, Decision.action)
        .join(StaffUser, Decision.moderator_id == StaffUser.id)
        .where(
            Decision.post_id.in_(post_ids),
            Decision.id > seen_up_to,
            Decision.moderator_id != moderator.id,
            Decision.action.in_(DECIDING_ACTIONS),
        )
        .order_by(Decision.id)
    ).all()
    return {post_id: (name, action) for post_id, name, action in rows}


def reverse(moderator: StaffUser, decision_id: int, note: str | None = None) -> Decision:
    """Undo a decision: the post's status and label as they were, its ban lifted, the
    posts its ban rejected restored, its reports and appeal open again. Logged too."""
    decision = db.session.get(Decision, decision_id, with_for_update=True)
    if decision is None:
        raise LookupError(decision_id)
    batch = DecisionBatch(moderator, note)
    undo = batch.reverse(decision)
    batch.commit()
    return undo


def _lifted() -> dict:
    # A lifted ban needs no address any more: a paused connection's hash goes with it.
    return {"lifted_at": utcnow(), "address_hash": None}


def _lift_bans_for(post: Post) -> None:
    """A moderator now publishes a post its author was banned for (an appeal granted,
    say): the ban goes with the decision it rested on."""
    ban_decisions = db.select(Decision.id).where(
        Decision.post_id == post.id, Decision.action == DecisionAction.BAN
    )
    db.session.execute(
        db.update(Ban)
        .where(Ban.decision_id.in_(ban_decisions), Ban.lifted_at.is_(None))
        .values(**_lifted())
    )


def _restore_post(post: Post, decision: Decision) -> None:
    if decision.action == DecisionAction.CARE_SEEN:
        post.care_seen_at = None
        return
    if post.status == PostStatus.DELETED:
        # Its author deleted it: no words, no label to put back (README, "When you
        # delete a post"); the undo is still logged.
        post.set_status(PostStatus.DELETED, awaiting_review=False)
        return
    post.label = decision.previous_label
    if decision.previous_body is not None or decision.pending_body is not None:
        post.reopen_edit(decision.previous_body, decision.pending_body)
        refresh_contacts(post)  # the edit waits again: both texts' contacts
    db.session.execute(
        db.update(Report).where(Report.decision_id == decision.id).values(decision_id=None)
    )
    db.session.execute(
        db.update(Appeal)
        .where(Appeal.decision_id == decision.id)
        .values(state=AppealState.OPEN, decision_id=None)
    )
    # Undoing a decision means it needs deciding again.
    post.set_status(decision.previous_status or post.status, awaiting_review=True)
