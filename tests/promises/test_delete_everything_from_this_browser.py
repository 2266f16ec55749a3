"""Promise: "Delete everything you posted from this browser" (the page at /mine): every
post whose token this browser holds goes, with one button, and nobody else's does."""

from models import Post, PostStatus, db
from tests.conftest import SCAM, submit
from tests.promises.forms import rendered_form, rendered_forms, submit_as_rendered


def _statuses(app) -> dict[int, str]:
    with app.app_context():
        return dict(db.session.execute(db.select(Post.id, Post.status)).all())


def test_one_button_deletes_every_post_from_this_browser(app, client, post_thread):
    post_thread("Month two", "The flat is too quiet now.")  # 1, mine
    neighbour = app.test_client()
    submit(neighbour, "/t/1", {"body": "It does get quieter, then better."}, "/t/1/reply")  # 2
    submit(client, "/t/1", {"body": "Thank you, that helps."}, "/t/1/reply")  # 3, mine
    submit(client, "/new", {"title": "Held words of mine", "body": SCAM})  # 4, mine, held

    page = client.get("/mine").get_data(as_text=True)
    assert "The flat is too quiet now." in page and "Held words of mine" in page
    assert "It does get quieter" not in page
    response = submit_as_rendered(client, "/mine", "/mine", button="Delete all 3 posts")
    assert response.status_code == 302

    statuses = _statuses(app)
    assert [statuses[i] for i in (1, 3, 4)] == [PostStatus.DELETED] * 3
    assert statuses[2] == PostStatus.PUBLISHED
    # The browser no longer holds tokens for posts that are gone.
    cookie = client.get_cookie("mend_tokens")
    assert cookie is None or cookie.value == ""
    assert "Nothing from this browser" in client.get("/mine").get_data(as_text=True)


def test_forged_tokens_list_nothing_and_delete_nothing(app, client, post_thread):
    post_thread("Mine alone", "Nobody else may delete this.")
    stranger = app.test_client()
    stranger.set_cookie("mend_tokens", "|".join(f"{n}:x" for n in range(1, 50)))
    page = stranger.get("/mine").get_data(as_text=True)
    assert "Nobody else may delete this." not in page and "Mine alone" not in page
    assert [f for f in rendered_forms(page) if "/mine" in f.action] == []
    # Even a hand-made request naming the post changes nothing.
    submit(stranger, "/new", {"post_id": "1", "confirm": "all"}, "/mine")
    assert _statuses(app)[1] == PostStatus.PUBLISHED


def test_a_post_made_after_the_page_was_loaded_is_kept(app, client, post_thread):
    post_thread("First", "Listed on the page.")
    page = client.get("/mine").get_data(as_text=True)
    submit(client, "/t/1", {"body": "Written in another tab afterwards."}, "/t/1/reply")
    form = rendered_form(page, "/mine")
    client.post("/mine", data=form.data(button="Delete this post"))
    assert _statuses(app) == {1: PostStatus.DELETED, 2: PostStatus.PUBLISHED}
