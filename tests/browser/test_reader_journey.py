"""A reader's journey in a real browser (issue 13): the front page, a thread, its pages
both ways by their numbers, a permanent link to a reply, and a report, including the
report that hides a post. Every page visited passes axe-core and fits a 390 px phone."""

from app.forum.writing import create_reply, create_thread
from app.poster_identity import Poster
from tests.browser.checks import PHONE, check_page
from tests.promises.forms import submit_as_rendered

PER_PAGE = 4


def _long_thread(app) -> list[int]:
    """Thread 1 with 11 posts: pages of 4, 4 and 3. Another thread to find it among."""
    with app.app_context():
        create_thread(
            "Moving house alone", "Packing up our flat.", Poster("other-key-abcdef-12", "o")
        )
        opening, _ = create_thread(
            "Six weeks since she left",
            "Some days are fine, some are not.",
            Poster("starter-key-abc-1", "s"),
        )
        ids = [opening.id]
        for n in range(10):
            poster = Poster(f"reader-journey-key-{n:02d}-abc", "r")
            body = f"Reply {n}: it gets easier, slowly."
            ids.append(create_reply(opening.thread, body, poster)[0].id)
    return ids


def _shown(page) -> list[int]:
    return [
        int(i.removeprefix("p"))
        for i in page.locator("article.post").evaluate_all("els => els.map(e => e.id)")
    ]


def _report_elsewhere(app, post_id: int, address: str) -> None:
    """Another reader, on another connection, reports the post through its form."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    response = submit_as_rendered(client, f"/p/{post_id}/report", "/report", {"reason": "abuse"})
    assert response.status_code == 302


def test_a_reader_pages_through_a_thread_follows_a_permalink_and_reports(app, live_server, browser):
    app.config["POSTS_PER_PAGE"] = PER_PAGE
    ids = _long_thread(app)
    thread_id = 2
    page = browser.new_context(viewport=PHONE).new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(f"{live_server}/")
    check_page(page)
    page.get_by_role("link", name="Six weeks since she left").click()
    page.wait_for_url(f"**/t/{thread_id}")
    check_page(page)
    assert _shown(page) == ids[:4]

    # Forwards by page numbers, then back again.
    pager = page.get_by_role("navigation", name="Pages of this thread", exact=True)
    pager.get_by_role("link", name="Page 2", exact=True).click()
    page.wait_for_url("**?page=2")
    check_page(page)
    assert _shown(page) == ids[4:8]
    pager.get_by_role("link", name="Page 3", exact=True).click()
    page.wait_for_url("**?page=3")
    check_page(page)
    assert _shown(page) == ids[8:]
    assert pager.get_by_role("link", name="Later →").count() == 0
    assert pager.locator("[aria-current=page]").inner_text().strip().endswith("3")
    pager.get_by_role("link", name="← Earlier").click()
    page.wait_for_url("**?page=2")
    assert _shown(page) == ids[4:8]
    pager.get_by_role("link", name="Page 1", exact=True).click()
    page.wait_for_url(f"**/t/{thread_id}")
    assert _shown(page) == ids[:4]

    # A permanent link to a reply, pasted into the address bar: its page, at the post.
    reply = ids[9]
    page.goto(f"{live_server}/p/{reply}")
    page.wait_for_url(f"**/t/{thread_id}?page=3#p{reply}")
    check_page(page)
    assert page.locator(f"#p{reply}").is_visible()

    # Report a post on page 2 from its link: a touch target of at least 44 x 44 px.
    page.goto(f"{live_server}/t/{thread_id}?page=2")
    target = ids[5]
    link = page.locator(f"#p{target}").get_by_role("link", name="Report")
    box = link.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, box
    link.click()
    page.wait_for_url(f"**/p/{target}/report")
    check_page(page)
    page.get_by_label("Unkind, harassing or hateful").check()
    page.get_by_role("button", name="Send report").click()
    page.wait_for_url(f"**/t/{thread_id}?page=2#p{target}")
    page.get_by_text("Thank you. A moderator will look at this post.").wait_for()
    check_page(page)
    assert _shown(page) == ids[4:8]  # the thread goes on past the reported post

    # The third report, from a third connection, hides the post: the reader lands on
    # the page where it was, thanked, not on a "not found".
    hidden = ids[6]
    _report_elsewhere(app, hidden, "203.0.113.1")
    _report_elsewhere(app, hidden, "203.0.113.2")
    page.locator(f"#p{hidden}").get_by_role("link", name="Report").click()
    page.get_by_label("Spam or a scam").check()
    page.get_by_role("button", name="Send report").click()
    page.wait_for_url(f"**/t/{thread_id}?page=2")
    page.get_by_text("Thank you. This post is hidden until a moderator looks at it.").wait_for()
    check_page(page)
    assert hidden not in _shown(page) and _shown(page) == [ids[4], ids[5], ids[7], ids[8]]
    assert errors == []
