"""What admins change about screening: stored model versions, edited rules, thresholds,
training jobs, and the log of those changes.

Every worker of every server reads the one ``ScreeningSettings`` row to learn whether
anything changed; its ``revision`` goes up with every change.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column

from models.base import db, utcnow
from models.states import TrainingState

SETTINGS_ID = 1


class ModelVersion(db.Model):
    """One trained classifier. ``artifact`` is the classifier's safe ``.npz`` form
    (plain arrays and vocabularies, no pickle), checked against ``sha256`` on load."""

    __tablename__ = "model_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    trained_by: Mapped[str] = mapped_column(String(64))
    # The blob is loaded only when a worker builds its screener.
    artifact: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    sha256: Mapped[str] = mapped_column(String(64))
    sklearn_version: Mapped[str] = mapped_column(String(32))
    # {"spam": n, "ham": n, "moderator_labels": n, "duplicates_dropped": n, ...}
    training_counts: Mapped[dict[str, Any]] = mapped_column(JSON)
    params: Mapped[dict[str, Any]] = mapped_column(JSON)
    # {"candidate": {...}, "active": {...} or None, "active_name": "...", "split": {...}}
    metrics: Mapped[dict[str, Any]] = mapped_column(JSON)
    activated_at: Mapped[datetime | None]
    # Set when loading this version failed (checksum or format): never picked again.
    broken_at: Mapped[datetime | None]

    def __repr__(self) -> str:
        return f"<ModelVersion {self.id}>"


class ScreeningSettings(db.Model):
    """The single row (id 1) of screening settings every worker watches."""

    __tablename__ = "screening_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision: Mapped[int] = mapped_column(default=1)
    # None: the bundled default model.
    active_version_id: Mapped[int | None] = mapped_column(ForeignKey("model_versions.id"))
    # What "Roll back" returns to. None with a rolled-back version: the bundled default.
    previous_version_id: Mapped[int | None] = mapped_column(ForeignKey("model_versions.id"))
    # None: the value from the configuration (HOLD_THRESHOLD, REJECT_THRESHOLD).
    hold_threshold: Mapped[float | None]
    reject_threshold: Mapped[float | None]
    # The training job that holds the one training slot (claimed by a conditional UPDATE).
    training_job_id: Mapped[int | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class ModelActivation(db.Model):
    """One "Activate" of a stored version, newest last: the history "Roll back" walks.
    Rolling back marks the newest standing activation ``rolled_back_at`` and returns to
    the one before it (the bundled default once none stands)."""

    __tablename__ = "model_activations"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("model_versions.id"), index=True)
    activated_at: Mapped[datetime] = mapped_column(default=utcnow)
    activated_by: Mapped[str] = mapped_column(String(64))
    rolled_back_at: Mapped[datetime | None]


class ScreeningRule(db.Model):
    """A rule added or edited by an admin. A row named like a built-in rule replaces it."""

    __tablename__ = "screening_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    pattern: Mapped[str] = mapped_column(Text)
    weight: Mapped[float]
    description: Mapped[str] = mapped_column(Text, default="")
    enabled: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64))


class HelplineEntry(db.Model):
    """A public helpline or support organisation on the screener's allow-list, as the
    admins keep it. Empty until an admin first changes the list: until then the bundled
    list (``moderation/data/helplines.csv``) is in force. Numbers, e-mail addresses and
    domains are kept one per line."""

    __tablename__ = "helplines"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    country: Mapped[str] = mapped_column(String(8), default="")
    numbers: Mapped[str] = mapped_column(Text, default="")
    emails: Mapped[str] = mapped_column(Text, default="")
    domains: Mapped[str] = mapped_column(Text, default="")
    enabled: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64))


class TrainingJob(db.Model):
    """One run of "Train new model". At most one is queued or running (claimed
    atomically)."""

    __tablename__ = "training_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_by: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16), default=TrainingState.RUNNING, index=True)
    progress: Mapped[int] = mapped_column(default=0)  # percent
    message: Mapped[str] = mapped_column(Text, default="")
    heartbeat_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    model_version_id: Mapped[int | None] = mapped_column(ForeignKey("model_versions.id"))


class AdminEvent(db.Model):
    """The admins' audit log: activations, rollbacks, rule and threshold changes."""

    __tablename__ = "admin_events"

    ACTIVATE = "activate_model"
    ROLL_BACK = "roll_back_model"
    TRAIN = "train_model"
    RULE = "edit_rule"
    THRESHOLDS = "set_thresholds"
    HELPLINE = "edit_helpline"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    staff_name: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    summary: Mapped[str] = mapped_column(Text)
