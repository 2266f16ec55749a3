"""Admins' work on screening: train, compare, activate and roll back model versions;
edit rules; set thresholds. Every change is an ``AdminEvent`` row and bumps the settings
revision that every worker watches (see ``app.live_screener``)."""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import sklearn
from flask import Flask, current_app
from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError

from app.live_screener import (
    ArtifactError,
    effective_rules,
    load_version,
    refresh_screener,
    screener_state,
)
from app.templating import show_invisible
from models import (
    SETTINGS_ID,
    AdminEvent,
    Decision,
    ModelVersion,
    Post,
    PostStatus,
    ScreeningRule,
    ScreeningSettings,
    StaffUser,
    TrainingJob,
    db,
    utcnow,
)
from moderation.evaluation import read_labelled_csv
from moderation.rules import DEFAULT_RULES, Rule
from moderation.training import LabelledExample, TrainingResult, train_candidate

log = logging.getLogger(__name__)
# A job whose heartbeat is older than this died with its worker; its slot is free again.
STALE_JOB = timedelta(minutes=10)
PREVIEW_POSTS = 1000
RULE_SAMPLE_POSTS = 300


class AdminError(ValueError):
    """An admin action that cannot be done, with a message for the admin."""


# --- settings and the log ------------------------------------------------------


def ensure_settings() -> None:
    """Create the settings row if no admin has changed anything yet."""
    if db.session.get(ScreeningSettings, SETTINGS_ID) is not None:
        return
    try:
        db.session.add(ScreeningSettings(id=SETTINGS_ID, revision=1))
        db.session.commit()
    except IntegrityError:  # another worker made it first
        db.session.rollback()


def locked_settings() -> ScreeningSettings:
    ensure_settings()
    return db.session.get(ScreeningSettings, SETTINGS_ID, with_for_update=True)


def _changed(settings: ScreeningSettings) -> None:
    # Atomic, so two admins' changes in two workers both count.
    db.session.execute(
        update(ScreeningSettings)
        .where(ScreeningSettings.id == settings.id)
        .values(revision=ScreeningSettings.revision + 1, updated_at=utcnow())
    )


def _log(staff: StaffUser | None, action: str, summary: str) -> None:
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


# --- training data -------------------------------------------------------------


def corpus_examples(path: str | Path | None = None) -> list[LabelledExample]:
    """The labelled corpus every model starts from: ``path``, else the configured
    ``TRAINING_CORPUS_PATH``, else the bundled ``moderation/data/train.csv``."""
    from moderation.classifier import bundled_corpus_path

    path = path or current_app.config.get("TRAINING_CORPUS_PATH") or bundled_corpus_path()
    return [LabelledExample(row.text, row.label) for row in read_labelled_csv(Path(path))]


def moderator_examples() -> list[LabelledExample]:
    """Every post's latest moderator label ("spam" or "ham") with the text that was
    judged. Removals carry no label; undone decisions restored the label before them."""
    latest = (
        db.select(Decision.post_id, func.max(Decision.id).label("decision_id"))
        .where(
            Decision.post_id.is_not(None),
            Decision.label.is_not(None),
            Decision.text.is_not(None),
        )
        .group_by(Decision.post_id)
        .subquery()
    )
    rows = db.session.execute(
        db.select(Post.label, Decision.text)
        .join(latest, latest.c.post_id == Post.id)
        .join(Decision, Decision.id == latest.c.decision_id)
        .where(Post.label.in_(("spam", "ham")), Post.status != PostStatus.DELETED)
        .order_by(Decision.id)
    )
    return [LabelledExample(text, label, "moderator") for label, text in rows]


def training_examples(corpus: str | Path | None = None) -> list[LabelledExample]:
    # Moderators' labels last: on a near-duplicate of a corpus text, theirs wins.
    return corpus_examples(corpus) + moderator_examples()


# --- training --------------------------------------------------------------------


def train_and_store(
    trained_by: str, progress=None, corpus: str | Path | None = None
) -> ModelVersion:
    """Train a candidate on the corpus and moderators' labels, measure it beside the
    active model, and store it as an inactive version."""
    state = screener_state()
    screener = state.screener
    result: TrainingResult = train_candidate(
        training_examples(corpus),
        screener.engine.rules,
        screener.config,
        screener.classifier,
        progress,
    )
    artifact = result.classifier.to_bytes()
    metrics = dict(result.metrics)
    metrics["active_name"] = state.model_name
    version = ModelVersion(
        trained_by=trained_by,
        artifact=artifact,
        sha256=hashlib.sha256(artifact).hexdigest(),
        sklearn_version=sklearn.__version__,
        training_counts=result.counts,
        params=result.params,
        metrics=metrics,
    )
    db.session.add(version)
    db.session.commit()
    return version


