"""A real browser (Debian's chromium, headless) posts a reply through the form."""

from app.forum.writing import create_thread
from app.poster_identity import Poster


def test_a_visitor_replies_through_the_form(app, live_server, browser):
    with app.app_context():
        poster = Poster(key="browser-test-starter-key-abc", address_hash="t")
        create_thread("Week one without her", "Every evening is the hardest.", poster)

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
