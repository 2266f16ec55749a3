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
