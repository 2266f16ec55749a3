"""Promise: "Held posts are visible only to their author" (README), and likewise posts a
moderator removed and posts hidden by readers' reports.

The attacker has no token, only the post ids, which are small numbers anyone can count
to. They forge the ``mend_tokens`` cookie that a posting browser keeps, with any token
at all for one id or for a long list of them, and read every page that could show a post.
"""

import pytest

from models import Post, PostStatus, db
from tests.conftest import SCAM, submit

HELD_TITLE = "Love spell that worked overnight"
GENUINE = "Six weeks out and the evenings are still the worst part of the day."
OPENING = "Day 40 and still counting the mornings"


def _forged(client, pairs: str):
    client.set_cookie("mend_tokens", pairs)
    return client


def _held_thread(app, author) -> int:
    """A scam thread held for a moderator; returns the held opening post's id."""
    submit(author, "/new", {"title": HELD_TITLE, "body": SCAM})
    with app.app_context():
        post = db.session.execute(db.select(Post).order_by(Post.id.desc())).scalars().first()
        assert post.status == PostStatus.HELD
        return post.id


def _held_reply(app, author, thread_id: int) -> int:
    submit(author, f"/t/{thread_id}", {"body": SCAM}, f"/t/{thread_id}/reply")
    with app.app_context():
        post = db.session.execute(db.select(Post).order_by(Post.id.desc())).scalars().first()
        assert post.status == PostStatus.HELD
        return post.id


@pytest.fixture
def held(app, client, post_thread):
    """A published thread with a held reply in it, and a held thread of its own."""
    post_thread(OPENING, GENUINE)
    reply_id = _held_reply(app, app.test_client(), 1)
    thread_post_id = _held_thread(app, app.test_client())
    with app.app_context():
        held_thread_id = db.session.get(Post, thread_post_id).thread_id
    return {"reply": reply_id, "thread_post": thread_post_id, "thread": held_thread_id}


def _pages(held) -> list[str]:
    return [
        "/",
        "/t/1",
        "/t/1?last=1",
        f"/t/{held['thread']}",
        f"/p/{held['reply']}",
        f"/p/{held['reply']}/status",
        f"/p/{held['reply']}/edit",
        f"/p/{held['reply']}/delete",
        f"/p/{held['thread_post']}",
        f"/p/{held['thread_post']}/status",
        f"/p/{held['thread_post']}/edit",
        f"/p/{held['thread_post']}/delete",
    ]


def _assert_nothing_held_shows(client, held) -> None:
    for url in _pages(held):
        response = client.get(url, follow_redirects=True)
        page = response.get_data(as_text=True)
        assert "drobodo" not in page and "Obodo" not in page, url
        assert HELD_TITLE not in page, url
        assert "Only you can see this post" not in page, url
        assert response.status_code in (200, 404), url


def test_a_forged_token_for_one_post_shows_nothing_held(app, held):
    for post_id in (held["reply"], held["thread_post"]):
        _assert_nothing_held_shows(_forged(app.test_client(), f"{post_id}:x"), held)


def test_a_cookie_listing_every_id_shows_nothing_held(app, held):
    # As many as fit in the 4 KB a browser keeps for one cookie.
    every_id = "|".join(f"{n}:x" for n in range(1, 650))
    _assert_nothing_held_shows(_forged(app.test_client(), every_id), held)


def test_strangers_get_404_for_a_held_post_on_every_author_page(app, held):
    stranger = _forged(app.test_client(), f"{held['reply']}:x|{held['thread_post']}:x")
    for post_id in (held["reply"], held["thread_post"]):
        for url in (f"/p/{post_id}/status", f"/p/{post_id}/edit", f"/p/{post_id}/delete"):
            assert stranger.get(url).status_code == 404, url
    assert stranger.get(f"/t/{held['thread']}").status_code == 404


def test_a_held_id_answers_like_one_never_used(app, held):
    # Counting up through /p/<id> must not tell held posts apart from missing ones.
    stranger = _forged(app.test_client(), f"{held['reply']}:x")
    never_used = stranger.get("/p/99999")
    for post_id in (held["reply"], held["thread_post"]):
        answer = stranger.get(f"/p/{post_id}")
        assert (answer.status_code, answer.location) == (404, never_used.location)
    author = app.test_client()
    reply_id = _held_reply(app, author, 1)
    assert author.get(f"/p/{reply_id}").location == f"/p/{reply_id}/status"


def test_a_forged_token_cannot_post_an_edit_or_delete_of_a_held_post(app, held):
    stranger = _forged(app.test_client(), f"{held['reply']}:x")
    csrf_page = stranger.get("/new").get_data(as_text=True)
    csrf = csrf_page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    edit = stranger.post(
        f"/p/{held['reply']}/edit", data={"csrf_token": csrf, "token": "x", "body": "mine now"}
    )
    delete = stranger.post(f"/p/{held['reply']}/delete", data={"csrf_token": csrf, "token": "x"})
    assert edit.status_code in (403, 404) and delete.status_code in (403, 404)
    with app.app_context():
        post = db.session.get(Post, held["reply"])
        assert post.status == PostStatus.HELD and "drobodo" in post.body


def test_the_author_still_sees_their_held_posts(app, held):
    # The author's own browser, whose cookie holds the real token, is not a stranger.
    author = app.test_client()
    reply_id = _held_reply(app, author, 1)
    page = author.get("/t/1").get_data(as_text=True)
    assert "Only you can see this post" in page and "drobodo" in page
    assert author.get(f"/p/{reply_id}/edit").status_code == 200
    # A forged entry added beside the real one still shows nothing else.
    real = author.get_cookie("mend_tokens").value
    author.set_cookie("mend_tokens", f"{real}|{held['reply']}:x")
    page = author.get("/t/1").get_data(as_text=True)
    assert page.count("Only you can see this post") == 1


def test_removed_and_report_hidden_posts_stay_out_of_sight(app, held):
    # What a moderator's rejection and three readers' reports leave behind.
    with app.app_context():
        db.session.get(Post, held["reply"]).status = PostStatus.REMOVED
        opening = db.session.get(Post, 1)
        opening.status = opening.thread.status = PostStatus.HIDDEN
        db.session.commit()
    stranger = _forged(app.test_client(), f"1:x|{held['reply']}:x")
    assert stranger.get("/t/1").status_code == 404
    assert OPENING not in stranger.get("/").get_data(as_text=True)
    for url in (f"/p/{held['reply']}/status", f"/p/{held['reply']}/edit", "/p/1/edit"):
        assert stranger.get(url).status_code == 404, url


@pytest.mark.parametrize("cookie", ["2147483648:x", "99999999999999999999:x", "1:x|2147483648:x"])
def test_out_of_range_ids_in_the_cookie_are_ignored(app, held, cookie):
    stranger = _forged(app.test_client(), cookie)
    for url in ("/", "/t/1", "/p/1/status", "/p/1/edit"):
        assert stranger.get(url).status_code == 200, url


def test_checking_the_cookie_costs_one_query_however_many_ids_it_lists(app, held):
    from sqlalchemy import event

    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        counts = []
        for cookie in ("1:x", "|".join(f"{n}:x" for n in range(1, 400))):
            statements.clear()
            assert _forged(app.test_client(), cookie).get("/t/1").status_code == 200
            counts.append(len(statements))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert counts[0] == counts[1]
