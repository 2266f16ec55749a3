"""The one door every post's text goes through before it is saved.

Each worker keeps one screener (rules, classifier, thresholds) and asks the database at
most every ``SCREENER_CHECK_SECONDS`` for one number, ``screening_settings.revision``,
which goes up whenever an admin activates a model, edits a rule or a helpline of the
allow-list, or changes a threshold.
Only when it changed is the screener rebuilt, so a change reaches every worker of every
server within seconds, without a restart.

Nothing here may make posting fail. If the database cannot be asked, the worker keeps
its screener. If the active model's artifact fails its checksum, cannot be read, holds
anything the classifier's loader refuses, or raises while scoring a post, that is logged
as an error, the version is marked broken, and the screener falls back to the previous
good version, then the bundled default model, then rules alone. If even the rules fail,
the post is held for a moderator: never published unscreened, never lost.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from models import (
    SETTINGS_ID,
    HelplineEntry,
    ModelVersion,
    ScreeningRule,
    ScreeningSettings,
    db,
    utcnow,
)
from moderation import Reason, Screener, ScreeningConfig, SpamClassifier, Verdict
from moderation.classifier import load_or_train_default
from moderation.helplines import Helpline, HelplineList, default_helplines, split_field
from moderation.rules import DEFAULT_RULES, Rule, compile_rule

SCREENER_KEY = "mend.screener"
BROKEN_KEY = "mend.broken_model_versions"
log = logging.getLogger(__name__)


@dataclass
class ScreenerState:
    """One worker's screener and what it was built from."""

    screener: Screener
    revision: int
    checked_at: float
    model_name: str  # "version 3", "bundled default", "rules only"
    problems: list[str] = field(default_factory=list)
    version_id: int | None = None  # the stored version screening with, if any
    lock: threading.Lock = field(default_factory=threading.Lock)


# --- what the database says ----------------------------------------------------


def settings_revision(session_or_connection) -> int:
    """The settings revision; 0 when no admin has changed anything yet."""
    revision = session_or_connection.execute(
        select(ScreeningSettings.revision).where(ScreeningSettings.id == SETTINGS_ID)
    ).scalar()
    return int(revision or 0)


def thresholds(settings: ScreeningSettings | None) -> tuple[float, float | None]:
    """(hold, reject) thresholds in force: the admins' values, else the configuration."""
    hold = current_app.config["HOLD_THRESHOLD"]
    reject = current_app.config["REJECT_THRESHOLD"]
    if settings is not None and settings.hold_threshold is not None:
        hold = settings.hold_threshold
        reject = settings.reject_threshold
    if reject is not None and reject > 1.0:
        reject = None
    return hold, reject


def effective_rules(session: Session) -> list[Rule]:
    """The built-in rules with the admins' edits applied by name, then their new rules."""
    edited = {row.name: row for row in session.execute(select(ScreeningRule)).scalars()}
    rules = []
    for rule in DEFAULT_RULES:
        row = edited.pop(rule.name, None)
        rules.append(rule if row is None else rule_from_row(row, rule))
    rules.extend(rule_from_row(row) for row in sorted(edited.values(), key=lambda r: r.id))
    return rules


def screening_rules(session: Session, problems: list[str]) -> list[Rule]:
    """The effective rules that compile. An edited rule that no longer does (say one
    saved before rules ran on RE2, with a lookaround) is left out on its own, logged and
    listed in ``problems``, and the built-in it replaced screens in its place; every
    other edit stays in force."""
    builtin = {rule.name: rule for rule in DEFAULT_RULES}
    usable = []
    for rule in effective_rules(session):
        try:
            compile_rule(rule)
        except ValueError as exc:
            log.error("EDITED RULE UNUSABLE, left out: %s", exc)
            problems.append(f"edited rule left out: {exc}")
            if rule.name in builtin:
                usable.append(builtin[rule.name])
            continue
        usable.append(rule)
    return usable


def rule_from_row(row: ScreeningRule, builtin: Rule | None = None) -> Rule:
    return Rule(
        name=row.name,
        kind=row.kind,  # type: ignore[arg-type]
        pattern=row.pattern,
        weight=float(row.weight),
        description=row.description,
        enabled=bool(row.enabled),
        # A built-in rule's examples still describe it if only its weight changed.
        examples=builtin.examples if builtin and builtin.pattern == row.pattern else (),
        counterexamples=(
            builtin.counterexamples if builtin and builtin.pattern == row.pattern else ()
        ),
    )


