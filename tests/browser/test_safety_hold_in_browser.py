"""An author in a real browser (headless Chromium): a post with a private number is held
for their safety, the status page says why kindly (no axe-core violation, fits a phone),
they edit the number out and the post is published."""

from app.live_screener import screen_post
from models import Post, db
from tests.browser.checks import check_page

BODY = (
    "I'm in Leeds too and I know how lonely the evenings get. My number is 07911 123456 "
    "if anyone wants to talk."
)


def test_author_fixes_a_safety_hold_in_the_browser(app, live_server, browser):
    with app.app_context():
        screen_post("warm up")  # the first screening loads the model; the click would wait
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{live_server}/new")
    page.get_by_label("Title").fill("Lonely evenings")
    page.get_by_label("Your story").fill(BODY)
    page.get_by_role("button", name="Post thread").click()

    # A held post's author lands on its status page.
    page.get_by_role("heading", name="We held it to keep you safe").wait_for()
    assert "07911 123456" in page.inner_text("main")  # as written, no country guessed
    check_page(page)
    page.emulate_media(color_scheme="dark")
    check_page(page)
    page.emulate_media(color_scheme="light")

    page.get_by_role("link", name="Edit your post").click()
    body = page.get_by_label("Your post")
    body.fill(body.input_value().replace(" My number is 07911 123456 if anyone wants to talk.", ""))
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("lonely the evenings get").first.wait_for()
    assert "07911" not in page.content()
    assert errors == []
    with app.app_context():
        post = db.session.execute(db.select(Post)).scalars().one()
        assert post.status == "published"
