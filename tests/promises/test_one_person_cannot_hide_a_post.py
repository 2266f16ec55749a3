"""README: "three reports from different posters hide a post until a moderator decides".

The attack: one person opens three fresh browsers (or clears cookies twice) on one
connection and reports a post they dislike three times. Different people means
different browsers AND different addresses.
"""

from sqlalchemy import select

from models import Post, Report, db
from tests.conftest import submit
from tests.promises.forms import submit_as_rendered


def browser_at(app, address):
    """A fresh browser (no cookies) on the connection ``address``."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def report_as_rendered(client, post_id, reason="abuse"):
    return submit_as_rendered(
        client, f"/p/{post_id}/report", "/report", {"reason": reason, "details": "so rude"}
    )


def post_status(app, post_id):
    with app.app_context():
        return db.session.get(Post, post_id).status


def test_three_browsers_on_one_address_cannot_hide_a_post(app):
    author = browser_at(app, "198.51.100.20")
    assert submit(author, "/new", {"title": "My week", "body": "It was hard."}).status_code == 302

    for _ in range(3):
        assert report_as_rendered(browser_at(app, "203.0.113.66"), 1).status_code == 302

    assert post_status(app, 1) == "published"
    assert "My week" in browser_at(app, "192.0.2.1").get("/").get_data(as_text=True)
    assert browser_at(app, "192.0.2.1").get("/t/1").status_code == 200
    with app.app_context():  # every report still reaches the moderators
        assert len(db.session.execute(select(Report)).all()) == 3


def test_one_browser_hopping_addresses_cannot_hide_a_post(app):
    submit(browser_at(app, "198.51.100.20"), "/new", {"title": "My week", "body": "Hard."})
    hopper = browser_at(app, "203.0.113.1")
    for n in range(1, 4):
        hopper.environ_base["REMOTE_ADDR"] = f"203.0.113.{n}"
        assert report_as_rendered(hopper, 1).status_code == 302
    assert post_status(app, 1) == "published"


def test_three_people_on_three_connections_still_hide_a_post(app, moderator):
    submit(browser_at(app, "198.51.100.20"), "/new", {"title": "Cruel", "body": "You're pathetic."})
    for n in range(1, 3):
        report_as_rendered(browser_at(app, f"203.0.113.{n}"), 1)
        assert post_status(app, 1) == "published"
    report_as_rendered(browser_at(app, "203.0.113.3"), 1)
    assert post_status(app, 1) == "hidden"
    assert browser_at(app, "192.0.2.1").get("/t/1").status_code == 404
    assert "Reported by 3" in moderator.get("/mod/queue").get_data(as_text=True)


def test_the_queue_shows_how_many_connections_the_reports_came_from(app, moderator):
    submit(browser_at(app, "198.51.100.20"), "/new", {"title": "My week", "body": "Hard."})
    for _ in range(3):
        report_as_rendered(browser_at(app, "203.0.113.66"), 1)
    html = moderator.get("/mod/queue").get_data(as_text=True)
    assert "Reported by 3" in html and "from 1 connection" in html