def helpline_from_row(row: HelplineEntry) -> Helpline:
    return Helpline(
        name=row.name,
        country=row.country,
        numbers=split_field(row.numbers),
        emails=split_field(row.emails),
        domains=split_field(row.domains),
    )


def effective_helplines(session: Session) -> HelplineList:
    """The admins' allow-list (its enabled entries), or the bundled one while they have
    not changed it."""
    rows = list(session.execute(select(HelplineEntry).order_by(HelplineEntry.id)).scalars())
    if not rows:
        return default_helplines()
    return HelplineList(tuple(helpline_from_row(row) for row in rows if row.enabled))


def default_classifier() -> SpamClassifier:
    return load_or_train_default(current_app.config["MODEL_CACHE_PATH"])


class ArtifactError(ValueError):
    """A stored model failed its checksum or could not be read."""


def load_version(version: ModelVersion) -> SpamClassifier:
    """The classifier stored in ``version``; ArtifactError if it cannot be trusted."""
    artifact = version.artifact
    if artifact is None or hashlib.sha256(bytes(artifact)).hexdigest() != version.sha256:
        raise ArtifactError(f"model version {version.id}: checksum mismatch")
    try:
        return SpamClassifier.from_bytes(bytes(artifact))
    except Exception as exc:  # noqa: BLE001 - a matching checksum proves nothing about content
        raise ArtifactError(f"model version {version.id}: unreadable artifact: {exc}") from exc


def _broken_here() -> set[int]:
    """Versions this worker found unusable. Marking them in the database happens in the
    background, so this keeps the worker from loading one again in the meantime."""
    return current_app.extensions.setdefault(BROKEN_KEY, set())


def _classifier_for(
    session: Session, settings: ScreeningSettings | None, problems: list[str]
) -> tuple[SpamClassifier | None, str, int | None]:
    """The active classifier, or the best fallback, with a name and version id for it."""
    candidates = []
    if settings is not None and settings.active_version_id is not None:
        candidates.append(settings.active_version_id)
        if settings.previous_version_id is not None:
            candidates.append(settings.previous_version_id)
    for version_id in candidates:
        version = session.get(ModelVersion, version_id)
        if version is None or version.broken_at is not None or version_id in _broken_here():
            if version is not None:
                problems.append(f"model version {version_id} is marked broken")
            continue
        try:
            return load_version(version), f"version {version_id}", version_id
        except ArtifactError as exc:
            log.error("SCREENING MODEL UNUSABLE, falling back: %s", exc)
            problems.append(str(exc))
            _mark_broken_later(version_id)
    classifier, name = _default_or_none(problems)
    return classifier, name, None


def _default_or_none(problems: list[str]) -> tuple[SpamClassifier | None, str]:
    try:
        return default_classifier(), "bundled default"
    except Exception as exc:  # noqa: BLE001 - any failure here must not stop posting
        log.error("BUNDLED DEFAULT MODEL UNUSABLE, screening with rules only: %s", exc)
        problems.append(f"bundled default model: {exc}")
        return None, "rules only"


def _mark_broken_later(version_id: int) -> None:
    _broken_here().add(version_id)
    # In its own thread and transaction, so every worker skips the version and the admin
    # page shows it. Not inline: the request screening this post may hold SQLite's write
    # lock until it commits, and waiting for it here would wait for ourselves.
    app = current_app._get_current_object()
    threading.Thread(target=_mark_broken, args=(app, version_id), daemon=True).start()


def _mark_broken(app, version_id: int) -> None:
    try:
        with app.app_context(), db.engine.begin() as connection:
            connection.execute(
                update(ModelVersion)
                .where(ModelVersion.id == version_id, ModelVersion.broken_at.is_(None))
                .values(broken_at=utcnow())
            )
    except SQLAlchemyError as exc:
        log.error("could not mark model version %s broken: %s", version_id, exc)


