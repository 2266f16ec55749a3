"""Promise: logging out ends a staff session. Attacked the way a thief would: copy the
session cookie from a logged-in browser, let its owner log out (or be disabled, or get a
new password), then replay the copied cookie on the staff pages."""

from flask_login.utils import encode_cookie

from app.auth.services import find_staff_user
from tests.conftest import STAFF_PASSWORD, log_in, make_staff
from tests.promises.forms import submit_as_rendered

STAFF_PAGES = ("/mod/queue", "/admin/rules")


def _admin(app, username: str = "ada"):
    make_staff(app, username, "admin")
    browser = app.test_client()
    assert log_in(browser, username).status_code == 302
    for url in STAFF_PAGES:
        assert browser.get(url).status_code == 200, url
    return browser


def _replay(app, cookie: str):
    """A different machine holding only the copied cookie."""
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    return thief


def _assert_shut_out(client) -> None:
    for url in STAFF_PAGES:
        response = client.get(url)
        assert response.status_code in (302, 401, 403), (url, response.status_code)
        if response.status_code == 302:
            assert response.headers["Location"].startswith("/login"), url


def _cli(app, *args, input=None):
    return app.test_cli_runner().invoke(args=list(args), input=input)


def test_a_copied_cookie_is_dead_after_its_owner_logs_out(app):
    browser = _admin(app)
    stolen = browser.get_cookie("session").value
    assert _replay(app, stolen).get("/admin/rules").status_code == 200  # the theft works...

    response = submit_as_rendered(browser, "/mod/queue", "/logout", button=None)
    assert response.status_code == 302
    _assert_shut_out(browser)
    _assert_shut_out(_replay(app, stolen))  # ...until the owner logs out


def test_logging_out_ends_every_session_of_that_account(app):
    laptop = _admin(app)
    phone = app.test_client()
    assert log_in(phone, "ada").status_code == 302
    submit_as_rendered(laptop, "/mod/queue", "/logout")
    _assert_shut_out(phone)
    # Logging in again starts a fresh session; the old cookies stay dead.
    assert log_in(phone, "ada").status_code == 302
    assert phone.get("/admin/rules").status_code == 200


def test_a_copied_cookie_is_dead_once_the_account_is_disabled(app):
    browser = _admin(app)
    stolen = browser.get_cookie("session").value
    assert _cli(app, "users", "disable", "ada").exit_code == 0
    _assert_shut_out(_replay(app, stolen))
    _assert_shut_out(browser)


def test_a_copied_cookie_is_dead_once_the_password_changes(app):
    browser = _admin(app)
    stolen = browser.get_cookie("session").value
    new_password = "a brand new long password"
    result = _cli(app, "users", "set-password", "ada", "--password-stdin", input=new_password)
    assert result.exit_code == 0, result.output
    _assert_shut_out(_replay(app, stolen))
    _assert_shut_out(browser)
    assert log_in(app.test_client(), "ada", STAFF_PASSWORD).status_code == 400
    assert log_in(app.test_client(), "ada", new_password).status_code == 302


def test_set_password_asks_twice_and_refuses_short_or_unknown(app):
    make_staff(app, "mo")
    mismatch = _cli(app, "users", "set-password", "mo", input="a long password\nanother one!\n" * 3)
    assert mismatch.exit_code != 0
    short = _cli(app, "users", "set-password", "mo", "--password-stdin", input="short\n")
    assert short.exit_code == 1 and "at least" in short.output
    nobody = _cli(app, "users", "set-password", "nobody", "--password-stdin", input="x" * 12)
    assert nobody.exit_code == 1 and "No staff account" in nobody.output
    typed = _cli(app, "users", "set-password", "mo", input="typed new password\n" * 2)
    assert typed.exit_code == 0, typed.output
    assert log_in(app.test_client(), "mo", "typed new password").status_code == 302


def test_a_session_ends_after_the_idle_time(make_app):
    app = make_app(STAFF_SESSION_IDLE_MINUTES=30)
    browser = _admin(app)
    stolen = browser.get_cookie("session").value

    def idle_for(client, minutes: float) -> None:
        # Move the last-seen time the server stored in the session back, as the clock would.
        with client.session_transaction() as session:
            seen = [k for k in session if "seen" in k]
            assert seen, f"no last-seen time in the session: {sorted(session)}"
            for key in seen:
                session[key] -= int(minutes * 60)

    idle_for(browser, 29)
    assert browser.get("/admin/rules").status_code == 200  # still active, and refreshed
    idle_for(browser, 29)
    assert browser.get("/admin/rules").status_code == 200
    idle_for(browser, 31)
    _assert_shut_out(browser)
    # The stolen cookie carries its own (old) time: replayed after the idle time, it is dead.
    thief = _replay(app, stolen)
    idle_for(thief, 31)
    _assert_shut_out(thief)


def test_a_remember_me_cookie_cannot_stand_in_for_a_session(app):
    _admin(app)
    with app.app_context():
        user_id = find_staff_user("ada").get_id()
        forged = encode_cookie(user_id)  # signed with the real key, as flask-login would
    thief = app.test_client()
    thief.set_cookie("remember_token", forged)
    _assert_shut_out(thief)


def test_logging_in_sets_no_remember_me_cookie(app):
    browser = _admin(app)
    assert browser.get_cookie("remember_token") is None
