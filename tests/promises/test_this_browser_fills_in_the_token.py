"""Promise: "This browser fills it in if it was used to post" (edit, delete and appeal
pages). Each form is loaded and sent exactly as the page renders it, with only what a
person types added; from another device the person types the token they saved."""

import re

from models import Appeal, Post, PostStatus, db
from tests.conftest import SCAM, submit
from tests.promises.forms import rendered_form, submit_as_rendered


def _saved_token(client, response) -> str:
    """The token shown once after posting, as a person would copy it."""
    page = client.get(response.headers["Location"], follow_redirects=True)
    return re.search(r'id="new-token">([^<]+)<', page.get_data(as_text=True)).group(1)


def test_the_edit_form_as_rendered_saves_the_edit(app, client, post_thread):
    post_thread("Week three", "The first version of my story.")
    response = submit_as_rendered(
        client, "/p/1/edit", "/p/1/edit", {"body": "The second version of my story."}
    )
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Post, 1).body == "The second version of my story."


def test_the_reply_edit_form_as_rendered_saves_the_edit(app, client, post_thread):
    post_thread()
    submit_as_rendered(client, "/t/1", "/t/1/reply", {"body": "A reply I will reword."})
    response = submit_as_rendered(client, "/p/2/edit", "/p/2/edit", {"body": "Reworded."})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Post, 2).body == "Reworded."


def test_the_delete_form_as_rendered_deletes(app, client, post_thread):
    post_thread()
    submit_as_rendered(client, "/t/1", "/t/1/reply", {"body": "Something I regret."})
    response = submit_as_rendered(client, "/p/2/delete", "/p/2/delete")
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Post, 2).status == PostStatus.DELETED


def test_the_appeal_form_as_rendered_sends_the_appeal(app, client):
    submit(client, "/new", {"title": "Is this a scam?", "body": SCAM})
    with app.app_context():
        post = db.session.get(Post, 1)
        post.status = post.thread.status = PostStatus.REMOVED  # a moderator rejected it
        post.awaiting_review = False
        db.session.commit()
    response = submit_as_rendered(
        client, "/p/1/status", "/appeal", {"message": "I was warning people about him."}
    )
    assert response.status_code == 302
    with app.app_context():
        appeal = db.session.execute(db.select(Appeal)).scalar_one()
        assert appeal.post_id == 1 and db.session.get(Post, 1).awaiting_review


def test_another_device_types_the_saved_token(app, client, post_thread):
    token = _saved_token(client, post_thread("From my phone", "Written on the bus."))
    laptop = app.test_client()
    form = rendered_form(laptop.get("/p/1/edit").get_data(as_text=True), "/p/1/edit")
    assert dict(form.fields)["token"] == ""  # nothing to fill in: this browser did not post
    response = submit_as_rendered(
        laptop, "/p/1/edit", "/p/1/edit", {"token": token, "body": "Finished on the laptop."}
    )
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Post, 1).body == "Finished on the laptop."


def test_a_wrong_token_is_refused_with_a_clear_message(app, client, post_thread):
    post_thread("Mine", "Leave my words alone.")
    stranger = app.test_client()
    for url, changes in (
        ("/p/1/edit", {"token": "not-the-token", "body": "Changed by a stranger."}),
        ("/p/1/delete", {"token": "not-the-token"}),
    ):
        response = submit_as_rendered(stranger, url, url, changes)
        assert response.status_code == 403, url
        assert "That token does not match this post." in response.get_data(as_text=True)
    # The author's own form with its token altered is refused just the same.
    response = submit_as_rendered(client, "/p/1/edit", "/p/1/edit", {"token": "tampered"})
    assert response.status_code == 403
    with app.app_context():
        post = db.session.get(Post, 1)
        assert post.body == "Leave my words alone." and post.status == PostStatus.PUBLISHED


def test_another_device_adds_a_held_post_with_its_token_then_edits_it(app, client):
    # A held post is not there for a browser without its token (404), so the token a
    # person saved is how another device of theirs gets to it.
    response = submit(client, "/new", {"title": "Is this real?", "body": SCAM})
    token = _saved_token(client, response)
    laptop = app.test_client()
    assert laptop.get("/p/1/status").status_code == 404
    refused = submit_as_rendered(laptop, "/mine", "/add-token", {"token": "not-a-token"})
    assert refused.status_code == 403
    assert "No post of yours has that token" in refused.get_data(as_text=True)
    added = submit_as_rendered(laptop, "/mine", "/add-token", {"token": f"  {token} "})
    assert added.status_code == 302
    assert "waiting for a moderator" in laptop.get("/p/1/status").get_data(as_text=True)
    edited = submit_as_rendered(laptop, "/p/1/edit", "/p/1/edit", {"body": "Rewritten calmly."})
    assert edited.status_code == 302
    with app.app_context():
        assert db.session.get(Post, 1).body == "Rewritten calmly."
