"""A moderator logs in with a real browser (headless Chromium) and rejects a held post."""

from app.forum.writing import create_thread
from app.poster_identity import Poster
from models import Post, db
from tests.conftest import SCAM, STAFF_PASSWORD, make_staff


def test_a_moderator_logs_in_and_rejects_a_held_post(app, live_server, browser):
    make_staff(app, "mo")
    with app.app_context():
        genuine = Poster(key="browser-test-genuine-key-1", address_hash="a")
        create_thread("Week two", "Slowly getting there.", genuine)
        scammer = Poster(key="browser-test-scammer-key-1", address_hash="b")
        held, _ = create_thread("He came back!", SCAM, scammer)
        held_id = held.id
        assert held.status == "held"

    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{live_server}/mod/queue")
    page.get_by_label("Username").fill("mo")
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Log in").click()

    entry = page.locator(f"#q{held_id}")
    entry.wait_for()
    assert "cast a powerful love spell" in entry.inner_text()
    entry.get_by_placeholder("Note (optional)").fill("spell caster")
    entry.get_by_role("button", name="Reject as spam").click()

    page.get_by_text("1 post rejected as spam.").wait_for()
    assert page.locator(f"#q{held_id}").count() == 0
    page.get_by_role("link", name="Log", exact=True).first.click()
    row = page.locator("table.log tbody tr").first
    assert "reject" in row.inner_text() and "spell caster" in row.inner_text()
    assert errors == []
    with app.app_context():
        post = db.session.get(Post, held_id)
        assert (post.status, post.label) == ("removed", "spam")


def test_select_all_ticks_every_post_for_a_bulk_reject(app, live_server, browser):
    make_staff(app, "mo")
    with app.app_context():
        for n in range(5):
            poster = Poster(key=f"browser-test-bulk-key-{n:04d}", address_hash="c")
            create_thread(f"Came back {n}", SCAM, poster)

    page = browser.new_page()
    page.goto(f"{live_server}/login")
    page.get_by_label("Username").fill("mo")
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("Select all 5 on this page").check()
    page.locator("#bulk").get_by_role("button", name="Reject as spam").click()
    dialog = page.get_by_role("dialog", name="Reject as spam 5 posts?")
    dialog.get_by_role("button", name="Reject as spam 5 posts").click()
    page.get_by_text("5 posts rejected as spam.").wait_for()
    assert page.get_by_text("Nothing is waiting").is_visible()
