"""Promise: the login page does not tell who has an account. Whatever the outcome
(unknown name, disabled account, wrong or right password), the server does the same
password-hash work, so the answer's timing does not tell the outcomes apart."""

import statistics
import time

import pytest

from app.auth import services
from tests.conftest import STAFF_PASSWORD, log_in, make_staff

OUTCOMES = {
    "unknown name": ("nobody", STAFF_PASSWORD),
    "wrong password": ("mo", "not the password"),
    "disabled, wrong password": ("gone", "not the password"),
    "disabled, right password": ("gone", STAFF_PASSWORD),
    "right password": ("mo", STAFF_PASSWORD),
}


@pytest.fixture
def accounts(app):
    make_staff(app, "mo")
    make_staff(app, "gone")
    with app.app_context():
        services.disable_staff_user("gone")
    return app


def _attempt(app, n: int, username: str, password: str):
    browser = app.test_client()
    browser.environ_base["REMOTE_ADDR"] = f"203.0.113.{n}"  # no throttle in the way
    return log_in(browser, username, password)


def test_every_outcome_checks_one_password_hash(accounts, hash_checks):
    for n, (outcome, (username, password)) in enumerate(OUTCOMES.items()):
        before = len(hash_checks)
        response = _attempt(accounts, n, username, password)
        expected = 302 if outcome == "right password" else 400
        assert response.status_code == expected, outcome
        assert len(hash_checks) - before == 1, outcome
        # The same kind of hash: a cheap one would answer faster.
        assert hash_checks[-1].split("$")[0] == hash_checks[0].split("$")[0], outcome


def test_outcomes_take_about_the_same_time(accounts):
    def median_seconds(username: str, password: str, base: int) -> float:
        times = []
        for n in range(5):
            started = time.perf_counter()
            _attempt(accounts, base + n, username, password)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    medians = {
        outcome: median_seconds(username, password, 10 * i + 10)
        for i, (outcome, (username, password)) in enumerate(OUTCOMES.items())
    }
    # Generous: before, a disabled account answered in a fourteenth of the time.
    assert min(medians.values()) > 0.3 * max(medians.values()), medians
