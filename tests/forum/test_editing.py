"""An author edits or deletes their own post with the private token."""

import re

from models import Post, PostStatus, Thread, db
from tests.conftest import submit


def _token_from(client, response) -> str:
    page = client.get(response.headers["Location"], follow_redirects=True)
    return re.search(r'id="new-token">([^<]+)<', page.get_data(as_text=True)).group(1)


def test_author_edits_with_the_token_their_browser_remembers(app, client, post_thread):
    post_thread("Original title", "Original story")
    form = client.get("/p/1/edit").get_data(as_text=True)
    assert "Original story" in form
    response = submit(
        client,
        "/p/1/edit",
        {"token": _remembered_token(client, 1), "title": "New title", "body": "Better words"},
    )
    assert response.status_code == 302
    html = client.get("/t/1").get_data(as_text=True)
    assert "Better words" in html and "New title" in html and "edited" in html
    with app.app_context():
        assert db.session.get(Thread, 1).title == "New title"


def _remembered_token(client, post_id: int) -> str:
    cookie = client.get_cookie("mend_tokens").value
    return dict(pair.split(":", 1) for pair in cookie.split("|"))[str(post_id)]


def test_edit_from_another_device_with_the_saved_token(app, client, post_thread):
    token = _token_from(client, post_thread("Title here", "Written on my phone"))
    laptop = app.test_client()
    assert "Written on my phone" in laptop.get("/p/1/edit").get_data(as_text=True)
    response = submit(
        laptop, "/p/1/edit", {"token": token, "title": "Title here", "body": "From the laptop"}
    )
    assert response.status_code == 302
    assert "From the laptop" in laptop.get("/t/1").get_data(as_text=True)


def test_edit_with_a_wrong_or_missing_token_is_refused(app, client, post_thread):
    post_thread("Mine", "Do not touch")
    intruder = app.test_client()
    for token, status in (("not-the-token", 403), ("", 400)):
        response = submit(
            intruder, "/p/1/edit", {"token": token, "title": "Hacked", "body": "Hacked body"}
        )
        assert response.status_code == status
    assert "does not match" in submit(
        intruder, "/p/1/edit", {"token": "x" * 24, "title": "Hacked", "body": "Hacked"}
    ).get_data(as_text=True)
    with app.app_context():
        post = db.session.get(Post, 1)
        assert post.body == "Do not touch" and post.edited_at is None


def test_a_reply_edit_has_no_title_field(client, post_thread):
    post_thread()
    submit(client, "/t/1", {"body": "My reply"}, "/t/1/reply")
    form = client.get("/p/2/edit").get_data(as_text=True)
    assert 'name="title"' not in form
    token = _remembered_token(client, 2)
    assert submit(client, "/p/2/edit", {"token": token, "body": "Changed"}).status_code == 302
    assert "Changed" in client.get("/t/1").get_data(as_text=True)


def test_delete_leaves_a_placeholder_and_keeps_the_replies(app, client, post_thread):
    post_thread("Keep the context", "Story")
    submit(client, "/t/1", {"body": "I regret writing this"}, "/t/1/reply")
    other = app.test_client()
    submit(other, "/t/1", {"body": "A reply to that"}, "/t/1/reply")
    assert "2 replies" in client.get("/").get_data(as_text=True)

    response = submit(client, "/p/2/delete", {"token": _remembered_token(client, 2)})
    assert response.status_code == 302
    html = other.get("/t/1").get_data(as_text=True)
    assert "[deleted by author]" in html
    assert "I regret writing this" not in html
    assert "A reply to that" in html
    assert "1 reply" in client.get("/").get_data(as_text=True)
    with app.app_context():
        post = db.session.get(Post, 2)
        assert post.status == PostStatus.DELETED and post.body == ""
    # Deleted is final: no second delete, no edit.
    assert client.get("/p/2/delete").status_code == 410
    assert client.get("/p/2/edit").status_code == 410


def test_delete_with_a_wrong_token_is_refused(app, client, post_thread):
    post_thread()
    intruder = app.test_client()
    assert submit(intruder, "/p/1/delete", {"token": "guess" * 5}).status_code == 403
    with app.app_context():
        assert db.session.get(Post, 1).status == PostStatus.PUBLISHED


def test_deleting_the_story_keeps_the_thread(app, client, post_thread):
    post_thread("A thread", "The story")
    other = app.test_client()
    submit(other, "/t/1", {"body": "A kind reply"}, "/t/1/reply")
    submit(client, "/p/1/delete", {"token": _remembered_token(client, 1)})
    html = other.get("/t/1").get_data(as_text=True)
    assert "[deleted by author]" in html and "A kind reply" in html
    assert "[deleted by author]" in other.get("/").get_data(as_text=True)
