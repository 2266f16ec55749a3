"""A moderator's journeys through the queue in Debian's Chromium: by mouse, by keyboard
only, without script, and two moderators at once. Every page a journey visits is
checked with axe-core and at a 390 px phone width (``check_page``)."""

import re

import pytest

from app.forum.writing import create_thread
from app.poster_identity import Poster
from models import Post, PostStatus, db
from tests.browser.checks import check_page
from tests.conftest import SCAM, STAFF_PASSWORD, make_staff

CARE = "Since he left, some nights I don't want to wake up any more."


def _held_scams(app, count: int, tag: str = "scam") -> list[int]:
    ids = []
    with app.app_context():
        for n in range(count):
            poster = Poster(key=f"browser-{tag}-key-{n:04d}-padding", address_hash=f"{tag}{n}")
            post, _ = create_thread(f"He came back {tag} {n}", SCAM, poster)
            assert post.status == PostStatus.HELD
            ids.append(post.id)
    return ids


def _care_post(app) -> int:
    with app.app_context():
        poster = Poster(key="browser-care-key-0000-padding", address_hash="care")
        post, _ = create_thread("Hard nights", CARE, poster)
        assert post.care and post.status == PostStatus.PUBLISHED
        return post.id


def _log_in(browser, live_server, username="mo", script=True):
    context = browser.new_context(java_script_enabled=script)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{live_server}/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.locator("h1").wait_for()
    page.errors = errors
    return page


def _statuses(app, ids: list[int]) -> list[str]:
    with app.app_context():
        return [db.session.get(Post, post_id).status for post_id in ids]


def _focused(page) -> str:
    return page.evaluate(
        "(() => { const e = document.activeElement;"
        " return e.tagName + '|' + (e.id || '') + '|' + e.textContent.trim().slice(0, 40); })()"
    )


def test_by_mouse_filters_bulk_with_confirmation_undo_and_check_in(app, live_server, browser):
    make_staff(app, "mo")
    ids = _held_scams(app, 3)
    care_id = _care_post(app)
    page = _log_in(browser, live_server)
    page.goto(f"{live_server}/mod/queue")
    check_page(page)

    # Every filter, each with its count, each checked.
    for name in ("Held", "Reported", "Appeals", "Edits waiting", "Care", "All"):
        page.get_by_role("navigation", name="Queue filters").get_by_role(
            "link", name=re.compile(f"^{name} ")
        ).click()
        page.wait_for_load_state()
        check_page(page)
    tabs = page.get_by_role("navigation", name="Queue filters").inner_text()
    assert "Held 3" in tabs and "Reported 0" in tabs

    # Tick two, press the bulk Approve: asked first, with the count.
    for post_id in ids[:2]:
        page.get_by_label(f"Select post {post_id}").check()
    page.locator("#bulk").get_by_role("button", name="Approve ticked posts").click()
    dialog = page.get_by_role("dialog", name="Approve 2 posts?")
    dialog.wait_for()
    check_page(page)
    assert _statuses(app, ids) == ["held"] * 3
    dialog.get_by_role("link", name="Cancel, change nothing").click()
    assert not dialog.is_visible() and _statuses(app, ids) == ["held"] * 3

    page.locator("#bulk").get_by_role("button", name="Approve ticked posts").click()
    dialog.get_by_role("button", name="Approve 2 posts").click()
    page.get_by_text("2 posts approved.").wait_for()
    assert _statuses(app, ids) == ["published", "published", "held"]

    # Undo one from the log: the dialog says what will change.
    page.get_by_role("link", name="Log", exact=True).click()
    page.locator("table.log").wait_for()
    check_page(page)
    page.get_by_role("link", name=re.compile(f"^Undo #\\d+, approve of post {ids[0]}$")).click()
    undo = page.get_by_role("dialog", name=re.compile(r"^Undo decision #\d+\?$"))
    undo.wait_for()
    assert "goes from published back to held" in undo.inner_text()
    assert "label goes from ham to none" in undo.inner_text()
    check_page(page)
    undo.get_by_role("button", name=re.compile("^Undo decision")).click()
    page.get_by_text(re.compile(r"Decision #\d+ is undone\.")).wait_for()
    assert _statuses(app, ids) == ["held", "published", "held"]

    # Check in: the care post, marked as seen.
    page.get_by_role("link", name=re.compile("^Check in")).click()
    page.locator(f"#note-{care_id}").wait_for()
    check_page(page)
    page.get_by_role("button", name="Mark as seen").click()
    page.get_by_text("1 post marked as seen.").wait_for()
    check_page(page)
    assert page.errors == []


