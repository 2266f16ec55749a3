"""Promise (each post's Quote link, README "Formatting"): Quote starts a reply quoting a
published post, without JavaScript (``/p/<id>/quote`` opens the thread with
``?quote=<id>`` filling the reply box), and quotes only what every reader already sees.

The attacker counts post ids: held, removed, hidden and deleted posts, a post of another
thread, ids that never existed or are not numbers, with and without a forged token
cookie. None puts a word of a post readers cannot see into the reply box or the page;
a warning is quoted with its contacts masked."""

import re
from html import unescape

import pytest

from models import Post, PostStatus, Thread, db
from tests.conftest import SCAM, submit
from tests.promises.forms import rendered_form, submit_as_rendered

OPENING = "Three months since she left. Mornings are the hardest."
REPLY = "Mornings were mine too.\nIt got easier after week six, I promise."
HIDDEN_WORDS = "Secret words that no reader has ever been shown"
WARNING = (
    "Please be careful: a 'Dr Ozil' wrote to me on WhatsApp +234 810 555 0199 promising "
    "to bring my ex back. It's a scam, he took $300 from me. Please don't contact him."
)


def _box(page: str) -> str:
    match = re.search(r'<textarea[^>]*name="body"[^>]*>(?:\r?\n)?(.*?)</textarea>', page, re.DOTALL)
    return unescape(match.group(1)) if match else ""


def _last_post(app) -> Post:
    with app.app_context():
        return db.session.execute(db.select(Post).order_by(Post.id.desc())).scalars().first()


def _reply(app, client, thread_id: int, body: str) -> int:
    response = submit(client, f"/t/{thread_id}", {"body": body}, f"/t/{thread_id}/reply")
    assert response.status_code == 302
    return _last_post(app).id


def _set_status(app, post_id: int, status: PostStatus) -> None:
    with app.app_context():
        post = db.session.get(Post, post_id)
        post.set_status(status, awaiting_review=False)
        post.thread.refresh_stats()
        db.session.commit()


@pytest.fixture
def thread(app, client, post_thread):
    assert post_thread("Mornings", OPENING).status_code == 302
    return 1


def test_quote_fills_the_reply_box_and_posts_a_quote(app, thread):
    reply_id = _reply(app, app.test_client(), thread, REPLY)
    reader = app.test_client()
    start = reader.get(f"/p/{reply_id}/quote")
    assert start.status_code == 302
    assert start.location.endswith(f"/t/{thread}?quote={reply_id}#reply")
    page = reader.get(start.location).get_data(as_text=True)
    with app.app_context():
        pseudonym = db.session.get(Post, reply_id).pseudonym
    assert _box(page) == (
        f"[{pseudonym}](/p/{reply_id}) wrote:\n"
        "> Mornings were mine too.\n> It got easier after week six, I promise.\n\n"
    )
    # Posted as the page renders it, with the reader's own words after the quote.
    form = rendered_form(page, "/reply")
    posted = reader.post(form.action, data=form.data({"body": _box(page) + "Thank you."}))
    assert posted.status_code == 302
    quote = _last_post(app)
    assert quote.status == PostStatus.PUBLISHED
    shown = reader.get(f"/t/{thread}").get_data(as_text=True)
    assert f'<a href="/p/{reply_id}" rel="nofollow ugc noopener">{pseudonym}</a> wrote:' in shown
    assert "<blockquote>\n<p>Mornings were mine too.<br>" in shown


def test_the_quote_link_is_on_published_posts(app, thread):
    page = app.test_client().get(f"/t/{thread}").get_data(as_text=True)
    assert 'href="/p/1/quote"' in page


def test_a_warning_is_quoted_with_its_contacts_masked(app, thread):
    warning_id = _reply(app, app.test_client(), thread, WARNING)
    assert _last_post(app).status == PostStatus.PUBLISHED
    page = app.test_client().get(f"/t/{thread}?quote={warning_id}").get_data(as_text=True)
    assert "[contact removed]" in _box(page)
    for spelling in ("555 0199", "5550199", "8105550199"):
        assert spelling not in page


def _unseen_posts(app, thread: int) -> dict[str, int]:
    """A post of each kind readers cannot see (or may not quote), with its id."""
    author = app.test_client()
    held = _reply(app, author, thread, SCAM)
    assert _last_post(app).status == PostStatus.HELD
    posts = {"held": held}
    for status in (PostStatus.REMOVED, PostStatus.HIDDEN):
        posts[status.value] = _reply(app, author, thread, f"{HIDDEN_WORDS} ({status}).")
        _set_status(app, posts[status.value], status)
    posts["deleted"] = _reply(app, author, thread, f"{HIDDEN_WORDS} (deleted).")
    deleted = submit_as_rendered(author, f"/p/{posts['deleted']}/delete", "/delete")
    assert deleted.status_code == 302
    return posts


def test_no_unseen_post_can_be_quoted(app, thread):
    posts = _unseen_posts(app, thread)
    every_id = "|".join(f"{post_id}:forged-token" for post_id in posts.values())
    for cookie in (None, every_id):
        reader = app.test_client()
        if cookie:
            reader.set_cookie("mend_tokens", cookie)
        for kind, post_id in posts.items():
            assert reader.get(f"/p/{post_id}/quote").status_code == 404, kind
            response = reader.get(f"/t/{thread}?quote={post_id}")
            page = response.get_data(as_text=True)
            assert response.status_code == 200, kind
            assert _box(page) == "", kind
            assert HIDDEN_WORDS not in page and "Obodo" not in page, kind


def test_the_author_of_a_held_post_cannot_quote_it_either(app, thread):
    """Quoting publishes words into a reply box; a held post's are not for that."""
    author = app.test_client()
    held = _reply(app, author, thread, SCAM)
    assert author.get(f"/p/{held}/quote").status_code == 404
    assert _box(author.get(f"/t/{thread}?quote={held}").get_data(as_text=True)) == ""


def test_a_post_of_another_thread_or_a_locked_one_is_not_quoted(app, client, thread, post_thread):
    assert post_thread("Another thread", "Words of another thread.").status_code == 302
    other = _last_post(app)
    page = app.test_client().get(f"/t/{thread}?quote={other.id}").get_data(as_text=True)
    assert _box(page) == "" and "Words of another thread." not in page
    with app.app_context():
        db.session.get(Thread, other.thread_id).locked = True
        db.session.commit()
    assert app.test_client().get(f"/p/{other.id}/quote").status_code == 404


@pytest.mark.parametrize("value", ["abc", "-1", "0", "1.5", "99999999999999999999", "", "²"])
def test_a_quote_id_that_is_no_post_quotes_nothing(app, thread, value):
    response = app.test_client().get(f"/t/{thread}", query_string={"quote": value})
    assert response.status_code == 200
    assert _box(response.get_data(as_text=True)) == ""
