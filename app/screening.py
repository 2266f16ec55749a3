"""The one door every post's text goes through before it is saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import current_app

if TYPE_CHECKING:
    from moderation import Screener, Verdict

SCREENER_KEY = "mend.screener"


def _build_screener() -> Screener:
    # Imported here so commands that never screen (``flask db upgrade``) start fast.
    from moderation import Screener, ScreeningConfig
    from moderation.classifier import load_or_train_default
    from moderation.rules import DEFAULT_RULES

    config = ScreeningConfig(
        hold_threshold=current_app.config["HOLD_THRESHOLD"],
        reject_threshold=current_app.config["REJECT_THRESHOLD"],
    )
    classifier = load_or_train_default(current_app.config.get("MODEL_CACHE_PATH"))
    return Screener(rules=DEFAULT_RULES, classifier=classifier, config=config)


def get_screener() -> Screener:
    screener = current_app.extensions.get(SCREENER_KEY)
    if screener is None:
        screener = current_app.extensions[SCREENER_KEY] = _build_screener()
    return screener


def screen_post(text: str) -> Verdict:
    return get_screener().screen(text)
