"""Shared fixtures: a real database (SQLite file, or PostgreSQL when TEST_DATABASE_URL
is set), migrated once per session and emptied after every test."""

import os
import re
import shutil
import threading
from pathlib import Path

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import text
from werkzeug.serving import make_server

from app import create_app
from models import db

CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
TEST_SECRET = "test-secret-key-not-for-production"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    return os.environ.get("TEST_DATABASE_URL") or (
        f"sqlite:///{tmp_path_factory.mktemp('db') / 'mend-test.sqlite3'}"
    )


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory) -> Path:
    # One trained default model for the whole session; every app loads it from here.
    return tmp_path_factory.mktemp("model") / "default_model.bin"


@pytest.fixture(scope="session")
def base_config(database_url, model_cache) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": TEST_SECRET,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "MODEL_CACHE_PATH": model_cache,
        "POST_RATE_LIMIT": "1000 per minute",
        "RATELIMIT_STORAGE_URI": "memory://",
        # Tests look at each change at once; tests/forum/test_reader_cache.py turns the
        # few seconds' page cache for cookie-less readers on.
        "READER_CACHE_SECONDS": 0,
    }


@pytest.fixture(scope="session")
def _schema(base_config):
    """Build the schema with the real migrations, and drop it at the end."""
    app = create_app(base_config)
    with app.app_context():
        with db.engine.begin() as connection:
            # The search indexes refer to posts (migrations 0013, 0016); no model has them.
            connection.execute(text("DROP TABLE IF EXISTS thread_search"))
            connection.execute(text("DROP TABLE IF EXISTS post_search"))
        db.drop_all()
        with db.engine.begin() as connection:
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        upgrade()
    # No app context stays pushed while tests run: each test's app and CLI use their own.
    yield
    with app.app_context():
        downgrade(revision="base")
        with db.engine.begin() as connection:
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        db.engine.dispose()


def _empty_tables() -> None:
    tables = [t for t in reversed(db.metadata.sorted_tables)]
    with db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            names = ", ".join(t.name for t in tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(table.delete())


@pytest.fixture
def make_app(base_config, _schema):
    """Build an app on the test database; overrides go on top of the test config."""
    made = []

    def _make(**overrides):
        app = create_app({**base_config, **overrides})
        made.append(app)
        return app

    yield _make
    for app in made:
        with app.app_context():
            db.session.remove()
    if made:
        with made[0].app_context():
            _empty_tables()
    for app in made:
        # Close each app's pooled connections now, not whenever the garbage collector
        # gets to them: on PostgreSQL they would pile up past max_connections.
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


def csrf_token(client, url: str) -> str:
    """The CSRF token a browser would get from the page with the form."""
    page = client.get(url)
    match = CSRF_RE.search(page.get_data(as_text=True))
    if match is None and page.status_code == 403:
        # A banned browser is shown the ban instead of the posting form; one that loaded
        # the form before its ban still holds the token (the session's, the same for
        # every form), as here from the login form.
        match = CSRF_RE.search(client.get("/login").get_data(as_text=True))
    assert match, f"no CSRF token on {url} (status {page.status_code})"
    return match.group(1)


def submit(client, form_url: str, data: dict, post_url: str | None = None, **kwargs):
    """Fill in and send the form on ``form_url``, the way a browser would."""
    data = {"csrf_token": csrf_token(client, form_url), **data}
    return client.post(post_url or form_url, data=data, **kwargs)


@pytest.fixture
def post_thread(client):
    def _post(title="Trying to get through the week", body="It has been a hard month."):
        return submit(client, "/new", {"title": title, "body": body})

    return _post


# --- staff ----------------------------------------------------------------------

STAFF_PASSWORD = "a long test password"
SCAM = (
    "Dr Obodo cast a powerful love spell and my ex came back in 48 hours! Contact him on "
    "WhatsApp +1 (555) 234-5678 or email drobodo@gmail.com"
)


def make_staff(app, username: str = "mo", role: str = "moderator") -> None:
    from app.auth.services import create_staff_user

    with app.app_context():
        create_staff_user(username, STAFF_PASSWORD, role)


def log_in(client, username: str = "mo", password: str = STAFF_PASSWORD):
    return submit(client, "/login", {"username": username, "password": password})


def staff_client(app, username: str, role: str):
    """A new client, logged in to a new staff account."""
    make_staff(app, username, role)
    staff = app.test_client()
    assert log_in(staff, username).status_code == 302
    return staff


@pytest.fixture
def moderator(app):
    """A client logged in as a moderator."""
    return staff_client(app, "mo", "moderator")


def remembered_token(client, post_id: int) -> str:
    """The edit token this browser keeps for ``post_id`` (what the forms fill in)."""
    pairs = dict(pair.split(":", 1) for pair in client.get_cookie("mend_tokens").value.split("|"))
    return pairs[str(post_id)]


# --- a real browser ---------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def live_server(app):
    """The test app served over HTTP on a free loopback port, for a real browser."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def browser():
    """Debian's Chromium, headless, driven by Playwright; skipped where there is none."""
    if CHROMIUM is None:
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()
