"""Training a new model from the admin page, one job at a time.

Embedded (no ``REDIS_URL``): the job trains in a background thread of the web worker that
got the click, and its progress messages are its heartbeat. With ``REDIS_URL``: the job is
queued on RQ and a ``flask jobs worker`` process trains it, beating the heartbeat every
``TRAINING_HEARTBEAT_SECONDS``; the web process never trains. Either way the
``training_jobs`` row says how far it got, and a job whose worker died is marked failed,
so the next click can start another."""

import hashlib
import logging
import threading
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import sklearn
from flask import Flask, current_app
from redis.exceptions import RedisError
from sqlalchemy import Engine, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.admin import training_queue
from app.admin.settings import locked_settings
from app.admin.training_data import training_examples
from app.audit import log_admin_event
from app.live_screener import screener_state
from models import (
    SETTINGS_ID,
    AdminEvent,
    ModelVersion,
    ScreeningSettings,
    StaffUser,
    TrainingJob,
    TrainingState,
    db,
    utcnow,
)
from moderation.training import TrainingResult, train_candidate

log = logging.getLogger(__name__)
# An embedded job whose heartbeat is older than this died with its worker; its slot is
# free again. Long, because it beats only when training reports progress.
STALE_JOB = timedelta(minutes=10)
# A queued job's worker beats on its own; this many missed beats mean it died.
MISSED_BEATS = 3
UNFINISHED = (TrainingState.QUEUED, TrainingState.RUNNING)
WORKER_GONE = "Stopped: its worker went away."


@dataclass
class Trained:
    """What a training run stored: a new version, or (``new`` False) the existing
    version whose artifact is byte for byte the one just trained."""

    version: ModelVersion
    new: bool

    @property
    def summary(self) -> str:
        if self.new:
            return f"Stored candidate version {self.version.id}."
        return no_change_words(self.version.id)


def no_change_words(version_id: int) -> str:
    return (
        f"No change: the trained model is identical to version {version_id} (same "
        "SHA-256), so nothing new was stored."
    )


def train_and_store(trained_by: str, progress=None, corpus: str | Path | None = None) -> Trained:
    """Train a candidate on the corpus and moderators' labels, measure it beside the
    active model, and store it as an inactive version, unless a stored version already
    has exactly this artifact (the same data trains the same model)."""
    state = screener_state()
    screener = state.screener
    result: TrainingResult = train_candidate(
        training_examples(corpus),
        screener.engine.rules,
        screener.config,
        screener.classifier,
        progress,
        moderator_weight=current_app.config["MODERATOR_LABEL_WEIGHT"],
    )
    artifact = result.classifier.to_bytes()
    sha256 = hashlib.sha256(artifact).hexdigest()
    same = db.session.execute(
        db.select(ModelVersion).where(ModelVersion.sha256 == sha256).order_by(ModelVersion.id)
    ).scalar()
    if same is not None:
        return Trained(same, new=False)
    metrics = dict(result.metrics)
    metrics["active_name"] = state.model_name
    version = ModelVersion(
        trained_by=trained_by,
        artifact=artifact,
        sha256=sha256,
        sklearn_version=sklearn.__version__,
        training_counts=result.counts,
        params=result.params,
        metrics=metrics,
    )
    db.session.add(version)
    db.session.commit()
    return Trained(version, new=True)


def _is_alive(job: TrainingJob) -> bool:
    """Whether ``job`` may still finish: it is queued or running and its worker lives."""
    if job.state not in UNFINISHED:
        return False
    if not training_queue.queue_enabled():
        return utcnow() - job.heartbeat_at < STALE_JOB
    if training_queue.job_ended(job.id):
        return False
    if job.state == TrainingState.QUEUED:
        return True  # waiting for a worker to take it
    # A worker killed mid-job leaves RQ saying "started"; its missing beats tell.
    beat = timedelta(seconds=current_app.config["TRAINING_HEARTBEAT_SECONDS"])
    return utcnow() - job.heartbeat_at < beat * MISSED_BEATS


def claim_training(
    staff: StaffUser | None, state: TrainingState = TrainingState.RUNNING, message: str = ""
) -> TrainingJob | None:
    """Start a job in ``state`` if none is running; None if one is (a second click does
    nothing)."""
    settings = locked_settings()
    holder = settings.training_job_id
    if holder is not None:
        job = db.session.get(TrainingJob, holder)
        if job is not None and _is_alive(job):
            db.session.rollback()
            return None
        if job is not None and job.state in UNFINISHED:
            job.state, job.message = TrainingState.FAILED, WORKER_GONE
    job = TrainingJob(
        started_by=staff.username if staff else "system", state=state, message=message
    )
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
    log_admin_event(staff, AdminEvent.TRAIN, f"Started training job #{job.id}.")
    db.session.commit()
    return job