def test_by_keyboard_only_keys_ticks_confirmations_and_undo(app, live_server, browser):
    make_staff(app, "mo")
    ids = _held_scams(app, 3)
    page = _log_in(browser, live_server)
    page.locator("ol.queue").wait_for()

    page.keyboard.press("?")
    keys = page.get_by_role("dialog", name="Keys in the queue")
    keys.wait_for()
    assert "undo your last decision" in keys.inner_text()
    check_page(page)
    page.keyboard.press("Escape")
    assert not keys.is_visible()

    # The queue sorts by score, then id: the three scams score alike.
    page.keyboard.press("j")
    assert _focused(page).startswith(f"LI|q{ids[0]}|")
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    page.keyboard.press("k")
    assert _focused(page).startswith(f"LI|q{ids[0]}|")
    assert page.locator("input.pick:checked").count() == 2

    page.keyboard.press("a")
    ask = page.get_by_role("dialog", name="Approve 2 posts?")
    ask.wait_for()
    # Cancel has the focus: "a" then Enter (the guide's "Enter in the queue published
    # scams") closes the dialog and changes nothing.
    assert _focused(page).startswith("A||Cancel, change nothing")
    assert "Shift+Tab, then Enter, confirms" in page.locator("#keys-dialog").inner_text()
    page.keyboard.press("Enter")
    page.wait_for_function("!document.querySelector('dialog[open]')")
    page.wait_for_timeout(300)
    assert _statuses(app, ids) == ["held"] * 3
    page.keyboard.press("a")
    ask.wait_for()
    page.keyboard.press("Escape")  # changed their mind
    assert _statuses(app, ids) == ["held"] * 3
    page.keyboard.press("a")
    ask.wait_for()
    page.keyboard.press("Shift+Tab")
    assert _focused(page).startswith("BUTTON||Approve 2 posts")
    page.keyboard.press("Enter")
    page.get_by_text("2 posts approved.").wait_for()
    assert _statuses(app, ids) == ["published", "published", "held"]

    # One key on the current post, no ticks: still asked. (The keys work once the
    # reloaded queue's script has run.)
    page.wait_for_load_state("load")
    page.keyboard.press("j")
    page.wait_for_function(f"document.activeElement && document.activeElement.id == 'q{ids[2]}'")
    page.keyboard.press("r")
    page.get_by_role("dialog", name="Reject as spam 1 post?").wait_for()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.get_by_text("1 post rejected as spam.").wait_for()
    assert _statuses(app, ids)[2] == "removed"

    # u: the last decision, what will change, then undone.
    page.wait_for_load_state("load")
    page.keyboard.press("u")
    undo = page.get_by_role("dialog", name=re.compile(r"^Undo decision #\d+\?$"))
    undo.wait_for()
    assert f"Post #{ids[2]}" in undo.inner_text() and "back to held" in undo.inner_text()
    check_page(page)
    assert _focused(page).startswith("A||Cancel, change nothing")
    page.keyboard.press("Shift+Tab")
    assert _focused(page).startswith("BUTTON||Undo decision")
    page.keyboard.press("Enter")
    page.get_by_text(re.compile(r"Decision #\d+ is undone\.")).wait_for()
    assert _statuses(app, ids)[2] == "held"
    check_page(page)
    assert page.errors == []


def test_keys_do_nothing_while_typing_a_note(app, live_server, browser):
    make_staff(app, "mo")
    (post_id,) = _held_scams(app, 1)
    page = _log_in(browser, live_server)
    page.locator(f"#p{post_id}-note").focus()
    page.keyboard.type("just a bad day?")
    page.wait_for_timeout(300)
    assert page.locator(f"#p{post_id}-note").input_value() == "just a bad day?"
    assert page.locator("dialog[open]").count() == 0
    page.locator(f"#p{post_id}-reason").focus()
    page.keyboard.press("a")
    page.wait_for_timeout(300)
    assert page.locator("dialog[open]").count() == 0
    assert _statuses(app, [post_id]) == ["held"]


def test_the_first_approve_is_a_few_tabs_away(app, live_server, browser):
    """It took 21 Tabs; the skip link goes to the first post."""
    make_staff(app, "mo")
    (post_id,) = _held_scams(app, 1)
    page = _log_in(browser, live_server)
    page.locator("ol.queue").wait_for()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert "Skip to the first post" in _focused(page)
    page.keyboard.press("Enter")
    tabs = 2
    while not _focused(page).startswith("BUTTON||Approve"):
        page.keyboard.press("Tab")
        tabs += 1
        assert tabs < 10, _focused(page)
    assert page.evaluate("document.activeElement.form.querySelector('[name=post_id]').value") == (
        str(post_id)
    )


def _check_without_script(page, checker) -> None:
    """``check_page`` on what a script-less page shows. axe-core is script, which such a
    page cannot run: the same HTML goes into a page that can, at the same address."""
    checker.goto(page.url)
    checker.set_content(page.content())
    check_page(checker)


