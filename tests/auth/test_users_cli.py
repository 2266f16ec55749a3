"""`flask users` creates, lists and disables staff accounts; no default password."""

from sqlalchemy import select

from models import StaffUser, db


def run(app, *args, input=None):
    return app.test_cli_runner().invoke(args=list(args), input=input)


def test_create_with_a_prompted_password(app):
    result = run(app, "users", "create", "--role", "admin", "Ada", input="a long password\n" * 2)
    assert result.exit_code == 0, result.output
    assert "Created admin 'ada'" in result.output
    # The rule is told before the password is typed, not after.
    assert result.output.startswith("Password (at least 10 characters):")
    with app.app_context():
        user = db.session.execute(select(StaffUser)).scalar_one()
        assert (user.username, user.role, user.active) == ("ada", "admin", True)
        assert user.check_password("a long password")


def test_create_with_the_password_on_stdin_and_list(app):
    result = run(app, "users", "create", "mo", "--password-stdin", input="piped password\n")
    assert result.exit_code == 0, result.output
    listing = run(app, "users", "list").output
    assert "mo" in listing and "moderator" in listing and "active" in listing


def test_create_refuses_short_passwords_duplicates_and_unknown_roles(app):
    assert run(app, "users", "create", "mo", "--password-stdin", input="short\n").exit_code == 1
    run(app, "users", "create", "mo", "--password-stdin", input="long enough pw\n")
    again = run(app, "users", "create", "MO", "--password-stdin", input="long enough pw\n")
    assert again.exit_code == 1 and "already" in again.output
    assert run(app, "users", "create", "x", "--role", "root").exit_code == 2
    mismatch = run(app, "users", "create", "zed", input="a long password\nanother one!\n" * 3)
    assert mismatch.exit_code != 0


def test_disable(app):
    run(app, "users", "create", "mo", "--password-stdin", input="long enough pw\n")
    assert run(app, "users", "disable", "mo").exit_code == 0
    assert "disabled" in run(app, "users", "list").output
    assert run(app, "users", "disable", "nobody").exit_code == 1


def test_first_start_says_how_to_create_the_first_admin(app):
    assert "users create --role admin" in run(app, "users", "list").output
    seeded = run(app, "demo", "seed", "--if-empty")
    assert "users create --role admin" in seeded.output
    run(
        app,
        "users",
        "create",
        "ada",
        "--role",
        "admin",
        "--password-stdin",
        input="pw long enough\n",
    )
    assert "users create" not in run(app, "demo", "seed", "--if-empty").output
