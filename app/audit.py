"""The admins' audit log: who activated, rolled back, trained, or changed a rule or a
threshold, and when. Admin services write it; the moderators' log page reads it."""

from models import AdminEvent, StaffUser, db


def log_admin_event(staff: StaffUser | None, action: str, summary: str) -> None:
    """Add an event to the caller's transaction: it is logged only if the change commits."""
    db.session.add(
        AdminEvent(
            staff_id=staff.id if staff else None,
            staff_name=staff.username if staff else "system",
            action=action,
            summary=summary,
        )
    )


def recent_events(limit: int = 20) -> list[AdminEvent]:
    return list(
        db.session.execute(
            db.select(AdminEvent).order_by(AdminEvent.id.desc()).limit(limit)
        ).scalars()
    )
