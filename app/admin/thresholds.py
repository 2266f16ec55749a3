"""The hold and auto-reject thresholds, and a preview of what new ones would do."""

from app.admin.settings import AdminError, bump_revision, locked_settings
from app.audit import log_admin_event
from app.live_screener import refresh_screener, thresholds
from models import SETTINGS_ID, AdminEvent, Post, ScreeningSettings, StaffUser, db

PREVIEW_POSTS = 1000


def current_thresholds() -> tuple[float, float | None]:
    return thresholds(db.session.get(ScreeningSettings, SETTINGS_ID))


def set_thresholds(staff: StaffUser, hold: float, reject: float | None) -> None:
    if not 0.0 < hold <= 1.0:
        raise AdminError("The hold threshold must be above 0 and at most 1.")
    if reject is not None and not hold <= reject <= 1.0:
        raise AdminError("The auto-reject threshold must be between the hold threshold and 1.")
    settings = locked_settings()
    settings.hold_threshold, settings.reject_threshold = hold, reject
    bump_revision(settings)
    off = "off" if reject is None else f"{reject:.2f}"
    log_admin_event(staff, AdminEvent.THRESHOLDS, f"Hold threshold {hold:.2f}, auto-reject {off}.")
    db.session.commit()
    refresh_screener()


def recent_scores(limit: int = PREVIEW_POSTS) -> list[float]:
    """Screening scores of the latest posts, as stored when they were screened."""
    return list(
        db.session.execute(
            db.select(Post.score)
            .where(Post.score.is_not(None))
            .order_by(Post.id.desc())
            .limit(limit)
        ).scalars()
    )


def threshold_preview(scores: list[float], hold: float, reject: float | None) -> dict:
    held = sum(1 for s in scores if s >= hold and (reject is None or s < reject))
    rejected = sum(1 for s in scores if reject is not None and s >= reject)
    return {"posts": len(scores), "held": held, "rejected": rejected}
