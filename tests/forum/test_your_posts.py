"""Your posts (/mine): one browser's posts, grouped by thread, each with what became of
it in plain words, and the replies that came since this browser last looked; the
header's "Your posts · N new" link; and a recovery code that brings the posts to
another browser. Two browsers throughout: what one wrote never shows on the other's."""

import re

from sqlalchemy import event

from models import Post, RecoveryCode, db
from tests.conftest import SCAM, remembered_token
from tests.forum.test_safety_holds_and_warnings import PRIVATE
from tests.mod.test_decisions import decide
from tests.promises.forms import submit_as_rendered

CODE_RE = re.compile(r'id="recovery-code">(.*?)</code>', re.S)


def shown_code(html: str) -> str:
    """The recovery code as the page shows it (its groups are spans of their own)."""
    return re.sub(r"<[^>]+>", "", CODE_RE.search(html).group(1))


def latest_post_id(client) -> int:
    with client.application.app_context():
        return db.session.execute(db.select(db.func.max(Post.id))).scalar_one()


def start_thread(client, title: str, body: str) -> int:
    response = submit_as_rendered(client, "/new", "/new", {"title": title, "body": body})
    assert response.status_code == 302
    return latest_post_id(client)


def thread_of(client, post_id: int) -> int:
    with client.application.app_context():
        return db.session.get(Post, post_id).thread_id


def reply(client, thread_id: int, body: str) -> int:
    response = submit_as_rendered(client, f"/t/{thread_id}", "/reply", {"body": body})
    assert response.status_code == 302
    return latest_post_id(client)


def mine(client) -> str:
    response = client.get("/mine")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def entry(page: str, post_id: int) -> str:
    """The text of one post's entry on /mine."""
    match = re.search(rf'<li id="mine-{post_id}">(.*?)</li>', page, re.S)
    assert match, f"post {post_id} is not listed"
    return " ".join(re.sub(r"<[^>]+>", "", match.group(1)).split())


def header(page: str) -> str:
    return page.split('<main id="main"', 1)[0]


def test_each_post_says_what_became_of_it(app, client, moderator):
    other = app.test_client()
    published = start_thread(client, "Week three", "Still sleeping on the sofa.")
    held = start_thread(client, "He came back", SCAM)
    safety = start_thread(client, "Lonely evenings", PRIVATE)
    rejected = start_thread(client, "Spell worked", SCAM)
    appealed = start_thread(client, "Spell worked again", SCAM)
    edited = reply(client, published, "Thank you all for reading.")
    gone = reply(client, published, "Words I took back.")
    not_mine = reply(other, published, "Sending you strength.")

    decide(moderator, [rejected], "reject", note="No contact details, please.")
    decide(moderator, [appealed], "reject")
    assert (
        submit_as_rendered(
            client, f"/p/{appealed}/status", "/appeal", {"message": "It was my own story"}
        ).status_code
        == 302
    )
    assert (
        submit_as_rendered(client, f"/p/{edited}/edit", "/edit", {"body": SCAM}).status_code == 302
    )
    # Deleted from another device holding its token: this browser still lists it.
    phone = app.test_client()
    token = remembered_token(client, gone)
    assert submit_as_rendered(phone, "/mine", "/add-token", {"token": token}).status_code == 302
    assert submit_as_rendered(phone, f"/p/{gone}/delete", "/delete").status_code == 302

    page = mine(client)
    assert entry(page, published).startswith("Published ·")
    assert entry(page, held).startswith("Waiting for a moderator")
    assert entry(page, safety).startswith("Held for your safety")
    assert entry(page, rejected).startswith("Not published by a moderator")
    assert "looked like spam or a scam" in entry(page, rejected)
    assert "No contact details, please." in entry(page, rejected)
    assert entry(page, appealed).startswith("Not published; your appeal is open")
    assert entry(page, edited).startswith("Published; your edit is waiting for a moderator")
    assert entry(page, gone).startswith("Deleted")
    assert "Words I took back." not in page
    assert f'id="mine-{not_mine}"' not in page
    # Grouped by thread: both replies sit under "Week three", with its opening post.
    week_three = page.split('id="own-thread-1"', 1)[1].split("</section>", 1)[0]
    for post_id in (published, edited, gone):
        assert f'id="mine-{post_id}"' in week_three

    # The other browser sees its own reply only.
    theirs = mine(other)
    assert f'id="mine-{not_mine}"' in theirs
    for post_id in (published, held, safety, rejected, appealed, edited, gone):
        assert f'id="mine-{post_id}"' not in theirs


