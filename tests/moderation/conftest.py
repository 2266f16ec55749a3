"""Shared fixtures for the screening tests: the real default classifier, trained once."""

import pytest

from moderation.builtin_rules import DEFAULT_RULES
from moderation.classifier import SpamClassifier, train_default
from moderation.screener import Screener, ScreeningConfig


@pytest.fixture(scope="session")
def classifier() -> SpamClassifier:
    return train_default()


@pytest.fixture(scope="session")
def screener(classifier) -> Screener:
    return Screener(DEFAULT_RULES, classifier, ScreeningConfig())
