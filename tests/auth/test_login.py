"""Staff log in with a hashed password; guessing is throttled per (account, address)."""

from sqlalchemy import select

from models import StaffUser, db
from tests.conftest import STAFF_PASSWORD, log_in, make_staff, submit


def test_a_moderator_logs_in_and_lands_on_the_queue(app, client):
    make_staff(app, "Mo")
    response = log_in(client, "mo")
    assert response.status_code == 302 and response.headers["Location"] == "/mod/queue"
    assert client.get("/mod/queue").status_code == 200
    with app.app_context():
        user = db.session.execute(select(StaffUser)).scalar_one()
        assert user.password_hash.startswith("scrypt:")
        assert STAFF_PASSWORD not in user.password_hash


def test_login_goes_back_to_the_page_asked_for_but_never_off_site(app, client):
    make_staff(app)
    first = client.get("/mod/log")
    assert first.headers["Location"] == "/login?next=%2Fmod%2Flog"
    response = submit(
        client, "/login", {"username": "mo", "password": STAFF_PASSWORD}, "/login?next=/mod/log"
    )
    assert response.headers["Location"] == "/mod/log"
    for evil in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        other = app.test_client()
        response = submit(
            other, "/login", {"username": "mo", "password": STAFF_PASSWORD}, f"/login?next={evil}"
        )
        assert response.headers["Location"] == "/mod/queue", evil


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(app, client):
    make_staff(app)
    for username, password in (("mo", "wrong password"), ("nobody", STAFF_PASSWORD)):
        response = log_in(client, username, password)
        assert response.status_code == 400
        assert "do not match" in response.get_data(as_text=True)
    assert client.get("/mod/queue").status_code == 302


# Throttling per account and address: tests/promises/test_guessing_cannot_lock_staff_out.py


def test_failures_older_than_the_window_do_not_count(make_app):
    app = make_app(LOGIN_FAILURE_WINDOW=0)
    make_staff(app)
    client = app.test_client()
    for _ in range(6):
        log_in(client, "mo", "wrong")
    assert log_in(client, "mo").status_code == 302


def test_a_disabled_account_cannot_log_in_and_its_session_ends(app, client):
    from app.auth.services import disable_staff_user

    make_staff(app)
    log_in(client)
    assert client.get("/mod/queue").status_code == 200
    with app.app_context():
        disable_staff_user("mo")
    assert client.get("/mod/queue").status_code == 302
    assert log_in(app.test_client()).status_code == 400


def test_a_nul_in_the_username_is_dropped_like_in_every_form(app, client):
    make_staff(app)
    only_nul = log_in(client, "\x00", STAFF_PASSWORD)
    assert only_nul.status_code == 400
    wrong = log_in(client, "m\x00x", STAFF_PASSWORD)
    assert wrong.status_code == 400 and "do not match" in wrong.get_data(as_text=True)
    # What is left once the NUL goes is the name typed, so the login is the real one.
    assert log_in(client, "m\x00o", STAFF_PASSWORD).status_code == 302


def test_login_form_needs_csrf(app, client):
    make_staff(app)
    response = client.post("/login", data={"username": "mo", "password": STAFF_PASSWORD})
    assert response.status_code == 400
