"""A moderator follows "3 posts with the same wording" from the queue, unticks one post
of the campaign, reads the confirmation and confirms: that post is left untouched
(issue 13 item 2). Every page is checked with axe-core and at phone width."""

from app.forum.writing import create_thread
from app.poster_identity import Poster
from models import Ban, Post, db
from tests.browser.checks import check_page
from tests.conftest import STAFF_PASSWORD, make_staff
from tests.mod.test_campaigns import WAVE, WAVE_CONTACTS


def test_a_moderator_rejects_a_campaign_with_one_post_left_out(app, live_server, browser):
    make_staff(app, "mo")
    ids = []
    with app.app_context():
        for n, (name, phone) in enumerate(WAVE_CONTACTS):
            poster = Poster(key=f"browser-campaign-key-{n:04d}", address_hash=f"a{n}")
            post, _ = create_thread(
                f"He came back {n}", WAVE.format(name=name, phone=phone), poster
            )
            assert post.status == "held"
            ids.append(post.id)
    kept = ids[1]

    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{live_server}/login")
    page.get_by_label("Username").fill("mo")
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Log in").click()

    link = page.locator(f"#q{ids[0]}").get_by_role("link", name="3 posts with the same wording")
    link.wait_for()
    check_page(page)
    link.click()

    page.get_by_role("heading", name=f"Posts linked to post #{ids[0]}").wait_for()
    check_page(page)
    box = page.get_by_label(f"Reject post #{kept}")
    assert box.is_checked()
    box.uncheck()
    page.get_by_role("button", name="Review what will change").click()

    page.get_by_role("heading", name="Reject 2 posts, ban 2 posters?").wait_for()
    check_page(page)
    untouched = page.locator("ul.plan").last.inner_text()
    assert f"#{kept} ·" in untouched
    with app.app_context():
        assert {db.session.get(Post, i).status for i in ids} == {"held"}  # nothing yet
    page.get_by_role("button", name="Reject 2 posts, ban 2 posters").click()

    page.get_by_text("2 posts rejected, 2 posters banned").wait_for()
    check_page(page)
    assert page.locator(f"#q{kept}").count() == 1
    assert errors == []
    with app.app_context():
        statuses = [(db.session.get(Post, i).status, db.session.get(Post, i).label) for i in ids]
        assert statuses == [("removed", "spam"), ("held", None), ("removed", "spam")]
        banned = set(db.session.execute(db.select(Ban.poster_hash)).scalars())
        assert db.session.get(Post, kept).poster_hash not in banned
        assert len(banned) == 2