def build_screener() -> ScreenerState:
    """A screener from the current settings, rules and active model."""
    problems: list[str] = []
    try:
        with Session(db.engine) as session:
            revision = settings_revision(session)
            settings = session.get(ScreeningSettings, SETTINGS_ID)
            hold, reject = thresholds(settings)
            rules = screening_rules(session, problems)
            helplines = effective_helplines(session)
            classifier, name, version_id = _classifier_for(session, settings, problems)
    except SQLAlchemyError as exc:
        # No settings table (an unmigrated database) or no database: the defaults.
        log.warning("screening settings unavailable, using defaults: %s", exc)
        revision, rules, version_id = -1, list(DEFAULT_RULES), None
        helplines = default_helplines()
        hold, reject = thresholds(None)
        classifier, name = _default_or_none(problems)
    config = ScreeningConfig(hold_threshold=hold, reject_threshold=reject)
    screener = Screener(rules=rules, classifier=classifier, config=config, helplines=helplines)
    return ScreenerState(
        screener, revision, time.monotonic(), name, problems, version_id=version_id
    )


def screener_state() -> ScreenerState:
    """This worker's screener, rebuilt if the settings revision moved."""
    state: ScreenerState | None = current_app.extensions.get(SCREENER_KEY)
    if state is None:
        state = current_app.extensions[SCREENER_KEY] = build_screener()
        return state
    interval = current_app.config["SCREENER_CHECK_SECONDS"]
    if time.monotonic() - state.checked_at < interval or not state.lock.acquire(blocking=False):
        return state  # checked recently, or another thread is checking right now
    try:
        state.checked_at = time.monotonic()
        try:
            with db.engine.connect() as connection:
                revision = settings_revision(connection)
        except SQLAlchemyError as exc:
            log.warning("could not check the screening settings: %s", exc)
            return state
        if revision != state.revision:
            fresh = build_screener()
            current_app.extensions[SCREENER_KEY] = fresh
            return fresh
        return state
    finally:
        state.lock.release()


def get_screener() -> Screener:
    return screener_state().screener


def refresh_screener() -> Screener:
    """Rebuild now, without waiting for the next check (after this worker's own edit)."""
    current_app.extensions[SCREENER_KEY] = build_screener()
    return current_app.extensions[SCREENER_KEY].screener


def screen_post(text: str) -> Verdict:
    """The verdict on a post; whatever goes wrong in screening, never an exception."""
    state = screener_state()
    try:
        return state.screener.screen(text)
    except Exception as exc:  # noqa: BLE001 - a post must never fail because screening did
        log.exception("SCREENING MODEL UNUSABLE while scoring with %s: %s", state.model_name, exc)
        return _screen_after_failure(state, text)


def _screen_after_failure(state: ScreenerState, text: str) -> Verdict:
    """Screen again after ``state``'s screener raised, and drop the model if it was the
    model's fault."""
    try:
        rules_only = Screener(
            state.screener.engine.rules, None, state.screener.config, state.screener.helplines
        )
        verdict = rules_only.screen(text)
    except Exception as exc:  # noqa: BLE001
        # Not the model's fault: keep it, and let a moderator decide on this post.
        log.exception("SCREENING FAILED without the model too, holding the post: %s", exc)
        return _held_unscreened()
    # The model failed. Drop it and try the next: the previous good version, then the
    # bundled default (build_screener skips versions this worker found broken).
    for _ in range(3):
        if state.screener.classifier is None:
            return verdict
        if state.version_id is None:
            break  # the bundled default itself failed
        _mark_broken_later(state.version_id)
        try:
            state = build_screener()
        except Exception as exc:  # noqa: BLE001
            log.exception("could not rebuild the screener: %s", exc)
            break
        current_app.extensions[SCREENER_KEY] = state
        try:
            return state.screener.screen(text)
        except Exception as exc:  # noqa: BLE001
            log.exception("SCREENING FALLBACK UNUSABLE too (%s): %s", state.model_name, exc)
    # This worker screens with rules alone until the settings change.
    problems = [*state.problems, f"{state.model_name} failed while scoring"]
    current_app.extensions[SCREENER_KEY] = ScreenerState(
        rules_only, state.revision, time.monotonic(), "rules only", problems
    )
    return verdict


def _held_unscreened() -> Verdict:
    # Nothing could screen the post: a moderator decides, as for any held post.
    reason = Reason(
        kind="rule",
        name="screening_failed",
        description="Screening failed on this post; it waits for a moderator.",
    )
    return Verdict(score=1.0, action="hold", reasons=[reason])
