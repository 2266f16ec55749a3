"""A scammer's journey in a real browser (issue 13): a scam posted as a thread and as a
reply is "waiting for a moderator" for its author, and nowhere for other readers, in
another browser. Every page visited passes axe-core and fits a 390 px phone."""

from app.forum.writing import create_thread
from app.poster_identity import Poster
from tests.browser.checks import PHONE, check_page
from tests.conftest import SCAM

WAITING = "Your post is waiting for a moderator"


def test_a_scam_waits_for_a_moderator_and_no_one_else_sees_it(app, live_server, browser):
    with app.app_context():
        opening, _ = create_thread(
            "Two months on", "I keep checking his profile.", Poster("genuine-key-abcdefgh", "g")
        )
        thread_id = opening.thread_id
    scammer = browser.new_context(viewport=PHONE).new_page()
    errors = []
    scammer.on("pageerror", lambda exc: errors.append(str(exc)))

    # A scam as a new thread: its author is told it waits for a moderator.
    scammer.goto(f"{live_server}/new")
    check_page(scammer)
    scammer.get_by_label("Title").fill("He came back in 48 hours!")
    scammer.get_by_label("Your story").fill(SCAM)
    scammer.get_by_role("button", name="Post thread").click()
    scammer.wait_for_url("**/p/*/status")
    scam_thread_status = scammer.url
    scammer.get_by_role("heading", name=WAITING).wait_for()
    check_page(scammer)

    # A scam as a reply: the same, and in the thread only its author sees it, marked.
    scammer.goto(f"{live_server}/t/{thread_id}")
    scammer.get_by_label("Your reply").fill(SCAM)
    scammer.get_by_role("button", name="Post reply").click()
    scammer.wait_for_url("**/p/*/status")
    scam_reply_id = int(scammer.url.split("/p/")[1].split("/")[0])
    scammer.get_by_role("heading", name=WAITING).wait_for()
    check_page(scammer)
    scammer.goto(f"{live_server}/t/{thread_id}")
    own = scammer.locator(f"#p{scam_reply_id}")
    assert "Only you can see this post: it is waiting for a moderator." in own.inner_text()
    check_page(scammer)

    # Another reader, in a browser of their own, sees none of it.
    reader = browser.new_context(viewport=PHONE).new_page()
    reader.on("pageerror", lambda exc: errors.append(str(exc)))
    reader.goto(f"{live_server}/")
    check_page(reader)
    assert "He came back" not in reader.locator("main").inner_text()
    reader.get_by_role("link", name="Two months on").click()
    reader.wait_for_url(f"**/t/{thread_id}")
    check_page(reader)
    assert reader.locator("article.post").count() == 1
    assert "Dr Obodo" not in reader.content() and "WhatsApp" not in reader.content()
    # Its links answer as if the posts had never been written.
    for url in (f"/p/{scam_reply_id}", f"/p/{scam_reply_id}/status", scam_thread_status):
        response = reader.goto(url if url.startswith("http") else f"{live_server}{url}")
        assert response.status == 404, url
    check_page(reader)
    assert errors == []
