"""Hostile-input tests: bounded property runs, and the real screener built once."""

import pytest
from hypothesis import HealthCheck, settings

from moderation import DEFAULT_RULES, Screener, ScreeningConfig
from moderation.classifier import load_or_train_default
from tests.conftest import CHROMIUM
from tests.load.conftest import fresh_database_url, start_server  # noqa: F401

# Enough examples to find the odd character, few enough to keep the suite quick. Whole
# posts are big inputs for hypothesis; that is the point here, not a mistake.
PROPERTIES = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.large_base_example,
        HealthCheck.data_too_large,
    ],
)


@pytest.fixture(scope="session")
def screener(model_cache) -> Screener:
    return Screener(DEFAULT_RULES, load_or_train_default(model_cache), ScreeningConfig())


# --- a real browser against a live server ---------------------------------------

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on this machine (apt-get install chromium)"
)