def claim_training(staff: StaffUser | None) -> TrainingJob | None:
    """Start a job if none is running; None if one is (a second click does nothing)."""
    settings = locked_settings()
    holder = settings.training_job_id
    if holder is not None:
        job = db.session.get(TrainingJob, holder)
        alive = job is not None and job.state == TrainingJob.RUNNING
        if alive and utcnow() - job.heartbeat_at < STALE_JOB:
            db.session.rollback()
            return None
        if job is not None and alive:
            job.state, job.message = TrainingJob.FAILED, "Stopped: its worker went away."
    job = TrainingJob(started_by=staff.username if staff else "system")
    db.session.add(job)
    db.session.flush()
    # The conditional UPDATE is the claim: of two workers racing, one changes the row.
    claimed = db.session.execute(
        update(ScreeningSettings)
        .where(ScreeningSettings.id == SETTINGS_ID)
        .where(
            ScreeningSettings.training_job_id.is_(None)
            if holder is None
            else ScreeningSettings.training_job_id == holder
        )
        .values(training_job_id=job.id)
    ).rowcount
    if claimed != 1:
        db.session.rollback()
        return None
    _log(staff, AdminEvent.TRAIN, f"Started training job #{job.id}.")
    db.session.commit()
    return job


def start_training(staff: StaffUser) -> TrainingJob | None:
    """Claim the training slot and train in a background thread of this worker."""
    job = claim_training(staff)
    if job is not None:
        app = current_app._get_current_object()
        thread = threading.Thread(
            target=run_training_job, args=(app, job.id), name=f"training-{job.id}", daemon=True
        )
        thread.start()
    return job


def run_training_job(app: Flask, job_id: int) -> None:
    with app.app_context():
        job = db.session.get(TrainingJob, job_id)

        def progress(percent: int, message: str) -> None:
            job.progress, job.message, job.heartbeat_at = percent, message, utcnow()
            db.session.commit()

        try:
            version = train_and_store(job.started_by, progress)
            job.state, job.progress, job.model_version_id = TrainingJob.DONE, 100, version.id
            job.message = f"Stored candidate version {version.id}."
        except Exception as exc:  # noqa: BLE001 - the job row must say what happened
            log.exception("training job %s failed", job_id)
            db.session.rollback()
            job = db.session.get(TrainingJob, job_id)
            job.state, job.message = TrainingJob.FAILED, f"Failed: {exc}"
        job.finished_at = utcnow()
        db.session.execute(
            update(ScreeningSettings)
            .where(ScreeningSettings.training_job_id == job_id)
            .values(training_job_id=None)
        )
        db.session.commit()
        db.session.remove()


def latest_job() -> TrainingJob | None:
    return db.session.execute(
        db.select(TrainingJob).order_by(TrainingJob.id.desc()).limit(1)
    ).scalar()


# --- versions --------------------------------------------------------------------


@dataclass
class ModelOverview:
    versions: list[ModelVersion]
    settings: ScreeningSettings | None
    active: ModelVersion | None
    candidate: ModelVersion | None  # the newest version newer than the active one
    serving: str  # what this worker screens with right now
    problems: list[str]


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
    return ModelOverview(versions, settings, active, candidate, state.model_name, state.problems)


def get_version(version_id: int) -> ModelVersion:
    version = db.session.get(ModelVersion, version_id)
    if version is None:
        raise LookupError(version_id)
    return version


