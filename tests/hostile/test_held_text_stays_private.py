"""Held words are for their author and the moderators: the edit page, which anyone can
open by guessing a number, must not show them to a stranger."""

from tests.conftest import SCAM, submit


def test_a_stranger_does_not_see_a_held_post_on_its_edit_page(app, client):
    submit(client, "/new", {"title": "Love spell that worked", "body": SCAM})
    assert "waiting for a moderator" in client.get("/p/1/status").get_data(as_text=True)
    stranger = app.test_client()
    response = stranger.get("/p/1/edit")
    assert response.status_code == 404  # as /p/1 is: a held post is not there for them
    page = response.get_data(as_text=True)
    assert "drobodo" not in page and "Love spell that worked" not in page
    # The author still has their words in the form.
    assert "drobodo@gmail.com" in client.get("/p/1/edit").get_data(as_text=True)


def test_a_stranger_does_not_see_an_edit_waiting_for_a_moderator(app, client, post_thread):
    post_thread("Day 9", "It gets a little easier each morning.")
    token = client.get_cookie("mend_tokens").value.split(":", 1)[1]
    response = submit(client, "/p/1/edit", {"token": token, "title": "Day 9", "body": SCAM})
    assert response.status_code == 302
    stranger = app.test_client()
    page = stranger.get("/p/1/edit").get_data(as_text=True)
    assert "drobodo" not in page
    assert "It gets a little easier each morning." in page  # what every reader sees