def test_without_script_bulk_and_undo_confirm_on_a_page(app, live_server, browser):
    make_staff(app, "mo")
    ids = _held_scams(app, 2)
    page = _log_in(browser, live_server, script=False)
    checker = browser.new_context().new_page()
    checker.context.add_cookies(page.context.cookies())
    for post_id in ids:
        page.get_by_label(f"Select post {post_id}").check()
    page.locator("#bulk").get_by_role("button", name="Reject as spam ticked posts").click()
    page.get_by_role("heading", name="Reject as spam 2 posts?").wait_for()
    _check_without_script(page, checker)
    assert _statuses(app, ids) == ["held", "held"]
    page.get_by_role("button", name="Reject as spam 2 posts").click()
    page.get_by_text("2 posts rejected as spam.").wait_for()
    assert _statuses(app, ids) == ["removed", "removed"]

    page.get_by_role("link", name=re.compile("^Undo your last decision")).click()
    page.get_by_role("heading", name=re.compile(r"^Undo decision #\d+\?$")).wait_for()
    _check_without_script(page, checker)
    page.get_by_role("button", name=re.compile("^Undo decision")).click()
    page.get_by_text(re.compile(r"Decision #\d+ is undone\.")).wait_for()
    assert sorted(_statuses(app, ids)) == ["held", "removed"]


def test_two_moderators_see_who_has_a_post_and_never_decide_it_twice(app, live_server, browser):
    make_staff(app, "mo")
    make_staff(app, "bo")
    (post_id,) = _held_scams(app, 1)
    mo = _log_in(browser, live_server, "mo")
    mo.locator("ol.queue").wait_for()
    with mo.expect_response(re.compile(f"/mod/queue/{post_id}/claim$")):
        mo.keyboard.press("j")

    bo = _log_in(browser, live_server, "bo")
    entry = bo.locator(f"#q{post_id}")
    assert "mo is looking at this" in entry.inner_text()
    check_page(bo)
    entry.get_by_role("button", name=f"Approve post {post_id}").click()
    bo.get_by_text("1 post approved.").wait_for()

    # mo's page was loaded before bo decided: mo's rejection changes nothing.
    mo.locator(f"#q{post_id}").get_by_role("button", name=f"Reject as spam post {post_id}").click()
    mo.get_by_text(f"Post #{post_id} was already decided by bo (approved)").wait_for()
    assert _statuses(app, [post_id]) == ["published"]


@pytest.mark.parametrize("path", ["/mod/log", "/mod/queue?view=care", "/mod/check-in"])
def test_staff_pages_fit_a_phone_and_pass_axe_when_empty(app, live_server, browser, path):
    make_staff(app, "mo")
    page = _log_in(browser, live_server)
    page.goto(f"{live_server}{path}")
    check_page(page)


def test_the_log_with_decisions_fits_a_phone(app, live_server, browser):
    """/mod/log was 544 px wide at 390 px, and its last column had no header."""
    make_staff(app, "mo")
    ids = _held_scams(app, 2)
    page = _log_in(browser, live_server)
    for post_id in ids:
        entry = page.locator(f"#q{post_id}")
        entry.get_by_placeholder("Note (optional)").fill("a very long note " * 8)
        entry.get_by_role("button", name=f"Ban poster of post {post_id}").click()
        page.get_by_text("1 post removed").wait_for()
    page.goto(f"{live_server}/mod/log")
    page.locator("table.log").wait_for()
    check_page(page)


def _tab_to(page, starts: str, limit: int = 60) -> int:
    """Press Tab until the focused element's "TAG|id|text" starts with ``starts``."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if _focused(page).startswith(starts):
            return presses
    raise AssertionError(f"{starts!r} not reached in {limit} Tabs; at {_focused(page)}")


def test_by_keyboard_only_filters_undo_from_the_log_and_check_in(app, live_server, browser):
    make_staff(app, "mo")
    (post_id,) = _held_scams(app, 1)
    care_id = _care_post(app)
    page = _log_in(browser, live_server)
    page.locator("ol.queue").wait_for()

    _tab_to(page, "A||Held")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"view=held"))
    check_page(page)
    _tab_to(page, f"BUTTON||Reject as spam post {post_id}")  # its own: no question
    page.keyboard.press("Enter")
    page.get_by_text("1 post rejected as spam.").wait_for()

    _tab_to(page, "A||Log")
    page.keyboard.press("Enter")
    page.locator("table.log").wait_for()
    _tab_to(page, "A||Undo")
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=re.compile(r"^Undo decision #\d+\?$"))
    dialog.wait_for()
    assert f"Post #{post_id}" in dialog.inner_text()
    page.keyboard.press("Shift+Tab")  # from Cancel, which has the focus, to Undo
    page.keyboard.press("Enter")
    page.get_by_text(re.compile(r"Decision #\d+ is undone\.")).wait_for()
    assert _statuses(app, [post_id]) == ["held"]

    _tab_to(page, "A||Check in")
    page.keyboard.press("Enter")
    page.locator(f"#note-{care_id}").wait_for()
    _tab_to(page, "BUTTON||Mark as seen")
    page.keyboard.press("Enter")
    page.get_by_text("1 post marked as seen.").wait_for()
    check_page(page)
    assert page.errors == []
