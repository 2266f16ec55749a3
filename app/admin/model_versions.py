"""Stored model versions: what is active, activating one (after checking it loads), and
rolling back through the history of activations (v3, then v2, then v1, then the bundled
default), never back and forth between two."""

import logging
from dataclasses import dataclass

from app.admin.settings import AdminError, bump_revision, locked_settings
from app.audit import log_admin_event
from app.live_screener import ArtifactError, load_version, refresh_screener, screener_state
from models import (
    SETTINGS_ID,
    AdminEvent,
    ModelActivation,
    ModelVersion,
    ScreeningSettings,
    StaffUser,
    db,
    utcnow,
)

log = logging.getLogger(__name__)


@dataclass
class ModelOverview:
    versions: list[ModelVersion]
    settings: ScreeningSettings | None
    active: ModelVersion | None
    candidate: ModelVersion | None  # the newest version newer than the active one
    serving: str  # what this worker screens with right now
    problems: list[str]
    # Whether "Roll back" has anywhere to go, and where (None: the bundled default).
    can_roll_back: bool
    roll_back_to: int | None


def model_overview() -> ModelOverview:
    versions = list(
        db.session.execute(db.select(ModelVersion).order_by(ModelVersion.id.desc())).scalars()
    )
    settings = db.session.get(ScreeningSettings, SETTINGS_ID)
    active_id = settings.active_version_id if settings else None
    active = next((v for v in versions if v.id == active_id), None)
    # The newest version trained after the active one, not yet activated.
    candidate = next((v for v in versions if v.id > (active_id or 0) and v.broken_at is None), None)
    state = screener_state()
    standing = _standing_activations()
    return ModelOverview(
        versions,
        settings,
        active,
        candidate,
        state.model_name,
        state.problems,
        active_id is not None,
        _roll_back_target(standing, active_id),
    )


def _standing_activations() -> list[ModelActivation]:
    """The activations not rolled back, oldest first: the last is the one in use."""
    return list(
        db.session.execute(
            db.select(ModelActivation)
            .where(ModelActivation.rolled_back_at.is_(None))
            .order_by(ModelActivation.id)
        ).scalars()
    )


def _roll_back_target(standing: list[ModelActivation], active_id: int | None) -> int | None:
    """Where a roll back from ``active_id`` goes: the newest activation before the one in
    use whose version is not broken; None (the bundled default) when there is none."""
    below = standing[:-1] if standing and standing[-1].version_id == active_id else standing
    for activation in reversed(below):
        version = db.session.get(ModelVersion, activation.version_id)
        if version is not None and version.broken_at is None:
            return activation.version_id
    return None


def get_version(version_id: int) -> ModelVersion:
    version = db.session.get(ModelVersion, version_id)
    if version is None:
        raise LookupError(version_id)
    return version


def activate(staff: StaffUser | None, version_id: int) -> ModelVersion:
    version = get_version(version_id)
    if version.broken_at is None:
        _check_loads(version)
    settings = locked_settings()
    if version.broken_at is not None:
        raise AdminError(
            f"Version {version_id} is marked broken: it failed its checksum, could not be "
            "read or failed while screening."
        )
    if settings.active_version_id == version_id:
        raise AdminError(f"Version {version_id} is already active.")
    before = settings.active_version_id
    db.session.add(
        ModelActivation(version_id=version_id, activated_by=staff.username if staff else "cli")
    )
    settings.previous_version_id, settings.active_version_id = before, version_id
    version.activated_at = utcnow()
    bump_revision(settings)
    log_admin_event(
        staff,
        AdminEvent.ACTIVATE,
        f"Activated model version {version_id} (was {version_name(before)}).",
    )
    db.session.commit()
    refresh_screener()
    return version


def _check_loads(version: ModelVersion) -> None:
    """Refuse, and mark broken, a version whose artifact cannot be used, before any
    worker switches to it (every worker would only fall back)."""
    try:
        load_version(version)
    except ArtifactError as exc:
        log.error("SCREENING MODEL UNUSABLE, not activated: %s", exc)
        version.broken_at = utcnow()
        db.session.commit()
        message = f"Version {version.id} cannot be used and is now marked broken: {exc}"
        raise AdminError(message) from exc


def roll_back(staff: StaffUser | None) -> str:
    """Go back one step in the activation history: to the version activated before the
    one in use, skipping broken ones, and to the bundled default at the start."""
    settings = locked_settings()
    standing = _standing_activations()
    current = settings.active_version_id
    if current is None:
        db.session.rollback()
        raise AdminError("Nothing to roll back: the bundled default model is in use.")
    target = _roll_back_target(standing, current)
    now = utcnow()
    # The activation in use, and any broken ones above the target, leave the history.
    if standing and standing[-1].version_id == current:
        standing.pop().rolled_back_at = now
    while standing and standing[-1].version_id != target:
        standing.pop().rolled_back_at = now
    settings.active_version_id = target
    settings.previous_version_id = _roll_back_target(standing, target)
    bump_revision(settings)
    summary = f"Rolled back from {version_name(current)} to {version_name(target)}."
    log_admin_event(staff, AdminEvent.ROLL_BACK, summary)
    db.session.commit()
    refresh_screener()
    return summary


def version_name(version_id: int | None) -> str:
    return "the bundled default model" if version_id is None else f"version {version_id}"
