"""The moderators' log: every decision, newest first, and who made them."""

from dataclasses import dataclass

from models import Decision, StaffUser, db


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
