"""Promise: failed logins slow down guessing without locking the real person out.
Failures count per (account, address): a guesser pauses themselves, with a pause that
grows each time, while the account's owner on another network logs in as usual. Many
guessers at once cannot get more tries than the limit: counting and checking is one
atomic step in the database (SQLite or PostgreSQL, whichever the suite runs on)."""

import threading
from datetime import timedelta

from sqlalchemy import func, select

from models import LoginFailure, db
from tests.conftest import STAFF_PASSWORD, csrf_token, log_in, make_staff

GUESSER = "203.0.113.66"
OWNER = "198.51.100.9"


def _browser(app, address: str):
    browser = app.test_client()
    browser.environ_base["REMOTE_ADDR"] = address
    return browser


def _age_failures(app, seconds: int) -> None:
    """Move every recorded failure back in time, as the clock would."""
    with app.app_context():
        # In Python: SQLite cannot subtract an interval from its stored text timestamps.
        for failure in db.session.execute(select(LoginFailure)).scalars():
            failure.created_at -= timedelta(seconds=seconds)
        db.session.commit()


def test_guessing_from_one_address_does_not_lock_out_the_owner(app):
    make_staff(app, "ada", "admin")
    guesser = _browser(app, GUESSER)
    for n in range(5):
        assert log_in(guesser, "ada", f"guess {n}").status_code == 400
    refused = log_in(guesser, "ada", STAFF_PASSWORD)  # the guesser must wait, even if right
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    assert "Too many failed logins" in refused.get_data(as_text=True)
    # The owner, on their own network, is not affected at all.
    assert log_in(_browser(app, OWNER), "ada").status_code == 302


def test_each_further_failure_doubles_the_pause(app):
    make_staff(app, "ada", "admin")
    guesser = _browser(app, GUESSER)
    for n in range(5):
        log_in(guesser, "ada", f"guess {n}")
    waits = []
    for n in range(3):
        refused = log_in(guesser, "ada", "another guess")
        assert refused.status_code == 429
        wait = int(refused.headers["Retry-After"])
        waits.append(wait)
        _age_failures(app, wait + 1)  # wait it out, then guess wrong once more
        assert log_in(guesser, "ada", f"late guess {n}").status_code == 400
    assert waits[1] >= 2 * waits[0] - 1 and waits[2] >= 2 * waits[1] - 1, waits
    # Having waited, the owner can still use that address too.
    _age_failures(app, 4 * waits[-1])
    assert log_in(guesser, "ada").status_code == 302


def test_an_address_trying_many_accounts_is_paused(make_app):
    app = make_app(LOGIN_ADDRESS_MAX_FAILURES=8)
    make_staff(app, "ada", "admin")
    sprayer = _browser(app, GUESSER)
    for n in range(8):
        assert log_in(sprayer, f"user{n}", "guess").status_code == 400
    assert log_in(sprayer, "ada").status_code == 429
    assert log_in(_browser(app, OWNER), "ada").status_code == 302


def test_a_successful_login_does_not_count_as_a_failure(app):
    make_staff(app, "ada", "admin")
    for _ in range(6):
        assert log_in(_browser(app, OWNER), "ada").status_code == 302
    with app.app_context():
        assert db.session.execute(select(func.count(LoginFailure.id))).scalar_one() == 0


def test_concurrent_guesses_get_no_more_tries_than_the_limit(app, hash_checks):
    make_staff(app, "ada", "admin")
    guessers = 12
    browsers = [_browser(app, GUESSER) for _ in range(guessers)]
    tokens = [csrf_token(b, "/login") for b in browsers]
    start = threading.Barrier(guessers)
    answers = [None] * guessers

    def guess(n: int) -> None:
        start.wait()
        answers[n] = (
            browsers[n]
            .post(
                "/login",
                data={"csrf_token": tokens[n], "username": "ada", "password": f"guess {n}"},
            )
            .status_code
        )

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(guessers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    limit = app.config["LOGIN_MAX_FAILURES"]
    assert sorted(answers) == [400] * limit + [429] * (guessers - limit), answers
    assert len(hash_checks) == limit
    with app.app_context():
        assert db.session.execute(select(func.count(LoginFailure.id))).scalar_one() == limit
