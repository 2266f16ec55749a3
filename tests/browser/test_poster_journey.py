"""A poster's journey in real browsers (issue 13): start a thread, reply, edit and delete
with the token the browser remembers; from a second browser, edit and delete with the
pasted token; appeal a rejection. Every page visited passes axe-core and fits 390 px."""

import re

from sqlalchemy import select

from app.mod.decisions import decide
from models import Post, StaffUser, db
from tests.browser.checks import PHONE, check_page
from tests.conftest import make_staff

HELD_REPLY = "Message me on whatsapp +1 555 234 5678 and I will tell you what helped me"


def _post_id(url: str) -> int:
    return int(re.search(r"/p/(\d+)", url).group(1))


def _moderator_rejects(app, post_id: int) -> None:
    """A moderator rejects the post through the real service, between two steps."""
    make_staff(app, "mo")
    with app.app_context():
        moderator = db.session.execute(
            select(StaffUser).where(StaffUser.username == "mo")
        ).scalar_one()
        assert decide(moderator, [post_id], "reject", "A messenger number").decided == 1


def _status(app, post_id: int) -> str:
    with app.app_context():
        return db.session.get(Post, post_id).status


def test_a_poster_writes_edits_deletes_and_appeals_from_two_browsers(app, live_server, browser):
    first = browser.new_context(viewport=PHONE).new_page()
    errors = []
    first.on("pageerror", lambda exc: errors.append(str(exc)))

    # Start a thread: the browser is shown its token once, and remembers it.
    first.goto(f"{live_server}/")
    first.get_by_role("link", name="Start a thread").click()
    first.wait_for_url("**/new")
    check_page(first)
    first.get_by_label("Title").fill("Day 3 of no contact")
    first.get_by_label("Your story").fill("Deleted her number today. Hardest thing so far.")
    first.get_by_role("button", name="Post thread").click()
    first.wait_for_url("**/t/*#p*")
    opening_id = int(first.url.rsplit("#p", 1)[1])
    opening_token = first.locator("#new-token").inner_text().strip()
    assert len(opening_token) > 20
    check_page(first)
    thread_url = first.url.split("#")[0]

    # Reply, then edit and delete the reply with the token this browser remembers.
    first.get_by_label("Your reply").fill("Update: I made it through the evening.")
    first.get_by_role("button", name="Post reply").click()
    first.wait_for_url("**/t/*#p*")
    reply_id = int(first.url.rsplit("#p", 1)[1])
    check_page(first)
    reply = first.locator(f"#p{reply_id}")
    reply.get_by_role("link", name="Edit").click()
    first.wait_for_url(f"**/p/{reply_id}/edit")
    check_page(first)
    assert first.get_by_label("Your private token").count() == 0  # nothing to fill in
    first.get_by_label("Your post").fill("Update: I made it through the evening, just.")
    first.get_by_role("button", name="Save changes").click()
    first.get_by_text("Your changes are saved.").wait_for()
    check_page(first)
    assert "just." in first.locator(f"#p{reply_id} .post-body").inner_text()
    first.locator(f"#p{reply_id}").get_by_role("link", name="Delete").click()
    first.wait_for_url(f"**/p/{reply_id}/delete")
    check_page(first)
    first.get_by_role("button", name="Delete my post").click()
    first.get_by_text("Your post is deleted.").wait_for()
    check_page(first)
    assert first.locator(f"#p{reply_id} .post-body").inner_text() == "[deleted by author]"

    # A reply the screener holds: the author sees "waiting for a moderator"...
    first.goto(thread_url)
    first.get_by_label("Your reply").fill(HELD_REPLY)
    first.get_by_role("button", name="Post reply").click()
    first.wait_for_url("**/p/*/status")
    held_id = _post_id(first.url)
    first.get_by_role("heading", name="Your post is waiting for a moderator").wait_for()
    check_page(first)
    # ...a moderator rejects it, and the author appeals.
    _moderator_rejects(app, held_id)
    first.reload()
    first.get_by_role("heading", name="Your post was not published").wait_for()
    check_page(first)
    first.get_by_label("Why should a moderator look again?").fill(
        "I only wanted to help; I will take the number out."
    )
    first.get_by_role("button", name="Send appeal").click()
    first.get_by_text("Your appeal is sent.").wait_for()
    check_page(first)
    assert _status(app, held_id) == "removed"

    # A second browser (another device): edit with the pasted token...
    second = browser.new_context(viewport=PHONE).new_page()
    second.on("pageerror", lambda exc: errors.append(str(exc)))
    second.goto(f"{live_server}/p/{opening_id}/edit")
    check_page(second)
    second.get_by_label("Your private token").fill(opening_token)
    second.get_by_label("Your post").fill("Deleted her number today. Day 4 tomorrow.")
    second.get_by_role("button", name="Save changes").click()
    second.get_by_text("Your changes are saved.").wait_for()
    check_page(second)
    assert "Day 4 tomorrow." in second.locator(f"#p{opening_id} .post-body").inner_text()
    # ...and delete, after pasting the token once into "Your posts from this browser".
    second.get_by_role("link", name="Your posts from this browser").click()
    second.wait_for_url("**/mine")
    check_page(second)
    second.get_by_label("Your private token").fill(opening_token)
    second.get_by_role("button", name="Add my post").click()
    second.get_by_text("This browser now holds the token for that post").wait_for()
    check_page(second)
    second.get_by_role("button", name="Delete this post").click()
    second.get_by_text("Deleted 1 post from this browser.").wait_for()
    check_page(second)
    assert _status(app, opening_id) == "deleted"
    assert errors == []
