"""Care posts are published with support and listed for a check-in; edits that would be
held wait beside the published version."""

from sqlalchemy import select

from models import Decision, db
from tests.conftest import SCAM, remembered_token, submit
from tests.mod.test_decisions import decide, post_row

CARE_TEXT = "Since he left, some nights I don't want to wake up any more."


def test_a_care_post_is_published_with_a_support_box_and_listed_for_check_in(
    app, client, moderator
):
    submit(client, "/new", {"title": "Can't do this", "body": CARE_TEXT})
    post = post_row(app, 1)
    assert (post.status, post.care) == ("published", True)
    thread = app.test_client().get("/t/1").get_data(as_text=True)
    assert CARE_TEXT in thread and 'class="care-box"' in thread and "116 123" in thread

    page = moderator.get("/mod/check-in").get_data(as_text=True)
    assert CARE_TEXT in page
    assert 'Check in <span class="count">1<' in page
    response = submit(
        moderator, "/mod/check-in", {"post_id": "1", "note": "replied"}, "/mod/check-in/seen"
    )
    assert response.status_code == 302
    page = moderator.get("/mod/check-in").get_data(as_text=True)
    assert "No one is waiting" in page
    with app.app_context():
        seen = db.session.execute(select(Decision)).scalar_one()
        assert (seen.action, seen.note) == ("care_seen", "replied")
    # Seen does not hide it: the post and its support box stay.
    assert 'class="care-box"' in app.test_client().get("/t/1").get_data(as_text=True)


def test_the_support_text_is_configurable(make_app):
    app = make_app(CARE_MESSAGE="Call the Mend test line.")
    client = app.test_client()
    submit(client, "/new", {"title": "Can't do this", "body": CARE_TEXT})
    assert "Call the Mend test line." in client.get("/t/1").get_data(as_text=True)


def test_an_edit_that_would_be_held_waits_and_the_published_text_stays(app, client, moderator):
    submit(client, "/new", {"title": "Week three", "body": "Slowly getting better."})
    token = remembered_token(client, 1)
    response = submit(client, "/p/1/edit", {"token": token, "title": "Week three", "body": SCAM})
    assert response.status_code == 302
    reader = app.test_client().get("/t/1").get_data(as_text=True)
    assert "Slowly getting better." in reader and "Obodo" not in reader
    assert "waiting for a moderator" in client.get("/p/1/status").get_data(as_text=True)
    # The author's edit form holds their latest draft.
    assert "Obodo" in client.get("/p/1/edit").get_data(as_text=True)

    queue = moderator.get("/mod/queue").get_data(as_text=True)
    assert "edit waiting" in queue and "Obodo" in queue and "Slowly getting better." in queue
    decide(moderator, [1], "reject")
    post = post_row(app, 1)
    assert (post.status, post.body, post.pending_body) == (
        "published",
        "Slowly getting better.",
        None,
    )
    with app.app_context():
        decision = db.session.execute(select(Decision)).scalar_one()
        assert decision.label == "spam" and "Obodo" in decision.text


def test_an_approved_edit_replaces_the_published_text(app, client, moderator):
    submit(client, "/new", {"title": "Week three", "body": "Slowly getting better."})
    edit = {"token": remembered_token(client, 1), "title": "Week three", "body": SCAM}
    submit(client, "/p/1/edit", edit)
    decide(moderator, [1], "approve")
    post = post_row(app, 1)
    assert post.body == SCAM and post.pending_body is None and post.label == "ham"
