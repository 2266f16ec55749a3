"""Enter in the moderators' queue never acts: it used to submit the form's first button,
Approve, so ticking two held scams with Space and pressing Enter published them."""

import pytest

from app.forum.writing import create_thread
from app.poster_identity import Poster
from models import Post, PostStatus, db
from tests.conftest import SCAM, STAFF_PASSWORD, make_staff


def _held_scams(app, count: int) -> list[int]:
    ids = []
    with app.app_context():
        for n in range(count):
            poster = Poster(key=f"browser-enter-scammer-key-{n:04d}", address_hash="e")
            post, _ = create_thread(f"He came back {n}", SCAM, poster)
            assert post.status == PostStatus.HELD
            ids.append(post.id)
    return ids


def _queue_page(app, live_server, browser, script=True):
    make_staff(app, "mo")
    page = browser.new_context(java_script_enabled=script).new_page()
    page.goto(f"{live_server}/login")
    page.get_by_label("Username").fill("mo")
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.locator("ol.queue").wait_for()
    return page


def _statuses(app, ids: list[int]) -> set[str]:
    with app.app_context():
        return {db.session.get(Post, post_id).status for post_id in ids}


@pytest.mark.parametrize("where", ["tick boxes", "bulk note", "one post's note"])
def test_enter_in_the_queue_publishes_nothing(app, live_server, browser, where):
    ids = _held_scams(app, 2)
    page = _queue_page(app, live_server, browser)
    if where == "tick boxes":
        for post_id in ids:
            box = page.locator(f"#q{post_id} input.pick")
            box.focus()
            page.keyboard.press("Space")
            assert box.is_checked()
    elif where == "bulk note":
        for post_id in ids:
            page.locator(f"#q{post_id} input.pick").check()
        page.locator("#bulk-note").focus()
        page.keyboard.type("looks like a scam")
    else:
        page.locator(f"#p{ids[0]}-note").focus()
        page.keyboard.type("looks like a scam")
    page.keyboard.press("Enter")
    page.wait_for_timeout(700)  # time enough for a submission to come back
    assert "approved" not in page.locator("main").inner_text()
    assert _statuses(app, ids) == {PostStatus.HELD}


def test_a_click_on_approve_still_approves(app, live_server, browser):
    (post_id,) = _held_scams(app, 1)
    page = _queue_page(app, live_server, browser)
    page.locator(f"#q{post_id}").get_by_role("button", name="Approve").click()
    page.get_by_text("1 post approved.").wait_for()
    assert _statuses(app, [post_id]) == {PostStatus.PUBLISHED}


@pytest.mark.parametrize("where", ["#bulk-note", "#p{id}-note"])
def test_without_script_enter_sends_nothing_to_decide(app, live_server, browser, where):
    ids = _held_scams(app, 2)
    page = _queue_page(app, live_server, browser, script=False)
    for post_id in ids:
        page.locator(f"#q{post_id} input.pick").check()
    page.locator(where.format(id=ids[0])).focus()
    page.keyboard.type("looks like a scam")
    page.keyboard.press("Enter")
    page.get_by_text("Nothing was changed: Enter does not act here.").wait_for()
    assert _statuses(app, ids) == {PostStatus.HELD}
