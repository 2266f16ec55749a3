"""A moderator locks and pins a thread from its page in a real browser, and undoes the
lock from the log; the reader's view follows. axe-core and 390 px on every page."""

import re

from app.forum.writing import create_thread
from app.poster_identity import Poster
from tests.browser.checks import PHONE, check_page
from tests.conftest import STAFF_PASSWORD, make_staff


def test_a_moderator_locks_pins_and_undoes_from_the_log(app, live_server, browser):
    make_staff(app, "mo")
    with app.app_context():
        create_thread("Heated thread", "It got out of hand.", Poster("lock-key-abcdefghijk", "l"))
        create_thread("Newer thread", "Something else.", Poster("lock-key-bcdefghijkl", "m"))
    staff = browser.new_context(viewport=PHONE).new_page()
    errors = []
    staff.on("pageerror", lambda exc: errors.append(str(exc)))
    staff.goto(f"{live_server}/login")
    staff.get_by_label("Username").fill("mo")
    staff.get_by_label("Password").fill(STAFF_PASSWORD)
    staff.get_by_role("button", name="Log in").click()
    staff.wait_for_url("**/mod/queue")

    staff.goto(f"{live_server}/t/1")
    check_page(staff)
    staff.get_by_label("Note for readers if you lock it (optional)").fill("Taking a pause.")
    staff.get_by_role("button", name="Lock thread").click()
    staff.get_by_text("Thread locked: no new replies.").wait_for()
    check_page(staff)
    staff.get_by_role("button", name="Pin to front page").click()
    staff.get_by_text("Thread pinned to the top of the front page.").wait_for()

    reader = browser.new_context(viewport=PHONE).new_page()
    reader.on("pageerror", lambda exc: errors.append(str(exc)))
    reader.goto(f"{live_server}/")
    check_page(reader)
    assert reader.locator(".thread-item h2").first.inner_text() == "Heated thread"
    reader.get_by_role("link", name="Heated thread").click()
    reader.get_by_role("heading", name="This thread is locked").wait_for()
    assert reader.get_by_text("Moderators' note: Taking a pause.").is_visible()
    assert reader.get_by_role("button", name="Post reply").count() == 0
    check_page(reader)

    staff.get_by_role("link", name="Log", exact=True).click()
    check_page(staff)
    lock_row = staff.locator("table.log tbody tr", has_text="Taking a pause.")
    assert "open → locked" in lock_row.inner_text()
    lock_row.get_by_role("link", name=re.compile(r"^Undo #\d+")).click()
    undo = staff.get_by_role("dialog", name=re.compile(r"^Undo decision #\d+\?$"))
    undo.get_by_role("button", name=re.compile("^Undo decision")).click()
    staff.get_by_text("is undone").wait_for()

    reader.reload()
    reader.get_by_role("button", name="Post reply").wait_for()
    assert reader.get_by_text("This thread is locked").count() == 0
    assert errors == []
