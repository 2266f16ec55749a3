"""Staff log in with a hashed password; guessing is throttled per account and address."""

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


def test_five_failures_for_an_account_pause_it_even_from_elsewhere(app):
    make_staff(app)
    for n in range(5):
        guesser = app.test_client()
        guesser.environ_base["REMOTE_ADDR"] = f"203.0.113.{n}"
        assert log_in(guesser, "mo", f"guess {n}").status_code == 400
    late = app.test_client()
    late.environ_base["REMOTE_ADDR"] = "198.51.100.9"
    response = log_in(late, "mo", STAFF_PASSWORD)  # even the right password waits
    assert response.status_code == 429
    assert "Too many failed logins" in response.get_data(as_text=True)


def test_five_failures_from_an_address_pause_every_account_from_it(app, client):
    make_staff(app, "mo")
    for n in range(5):
        log_in(client, f"user{n}", "guess")
    assert log_in(client, "mo").status_code == 429
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "198.51.100.9"
    assert log_in(elsewhere, "mo").status_code == 302


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


def test_login_form_needs_csrf(app, client):
    make_staff(app)
    response = client.post("/login", data={"username": "mo", "password": STAFF_PASSWORD})
    assert response.status_code == 400