def start_training(staff: StaffUser) -> TrainingJob | None:
    """Claim the training slot, then queue the job for a worker (with ``REDIS_URL``) or
    train in a background thread of this worker. None if a job is already running."""
    if training_queue.queue_enabled():
        return _queue_training(staff)
    job = claim_training(staff)
    if job is not None:
        app = current_app._get_current_object()
        thread = threading.Thread(
            target=run_training_job, args=(app, job.id), name=f"training-{job.id}", daemon=True
        )
        thread.start()
    return job


def _queue_training(staff: StaffUser) -> TrainingJob | None:
    job = claim_training(staff, TrainingState.QUEUED, "Waiting for a training worker.")
    if job is None:
        return None
    try:
        training_queue.enqueue(run_queued_training, job.id)
    except RedisError as exc:
        log.error("could not queue training job %s: %s", job.id, exc)
        _finish(job.id, TrainingState.FAILED, f"Failed: the job queue is unavailable ({exc}).")
    return db.session.get(TrainingJob, job.id)


def run_training_job(app: Flask, job_id: int) -> None:
    with app.app_context():
        job = db.session.get(TrainingJob, job_id)

        def progress(percent: int, message: str) -> None:
            job.progress, job.message, job.heartbeat_at = percent, message, utcnow()
            db.session.commit()

        try:
            trained = train_and_store(job.started_by, progress)
        except Exception as exc:  # noqa: BLE001 - the job row must say what happened
            log.exception("training job %s failed", job_id)
            db.session.rollback()
            _finish(job_id, TrainingState.FAILED, f"Failed: {exc}")
        else:
            job.progress, job.model_version_id = 100, trained.version.id
            _finish(job_id, TrainingState.DONE, trained.summary)
        db.session.remove()


def _finish(job_id: int, state: TrainingState, message: str) -> None:
    """Record how the job ended and free the training slot."""
    job = db.session.get(TrainingJob, job_id)
    job.state, job.message, job.finished_at = state, message, utcnow()
    db.session.execute(
        update(ScreeningSettings)
        .where(ScreeningSettings.training_job_id == job_id)
        .values(training_job_id=None)
    )
    db.session.commit()


def run_queued_training(job_id: int) -> None:
    """The RQ job, run by ``flask jobs worker`` inside its app context."""
    # Only a job still waiting starts: one marked failed meanwhile stays failed.
    started = db.session.execute(
        update(TrainingJob)
        .where(TrainingJob.id == job_id, TrainingJob.state == TrainingState.QUEUED)
        .values(state=TrainingState.RUNNING, message="Starting.", heartbeat_at=utcnow())
    ).rowcount
    db.session.commit()
    if started != 1:
        log.warning("training job %s is no longer queued; not started", job_id)
        return
    stop = threading.Event()
    interval = current_app.config["TRAINING_HEARTBEAT_SECONDS"]
    beating = threading.Thread(
        target=_beat, args=(db.engine, job_id, interval, stop), name="heartbeat", daemon=True
    )
    beating.start()
    try:
        run_training_job(current_app._get_current_object(), job_id)
    finally:
        stop.set()
        beating.join()


def _beat(engine: Engine, job_id: int, interval: float, stop: threading.Event) -> None:
    # Training reports progress only between its stages; this shows the worker is alive
    # in between. Its own session: the training thread's session is busy.
    while not stop.wait(interval):
        try:
            with Session(engine) as session:
                session.execute(
                    update(TrainingJob)
                    .where(TrainingJob.id == job_id, TrainingJob.state == TrainingState.RUNNING)
                    .values(heartbeat_at=utcnow())
                )
                session.commit()
        except SQLAlchemyError as exc:  # the next beat tries again
            log.warning("training job %s: heartbeat not written: %s", job_id, exc)


def latest_job() -> TrainingJob | None:
    """The newest job; one whose worker died is marked failed first, so the page says so."""
    job = db.session.execute(
        db.select(TrainingJob).order_by(TrainingJob.id.desc()).limit(1)
    ).scalar()
    if job is not None and job.state in UNFINISHED and not _is_alive(job):
        job.state, job.message, job.finished_at = TrainingState.FAILED, WORKER_GONE, utcnow()
        db.session.commit()
    return job
