"""A real browser (Debian's chromium, headless) posts a reply through the form."""

import shutil
import threading

import pytest
from werkzeug.serving import make_server

from app.forum import services

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on this machine (apt-get install chromium)"
)


@pytest.fixture
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def browser():
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


def test_a_visitor_replies_through_the_form(app, live_server, browser):
    with app.app_context():
        poster = services.Poster(key="browser-test-starter-key-abc", address_hash="t")
        services.create_thread("Week one without her", "Every evening is the hardest.", poster)

    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{live_server}/")
    page.get_by_role("link", name="Week one without her").click()
    page.get_by_label("Your reply").fill("Evenings were the worst for me too. <b>Hang on.</b>")
    page.get_by_role("button", name="Post reply").click()

    reply = page.locator("article.post").nth(1)
    reply.wait_for()
    assert reply.locator(".post-body").inner_text() == (
        "Evenings were the worst for me too. <b>Hang on.</b>"
    )
    assert page.locator("#new-token").inner_text().strip() != ""
    assert page.locator("article.post b").count() == 0
    assert errors == []
