"""The moderators' log: every decision, newest first, and who made them."""

from dataclasses import dataclass

from sqlalchemy import func

from app.mod.thread_actions import thread_undo_effect
from models import (
    THREAD_ACTIONS,
    Appeal,
    Ban,
    Decision,
    DecisionAction,
    PostStatus,
    Report,
    StaffUser,
    db,
)


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


def undo_effects(decision: Decision) -> list[str]:
    """What undoing ``decision`` will change, in the words the confirmation shows. It
    mirrors ``decisions.reverse``: the post's status and label as they were before, the
    edit it settled waiting again, its reports and appeal open again, its ban lifted and
    the posts that ban rejected back in the queue."""
    post = decision.post
    if post is None:
        return ["There is no post left to change: the undo is only written to the log."]
    if decision.action in THREAD_ACTIONS:
        return [thread_undo_effect(post.thread, decision)]
    if decision.action == DecisionAction.CARE_SEEN:
        return [f"Post #{post.id} goes back on the check-in list, as not yet seen."]
    if post.status == PostStatus.DELETED:
        return [
            f"Its author has deleted post #{post.id}: nothing comes back. "
            "The undo is only written to the log."
        ]
    before = decision.previous_status or post.status
    effects = [
        f"Post #{post.id} ({post.pseudonym}) goes from {post.status} back to {before}, "
        "and waits in the queue for a decision again."
    ]
    if post.label != decision.previous_label:
        effects.append(
            f"Its training label goes from {post.label or 'none'} "
            f"to {decision.previous_label or 'none'}."
        )
    if decision.previous_body is not None:
        effects.append(
            "The edit it approved is taken down: readers see the text it replaced again, "
            "and the edit waits for a decision."
        )
    if decision.pending_body is not None:
        effects.append("The edit it refused waits for a decision again.")
    reports = db.session.execute(
        db.select(func.count(Report.id)).where(Report.decision_id == decision.id)
    ).scalar_one()
    if reports:
        effects.append(f"{reports} report{'s' if reports != 1 else ''} open again.")
    appeal = db.session.execute(
        db.select(Appeal.id).where(Appeal.decision_id == decision.id)
    ).first()
    if appeal is not None:
        effects.append("The author's appeal is open again.")
    if decision.action == DecisionAction.BAN:
        effects.extend(_ban_undo_effects(decision))
    return effects


def _ban_undo_effects(decision: Decision) -> list[str]:
    effects = []
    bans = db.session.execute(
        db.select(Ban.poster_hash, Ban.address_hash).where(
            Ban.decision_id == decision.id, Ban.lifted_at.is_(None)
        )
    ).all()
    if any(poster for poster, _ in bans):
        effects.append("The poster's ban is lifted: their browser can post again.")
    if any(address for _, address in bans):
        effects.append("The pause on their connection ends now.")
    caused = db.session.execute(
        db.select(func.count(Decision.id)).where(
            Decision.caused_by_id == decision.id, Decision.reversed_by_id.is_(None)
        )
    ).scalar_one()
    if caused:
        effects.append(
            f"{caused} other post{'s' if caused != 1 else ''} the ban rejected "
            f"{'come' if caused != 1 else 'comes'} back to the queue as well."
        )
    return effects
