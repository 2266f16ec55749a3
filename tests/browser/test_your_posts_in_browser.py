"""Your posts in real browsers: a poster writes from one browser, sees each post's
status at /mine, saves a recovery code, and restores the posts in a second browser;
when someone replies, both show "Your posts · 1 new" in the header, and reading the
thread clears it. Every page visited passes axe-core and fits 390 px."""

from app.live_screener import screen_post
from tests.browser.checks import PHONE, check_page
from tests.browser.test_poster_journey import HELD_REPLY


def _badge(page) -> str:
    link = page.locator("header.site-header .your-posts")
    return link.inner_text().strip() if link.count() else ""


def _lines_of_each_group(code) -> list[set[int]]:
    """For each dash-separated group of the code as shown, the lines (their top edges, in
    pixels) its characters are drawn on: measured per character, whatever the markup."""
    characters = code.evaluate(
        """(element) => {
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          const shown = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let i = 0; i < node.length; i++) {
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const box = range.getBoundingClientRect();
              if (box.width > 0) shown.push([node.data[i], Math.round(box.top)]);
            }
          }
          return shown;
        }"""
    )
    groups: list[set[int]] = [set()]
    for character, top in characters:
        if character == "-":
            groups.append(set())
        elif not character.isspace():
            groups[-1].add(top)
    return groups


def test_a_poster_saves_their_posts_and_finds_them_in_another_browser(app, live_server, browser):
    with app.app_context():
        screen_post("warm up")  # the first screening loads the model; the click would wait
    phone = browser.new_context(viewport=PHONE).new_page()
    phone.set_default_timeout(90_000)  # two cores shared by many: pages can be slow
    errors = []
    phone.on("pageerror", lambda exc: errors.append(str(exc)))

    phone.goto(f"{live_server}/new")
    phone.get_by_label("Title").fill("Day 3 of no contact")
    phone.get_by_label("Your story").fill("Deleted her number today. Hardest thing so far.")
    phone.get_by_role("button", name="Post thread").click()
    phone.wait_for_url("**/t/*#p*")
    thread_url = phone.url.split("#")[0]
    phone.get_by_label("Your reply").fill(HELD_REPLY)
    phone.get_by_role("button", name="Post reply").click()
    phone.wait_for_url("**/p/*/status")

    # The footer's link leads to every post from this browser, with its status.
    phone.get_by_role("link", name="Your posts from this browser").click()
    phone.wait_for_url("**/mine")
    check_page(phone)
    states = phone.locator(".post-state").all_inner_texts()
    assert sorted(states) == ["Published", "Waiting for a moderator"]
    assert _badge(phone) == "Your posts"

    # Save my posts: one code, shown once.
    phone.get_by_role("button", name="Save my posts").click()
    phone.locator("#recovery-code").wait_for()
    check_page(phone)
    code = phone.locator("#recovery-code").inner_text().strip()
    assert len(code) == 29
    # At 390 px the code takes two lines or more, but no group of five is split.
    lines = _lines_of_each_group(phone.locator("#recovery-code"))
    assert len(lines) == 5 and all(len(tops) == 1 for tops in lines), lines
    phone.goto(f"{live_server}/mine")
    assert phone.locator("#recovery-code").count() == 0
    phone.get_by_text("You saved a code for 2 posts").wait_for()

    # Another browser restores them from the code, typed as a person might.
    laptop = browser.new_context().new_page()
    laptop.set_default_timeout(90_000)
    laptop.on("pageerror", lambda exc: errors.append(str(exc)))
    laptop.goto(f"{live_server}/mine")
    check_page(laptop)
    laptop.get_by_label("Your recovery code").fill("not a code")
    laptop.get_by_role("button", name="Restore my posts").click()
    laptop.get_by_text("That is not a recovery code").wait_for()
    check_page(laptop)
    laptop.get_by_label("Your recovery code").fill(code.lower().replace("-", " "))
    laptop.get_by_role("button", name="Restore my posts").click()
    laptop.get_by_text("This browser now holds your 2 posts.").wait_for()
    check_page(laptop)
    assert sorted(laptop.locator(".post-state").all_inner_texts()) == [
        "Published",
        "Waiting for a moderator",
    ]

    # Someone replies: both browsers see it in their header, wherever they are.
    stranger = browser.new_context().new_page()
    stranger.set_default_timeout(90_000)
    stranger.goto(thread_url)
    stranger.get_by_label("Your reply").fill("It gets lighter, slowly. Keep going.")
    stranger.get_by_role("button", name="Post reply").click()
    stranger.wait_for_url("**/t/*#p*")
    assert _badge(stranger) == "Your posts"  # their own reply is no news to them
    for page in (phone, laptop):
        page.goto(f"{live_server}/")
        assert _badge(page) == "Your posts · 1 new"
        check_page(page)

    laptop.locator("header.site-header .your-posts").click()
    laptop.wait_for_url("**/mine")
    laptop.get_by_text("1 new reply since you last looked").wait_for()
    laptop.get_by_role("link", name="Day 3 of no contact").click()
    laptop.wait_for_url("**/t/*")
    laptop.get_by_text("It gets lighter, slowly.").wait_for()
    check_page(laptop)
    assert _badge(laptop) == "Your posts"
    # The phone has not looked yet.
    phone.goto(f"{live_server}/mine")
    phone.get_by_text("1 new reply since you last looked").wait_for()
    assert errors == []
