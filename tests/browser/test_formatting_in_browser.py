"""A person formats a post in Chromium: writes Markdown, presses Preview, sees it,
posts it; then quotes a reply with the Quote link. Every page is checked (axe-core,
390 px). Mend's forum pages load no script, and Preview and Quote are a plain submit
button and a plain link: the last journey makes them with JavaScript switched off
(where axe-core, itself a script, cannot run; the same pages are checked above)."""

from app.forum.writing import create_reply, create_thread
from app.poster_identity import Poster
from tests.browser.checks import check_page

STORY = (
    "Day 30 without him.\n\n"
    "I *finally* slept through the night, **eight hours**.\n\n"
    "> It gets easier\n\n"
    "- walk every morning\n- eat something warm\n\n"
    "[My story in full](https://example.org/my-story)"
)


def test_write_preview_post_and_quote(app, live_server, browser):
    with app.app_context():  # the screener is loaded before the browser waits on it
        poster = Poster(key="browser-test-starter-key-abc", address_hash="t")
        create_thread("Week one", "Every evening is the hardest.", poster)
    page = browser.new_page()
    page.goto(f"{live_server}/new")
    check_page(page)
    assert page.get_by_text("*italic*, **bold**").is_visible()
    page.get_by_label("Title").fill("Thirty days")
    page.get_by_label("Your story").fill(STORY)
    page.get_by_role("button", name="Preview").click()

    preview = page.locator("section.preview")
    preview.wait_for()
    assert preview.locator("em").inner_text() == "finally"
    assert preview.locator("strong").inner_text() == "eight hours"
    assert preview.locator("blockquote").inner_text().strip() == "It gets easier"
    assert preview.locator("li").all_inner_texts() == ["walk every morning", "eat something warm"]
    assert preview.get_by_role("link").inner_text() == "My story in full (example.org)"
    # Nothing was posted: the text waits in the box, as typed.
    assert page.get_by_label("Your story").input_value() == STORY
    assert page.locator("#new-token").count() == 0
    check_page(page)
    page.get_by_role("button", name="Post thread").click()

    opening = page.locator("article.post").first
    opening.wait_for()
    assert opening.locator(".post-body em").inner_text() == "finally"
    assert opening.locator(".post-body a").get_attribute("rel") == "nofollow ugc noopener"
    check_page(page)
    thread_url = page.url.split("#")[0]

    with app.app_context():
        from models import Post, Thread, db

        thread = db.session.execute(db.select(Thread).where(Thread.title == "Thirty days"))
        thread = thread.scalar_one()
        poster = Poster(key="browser-test-replier-key-abc", address_hash="t")
        create_reply(thread, "Thirty days is huge.\nBe proud of the mornings.", poster)
        reply_id = db.session.execute(db.select(Post.id).order_by(Post.id.desc())).scalar()

    # Quote the reply, with scripts on this time, checking each page as a person sees it.
    reader = browser.new_page()
    reader.goto(thread_url)
    check_page(reader)
    reader.locator(f"#p{reply_id}").get_by_role("link", name="Quote").click()
    box = reader.get_by_label("Your reply")
    box.wait_for()
    quoted = box.input_value()
    assert f"(/p/{reply_id}) wrote:\n> Thirty days is huge.\n> Be proud of the mornings." in quoted
    box.press("End")
    box.press_sequentially("Seconded, *every* word.")
    reader.get_by_role("button", name="Preview").click()
    reader.locator("section.preview blockquote").wait_for()
    check_page(reader)
    assert reader.locator("section.preview em").inner_text() == "every"
    reader.get_by_role("button", name="Post reply").click()

    last = reader.locator("article.post").last
    last.wait_for()
    assert last.locator("blockquote").inner_text().startswith("Thirty days is huge.")
    assert last.get_by_role("link").first.get_attribute("href") == f"/p/{reply_id}"
    check_page(reader)


def test_the_help_line_is_under_every_post_box(app, live_server, browser):
    with app.app_context():
        poster = Poster(key="browser-test-starter-key-abc", address_hash="t")
        create_thread("Week one", "Every evening is the hardest.", poster)
    page = browser.new_page()
    for url in ("/new", "/t/1"):
        page.goto(f"{live_server}{url}")
        help_line = page.locator(".format-help")
        assert help_line.inner_text().startswith("Formatting: *italic*, **bold**, > quote")
        box = page.locator("textarea[name=body]")
        assert "body-format" in box.get_attribute("aria-describedby")
        check_page(page)


def test_preview_and_quote_work_without_javascript(app, live_server, browser):
    with app.app_context():
        poster = Poster(key="browser-test-starter-key-abc", address_hash="t")
        create_thread("Week one", "Every evening is the *hardest*.", poster)
    page = browser.new_page(java_script_enabled=False)
    page.goto(f"{live_server}/t/1")
    page.locator("#p1").get_by_role("link", name="Quote").click()
    box = page.get_by_label("Your reply")
    box.wait_for()
    assert "> Every evening is the *hardest*." in box.input_value()
    page.get_by_role("button", name="Preview").click()
    page.locator("section.preview blockquote em").wait_for()
    assert page.locator("section.preview blockquote em").inner_text() == "hardest"
    assert page.locator("article.post").count() == 1  # nothing was posted
