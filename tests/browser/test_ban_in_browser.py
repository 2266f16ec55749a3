"""A moderator bans a scammer for 7 days in a real browser (headless Chromium), after
looking at the poster's history; the scammer, in their own browser, is told why and
until when, on opening the new-thread page instead of a form. Every page visited
passes axe-core and fits a 390 px phone screen."""

from datetime import timedelta

from app.reasons import DECISION_REASONS
from models import Ban, db, utcnow
from tests.browser.checks import check_page
from tests.conftest import SCAM, STAFF_PASSWORD, make_staff


def post_thread(page, base: str, title: str, body: str) -> None:
    page.goto(f"{base}/new")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Your story").fill(body)
    page.get_by_role("button", name="Post thread").click()


def test_a_moderator_bans_a_scammer_for_seven_days(app, live_server, browser):
    make_staff(app, "mo")
    scammer = browser.new_context().new_page()
    scammer.set_default_timeout(90_000)
    post_thread(scammer, live_server, "Week one", "The evenings are the hardest part.")
    post_thread(scammer, live_server, "He came back!", SCAM)
    scammer.get_by_text("waiting for a moderator").first.wait_for()
    check_page(scammer)

    mod = browser.new_context().new_page()
    mod.set_default_timeout(90_000)
    errors = []
    mod.on("pageerror", lambda exc: errors.append(str(exc)))
    mod.goto(f"{live_server}/mod/queue")
    mod.get_by_label("Username").fill("mo")
    mod.get_by_label("Password").fill(STAFF_PASSWORD)
    mod.get_by_role("button", name="Log in").click()
    entry = mod.locator("li.queue-entry", has_text="cast a powerful love spell")
    entry.wait_for()
    check_page(mod)

    # Who is this? Their other post, in another thread under another name.
    entry.get_by_role("link", name="this poster's history").click()
    mod.get_by_role("heading", name="This poster's history").wait_for()
    assert "The evenings are the hardest part." in mod.content()
    check_page(mod)
    mod.go_back()

    entry = mod.locator("li.queue-entry", has_text="cast a powerful love spell")
    entry.get_by_label("Reason").select_option("spam")
    entry.get_by_label("Ban length").select_option(label="for 7 days")
    entry.get_by_role("button", name="Ban poster").click()
    mod.get_by_text("The ban ends").wait_for()
    check_page(mod)
    with app.app_context():
        ends = db.session.execute(db.select(Ban.expires_at)).scalar_one()
    assert timedelta(days=6, hours=23) < ends - utcnow() <= timedelta(days=7)

    # Opening "Start a thread" shows the ban, not a form to write in for nothing.
    scammer.goto(f"{live_server}/")
    scammer.get_by_role("link", name="Start a thread").first.click()
    scammer.get_by_role("heading", name="You cannot post on Mend for now").wait_for()
    assert scammer.get_by_label("Title").count() == 0
    text = scammer.locator("main").inner_text()
    assert DECISION_REASONS["spam"] in text
    assert f"{ends.day} {ends:%B %Y, %H:%M} UTC" in text
    check_page(scammer)
    assert errors == []