def activate(staff: StaffUser | None, version_id: int) -> ModelVersion:
    version = db.session.get(ModelVersion, version_id)
    if version is None:
        raise LookupError(version_id)
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
    settings.previous_version_id, settings.active_version_id = before, version_id
    version.activated_at = utcnow()
    _changed(settings)
    _log(
        staff,
        AdminEvent.ACTIVATE,
        f"Activated model version {version_id} (was {_name(before)}).",
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
    """Go back to the version active before this one (the bundled default if none)."""
    settings = locked_settings()
    if settings.active_version_id is None and settings.previous_version_id is None:
        db.session.rollback()
        raise AdminError("Nothing to roll back: the bundled default model is in use.")
    current, target = settings.active_version_id, settings.previous_version_id
    settings.active_version_id, settings.previous_version_id = target, current
    _changed(settings)
    summary = f"Rolled back from {_name(current)} to {_name(target)}."
    _log(staff, AdminEvent.ROLL_BACK, summary)
    db.session.commit()
    refresh_screener()
    return summary


def _name(version_id: int | None) -> str:
    return "the bundled default model" if version_id is None else f"version {version_id}"


# --- thresholds ------------------------------------------------------------------


def current_thresholds() -> tuple[float, float | None]:
    from app.live_screener import thresholds

    return thresholds(db.session.get(ScreeningSettings, SETTINGS_ID))


def set_thresholds(staff: StaffUser, hold: float, reject: float | None) -> None:
    if not 0.0 < hold <= 1.0:
        raise AdminError("The hold threshold must be above 0 and at most 1.")
    if reject is not None and not hold <= reject <= 1.0:
        raise AdminError("The auto-reject threshold must be between the hold threshold and 1.")
    settings = locked_settings()
    settings.hold_threshold, settings.reject_threshold = hold, reject
    _changed(settings)
    off = "off" if reject is None else f"{reject:.2f}"
    _log(staff, AdminEvent.THRESHOLDS, f"Hold threshold {hold:.2f}, auto-reject {off}.")
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


# --- rules -------------------------------------------------------------------------


@dataclass
class RuleRow:
    rule: Rule
    origin: str  # "built-in", "edited" (a built-in changed by an admin) or "added"
    updated_by: str | None


def rule_rows() -> list[RuleRow]:
    rows = {row.name: row for row in db.session.execute(db.select(ScreeningRule)).scalars()}
    builtin = {rule.name for rule in DEFAULT_RULES}
    result = []
    for rule in effective_rules(db.session):
        row = rows.get(rule.name)
        origin = "built-in" if row is None else ("edited" if rule.name in builtin else "added")
        result.append(RuleRow(rule, origin, row.updated_by if row else None))
    return result


def find_rule(name: str) -> Rule | None:
    return next((r for r in effective_rules(db.session) if r.name == name), None)


def sample_posts(limit: int = RULE_SAMPLE_POSTS) -> list[Post]:
    return list(db.session.execute(db.select(Post).order_by(Post.id.desc()).limit(limit)).scalars())


@dataclass
class RuleTryout:
    """What a rule fires on among the recent posts."""

    posts: list[tuple[Post, list[str]]]  # each post it fires on, with what it matched
    sampled: int  # how many recent posts it was tried on


def try_rule_on_recent_posts(rule: Rule) -> RuleTryout:
    """The recent posts ``rule`` fires on, with what it matched. ValueError (with a
    message for the admin) for a pattern that cannot run or fires on every post."""
    from moderation.rule_check import try_rule

    posts = sample_posts()
    trial = try_rule(rule, [p.body for p in posts])
    return RuleTryout([(posts[index], matches) for index, matches in trial.matches], len(posts))


def save_rule(staff: StaffUser, rule: Rule, original_name: str | None = None) -> RuleTryout:
    """Add or change a rule after trying it on the recent posts; refuses a pattern that
    cannot run or fires on every post. Returns what it fires on."""
    tryout = try_rule_on_recent_posts(rule)  # raises ValueError with the reason
    existing = {r.name for r in effective_rules(db.session)}
    if rule.name != original_name and rule.name in existing:
        raise AdminError(f"There is already a rule named {rule.name!r}.")
    if original_name is not None and original_name != rule.name:
        if original_name in {r.name for r in DEFAULT_RULES}:
            raise AdminError("A built-in rule keeps its name; disable it and add a new one.")
        row = _rule_row(original_name)
    else:
        row = _rule_row(rule.name)
    if row is None:
        row = ScreeningRule(name=rule.name)
        db.session.add(row)
    row.name, row.kind, row.pattern = rule.name, rule.kind, rule.pattern
    row.weight, row.description, row.enabled = rule.weight, rule.description, rule.enabled
    row.updated_at, row.updated_by = utcnow(), staff.username
    settings = locked_settings()
    _changed(settings)
    what = "Changed" if original_name else "Added"
    _log(
        staff,
        AdminEvent.RULE,
        f"{what} rule {rule.name!r} ({rule.kind}, weight {rule.weight:g}, "
        f"{'enabled' if rule.enabled else 'disabled'}): {show_invisible(rule.pattern)}",
    )
    db.session.commit()
    refresh_screener()
    return tryout


def set_rule_enabled(staff: StaffUser, name: str, enabled: bool) -> None:
    rule = find_rule(name)
    if rule is None:
        raise LookupError(name)
    row = _rule_row(name)
    if row is None:
        row = ScreeningRule(
            name=rule.name,
            kind=rule.kind,
            pattern=rule.pattern,
            weight=rule.weight,
            description=rule.description,
        )
        db.session.add(row)
    row.enabled, row.updated_at, row.updated_by = enabled, utcnow(), staff.username
    _changed(locked_settings())
    _log(staff, AdminEvent.RULE, f"{'Enabled' if enabled else 'Disabled'} rule {name!r}.")
    db.session.commit()
    refresh_screener()


def _rule_row(name: str) -> ScreeningRule | None:
    return db.session.execute(db.select(ScreeningRule).where(ScreeningRule.name == name)).scalar()
