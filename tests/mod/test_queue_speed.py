"""The queue loads in a fixed number of queries, whatever the number of posts on it."""

from contextlib import contextmanager

from sqlalchemy import event

from models import db
from tests.conftest import SCAM, submit


@contextmanager
def counted_queries(app):
    statements = []
    with app.app_context():
        engine = db.engine

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def fill_queue(app, client, n):
    """n held scams and n reported replies, in a thread of their own."""
    response = submit(client, "/new", {"title": "A calm thread", "body": "Hello"})
    thread = response.headers["Location"].split("/")[2]
    thread_url = client.get(f"/p/{thread}").headers["Location"]
    thread_id = thread_url.split("/")[2].split("?")[0].split("#")[0]
    for i in range(n):
        submit(client, "/new", {"title": f"Scam {i}", "body": SCAM})
        reply = submit(client, f"/t/{thread_id}", {"body": f"Reply {i}"}, f"/t/{thread_id}/reply")
        post_id = reply.headers["Location"].split("/")[2]
        submit(app.test_client(), f"/p/{post_id}/report", {"reason": "spam", "details": "hm"})


def test_queue_queries_do_not_grow_with_the_page(app, client, moderator):
    fill_queue(app, client, 3)
    with counted_queries(app) as few:
        assert moderator.get("/mod/queue").status_code == 200
    fill_queue(app, client, 30)
    with counted_queries(app) as many:
        html = moderator.get("/mod/queue").get_data(as_text=True)
    assert html.count('class="pick"') == 50  # one full page
    # The page, its reports, contacts, appeals, openings, claims; the filters' counts in
    # one query; the staff bar's two; the log mark and the last decision to undo; the
    # posts with the same wording, in one query for the page.
    assert len(many) == len(few) <= 14