def test_new_replies_are_counted_until_this_browser_looks(app, client):
    thread = start_thread(client, "Week three", "Still sleeping on the sofa.")
    other = app.test_client()
    assert "Your posts" in header(mine(client))
    assert "new-replies" not in header(mine(client))
    assert "Your posts" not in header(other.get("/").get_data(as_text=True))

    reply(other, thread, "It gets lighter, slowly.")
    reply(other, thread, "Same here, month two.")
    page = mine(client)
    assert "2 new replies since you last looked" in page
    assert 'Your posts<span class="new-replies"> · 2 new</span>' in client.get("/").get_data(
        as_text=True
    )
    # The other browser's own reply is not news to it, and it has no thread of its own.
    assert re.search(r"\d+ new repl", mine(other)) is None
    assert "· 2 new" not in other.get("/").get_data(as_text=True)

    # Reading the thread is "looking": the count starts again from there.
    assert client.get(f"/t/{thread}").status_code == 200
    assert re.search(r"\d+ new repl", mine(client)) is None
    assert "No new replies since you last looked." in mine(client)
    reply(other, thread, "Day by day.")
    assert "1 new reply since you last looked" in mine(client)
    assert "· 1 new" in header(client.get("/").get_data(as_text=True))
    # The page that shows the new reply counts it as seen, in its own header too.
    assert "· 1 new" not in header(client.get(f"/t/{thread}").get_data(as_text=True))
    reply(other, thread, "Day by day.")
    # Writing a reply oneself counts as having read up to it.
    reply(client, thread, "Thank you, all of you.")
    assert "No new replies since you last looked." in mine(client)


def test_a_browser_without_tokens_pays_no_query_for_the_link(app, client):
    start_thread(client, "Week three", "Still sleeping on the sofa.")
    reader = app.test_client()
    reader.get("/")

    def statements(browser, path: str) -> int:
        seen = []
        with app.app_context():
            engine = db.engine

        def count(*args):
            seen.append(args[2])

        event.listen(engine, "before_cursor_execute", count)
        try:
            assert browser.get(path).status_code == 200
        finally:
            event.remove(engine, "before_cursor_execute", count)
        return len(seen)

    for path in ("/", "/t/1", "/search?q=sofa"):
        with_tokens, without = statements(client, path), statements(reader, path)
        # The poster's thread page is their own (rendered for them); elsewhere one query.
        if path != "/t/1":
            assert with_tokens <= without + 1, path
        assert "Your posts" not in header(reader.get(path).get_data(as_text=True))
        assert "Your posts" in header(client.get(path).get_data(as_text=True))


def test_a_recovery_code_brings_the_posts_to_another_browser(app, client):
    first = start_thread(client, "Week three", "Still sleeping on the sofa.")
    held = start_thread(client, "He came back", SCAM)
    saved = submit_as_rendered(client, "/mine", "/save-code")
    assert saved.status_code == 200
    assert saved.headers["Cache-Control"] == "no-store"
    code = shown_code(saved.get_data(as_text=True))
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}", code)
    # Shown once: the page afterwards says a code was saved, not which.
    again = mine(client)
    assert code not in again and "You saved a code for 2 posts" in again

    laptop = app.test_client()
    typed = code.lower().replace("-", " ")  # as a person might type it
    restored = submit_as_rendered(laptop, "/mine", "/restore-code", {"code": typed})
    assert restored.status_code == 302
    page = mine(laptop)
    assert "This browser now holds your 2 posts." in page
    assert entry(page, first).startswith("Published")
    assert entry(page, held).startswith("Waiting for a moderator")
    # The laptop can now edit the held post, through the form as rendered.
    edit = submit_as_rendered(
        laptop, f"/p/{first}/edit", "/edit", {"title": "Week three", "body": "Sofa, still."}
    )
    assert edit.status_code == 302

    # A wrong code: a clear message, not found; nonsense: bad request.
    assert "No saved posts have that code" in submit_as_rendered(
        app.test_client(), "/mine", "/restore-code", {"code": "0" * 25}
    ).get_data(as_text=True)
    nonsense = submit_as_rendered(app.test_client(), "/mine", "/restore-code", {"code": "hello"})
    assert nonsense.status_code == 400
    assert "That is not a recovery code" in nonsense.get_data(as_text=True)


def test_saving_again_replaces_the_code_and_deleting_everything_drops_it(app, client):
    start_thread(client, "Week three", "Still sleeping on the sofa.")
    old = shown_code(submit_as_rendered(client, "/mine", "/save-code").get_data(as_text=True))
    new = shown_code(submit_as_rendered(client, "/mine", "/save-code").get_data(as_text=True))
    assert old != new
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(RecoveryCode.id))).scalar_one() == 1
    stale = submit_as_rendered(app.test_client(), "/mine", "/restore-code", {"code": old})
    assert stale.status_code == 404

    assert (
        submit_as_rendered(client, "/mine", "/mine", button="Delete this post").status_code == 302
    )
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(RecoveryCode.id))).scalar_one() == 0
    ended = submit_as_rendered(app.test_client(), "/mine", "/restore-code", {"code": new})
    assert ended.status_code == 404
