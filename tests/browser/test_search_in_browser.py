"""A reader types in the header's search box, presses Enter and opens a result, in a real
browser; every page on the way passes axe-core and fits a phone screen."""

from app.forum.writing import create_reply, create_thread
from app.poster_identity import Poster
from tests.browser.checks import check_page


def test_a_reader_finds_a_post_from_the_header_box(app, live_server, browser):
    with app.app_context():
        starter = Poster(key="browser-search-starter-key-abc", address_hash="t")
        post, _ = create_thread("Sunday walks by the canal", "The canal was our place.", starter)
        other = Poster(key="browser-search-other-key-xyz", address_hash="u")
        create_reply(post.thread, "I walk by a canal too, <b>every</b> Sunday.", other)
        create_thread("Cooking for one", "Nothing tastes right yet.", starter)

    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{live_server}/")
    check_page(page)  # the header with its search box
    box = page.get_by_role("searchbox", name="Search posts")
    box.fill("canal")
    box.press("Enter")
    page.wait_for_url("**/search?q=canal")
    hits = page.locator("li.hit")
    assert hits.count() == 2
    assert page.locator("li.hit mark").first.inner_text().lower() == "canal"
    assert page.locator("li.hit b").count() == 0  # the reply's markup shows as text
    check_page(page)

    hits.first.get_by_role("link").click()
    page.wait_for_url("**/t/*")
    assert "Sunday walks by the canal" in page.locator("h1").inner_text()
    check_page(page)

    # Threads only, from the results page's own form.
    page.goto(f"{live_server}/search?q=canal")
    page.get_by_label("Threads only").check()
    page.get_by_role("button", name="Search").last.click()
    page.wait_for_url("**threads=1**")
    assert page.locator("li.hit").count() == 1
    check_page(page)

    # Nothing to search for: a friendly page, also accessible.
    page.goto(f"{live_server}/search?q=%22%22%22(((")
    assert "no words to search for" in page.locator("main").inner_text()
    check_page(page)
    assert errors == []


# What has the keyboard's focus, and whether its focus ring shows.
FOCUSED = """() => {
  const e = document.activeElement, style = getComputedStyle(e);
  const name = e.labels && e.labels.length ? e.labels[0].textContent : e.textContent;
  return {
    what: e.tagName + (e.id ? "#" + e.id : "") + " " + name.trim(),
    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
  };
}"""


def tab_to(page, wanted, most: int, key: str = "Tab") -> int:
    """Press ``key`` until the focused element's description contains ``wanted``; every
    stop on the way shows a focus ring. How many presses it took."""
    for presses in range(1, most + 1):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED)
        assert focused["ring"], f"no focus ring on {focused['what']}"
        if wanted in focused["what"]:
            return presses
    raise AssertionError(f"{wanted!r} not reached in {most} presses of {key}")


def test_a_reader_searches_by_keyboard_alone_in_the_dark(app, live_server, browser):
    """No mouse: Tab to the header's box, type, Enter; tick Threads only with Space and
    search again; skip the header, Tab to a result and open it with Enter. In the dark scheme, so
    check_page runs axe-core in full there and its colour rules in the light one."""
    with app.app_context():
        starter = Poster(key="keyboard-search-starter-abc", address_hash="k")
        post, _ = create_thread("Night walks by the river", "The river calms me down.", starter)
        other = Poster(key="keyboard-search-other-xyz", address_hash="l")
        create_reply(post.thread, "I walk by the river at night as well.", other)

    page = browser.new_context(color_scheme="dark").new_page()
    page.goto(f"{live_server}/")
    check_page(page)
    assert tab_to(page, "INPUT#site-search-q", most=3) <= 3  # after the skip link and name
    page.keyboard.type("river")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=river")
    assert page.locator("li.hit").count() == 2
    check_page(page)

    tab_to(page, "INPUT Threads only", most=10)  # the results page's own form
    page.keyboard.press("Space")
    assert page.get_by_label("Threads only").is_checked()
    tab_to(page, "BUTTON Search", most=2, key="Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**threads=1**")
    assert page.locator("li.hit").count() == 1
    check_page(page)

    tab_to(page, "Skip to content", most=1)  # past the header, to the results
    page.keyboard.press("Enter")
    tab_to(page, "A Night walks by the river", most=4)
    page.keyboard.press("Enter")
    page.wait_for_url("**/t/*")
    assert "Night walks by the river" in page.locator("h1").inner_text()
    check_page(page)
