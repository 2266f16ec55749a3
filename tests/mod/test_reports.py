"""Readers report posts; enough different readers hide one until a moderator looks."""

from sqlalchemy import select

from models import Report, db
from tests.conftest import submit
from tests.mod.test_decisions import decide, post_row


def report(client, post_id, reason="abuse", details=""):
    url = f"/p/{post_id}/report"
    return submit(client, url, {"reason": reason, "details": details})


def test_three_reports_hide_a_post_until_a_moderator_approves_it(app, client, moderator):
    submit(client, "/new", {"title": "Angry thread", "body": "You are all pathetic."})
    assert "Report" in app.test_client().get("/t/1").get_data(as_text=True)
    readers = [app.test_client() for _ in range(3)]
    for n, reader in enumerate(readers):  # three people, on three connections
        reader.environ_base["REMOTE_ADDR"] = f"192.0.2.{n + 1}"

    assert report(readers[0], 1, "abuse", "rude to everyone").status_code == 302
    assert report(readers[0], 1, "abuse").status_code == 302  # twice counts once
    assert report(readers[1], 1, "spam").status_code == 302
    assert post_row(app, 1).status == "published"
    assert "Angry thread" in client.get("/").get_data(as_text=True)

    report(readers[2], 1, "abuse")
    assert post_row(app, 1).status == "hidden"
    assert "Angry thread" not in app.test_client().get("/").get_data(as_text=True)
    assert app.test_client().get("/t/1").status_code == 404
    # The author still sees it, and why.
    assert "hidden while a moderator" in client.get("/p/1/status").get_data(as_text=True)

    html = moderator.get("/mod/queue").get_data(as_text=True)
    assert "Reported by 3" in html and "Unkind, harassing or hateful ×2" in html
    assert "rude to everyone" in html

    decide(moderator, [1], "approve", note="harsh but allowed")
    assert post_row(app, 1).status == "published"
    assert "Angry thread" in app.test_client().get("/").get_data(as_text=True)
    with app.app_context():
        assert all(r.decision_id for r in db.session.execute(select(Report)).scalars())


def test_the_hiding_threshold_is_configurable(make_app):
    app = make_app(REPORT_HIDE_THRESHOLD=1)
    client = app.test_client()
    submit(client, "/new", {"title": "One report", "body": "Text"})
    report(app.test_client(), 1)
    assert post_row(app, 1).status == "hidden"


def test_reports_are_checked(app, client):
    submit(client, "/new", {"title": "A thread", "body": "Text"})
    reader = app.test_client()
    assert report(reader, 1, reason="made-up").status_code == 400
    assert report(reader, 1, details="x" * 1001).status_code == 400
    assert reader.get("/p/99/report").status_code == 404
    no_token = reader.post("/p/1/report", data={"reason": "abuse"})
    assert no_token.status_code == 400
    with app.app_context():
        assert db.session.execute(select(Report)).first() is None
