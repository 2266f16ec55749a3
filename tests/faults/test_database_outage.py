"""The database goes away for a moment: the poster gets a calm "try again" page with
their words in a form that sends them again, never a traceback, and nothing is lost."""

import re
from html import unescape

from models import Post, Thread, db
from tests.conftest import submit
from tests.faults.conftest import database_outage

STORY = "I keep rereading our old messages <3 & I can't stop. Does it get easier?"
REPLY = "It does, slowly. Mute the chat for a week & see how you feel."


def resend_form(html: str) -> tuple[str, dict[str, str]]:
    """The "try again" form on an error page: where it posts, and what it sends."""
    form = re.search(r'<form method="post" action="([^"]+)" class="resend"(.*?)</form>', html, re.S)
    assert form, "no try-again form on the page"
    fields = {}
    for match in re.finditer(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form[2]):
        fields[match[1]] = unescape(match[2])
    for match in re.finditer(
        r'<textarea id="[^"]+" name="([^"]+)"[^>]*>(.*?)</textarea>', form[2], re.S
    ):
        fields[match[1]] = unescape(match[2])
    return form[1], fields


def assert_calm_503(response) -> str:
    assert response.status_code == 503
    assert response.headers["Retry-After"].isdigit()
    html = response.get_data(as_text=True)
    assert "try again" in html
    for leak in ("Traceback", "OperationalError", "sqlite3", "psycopg", "SELECT", "INSERT"):
        assert leak not in html
    return html


def test_posting_while_the_database_is_away_keeps_the_words(own_db_app):
    app = own_db_app
    client = app.test_client()
    assert submit(client, "/new", {"title": "Rereading", "body": STORY}).status_code == 302
    reply_page = client.get("/t/1")
    new_page = client.get("/new")  # both forms are open in the poster's tabs

    with database_outage(app):
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', reply_page.text)[1]
        response = client.post("/t/1/reply", data={"csrf_token": token, "body": REPLY})
        html = assert_calm_503(response)
        action, fields = resend_form(html)
        assert action == "/t/1/reply" and fields["body"] == REPLY

        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', new_page.text)[1]
        title = "Second try & <b>still</b> here"
        response = client.post("/new", data={"csrf_token": token, "title": title, "body": STORY})
        _, thread_fields = resend_form(assert_calm_503(response))
        assert thread_fields["title"] == title and thread_fields["body"] == STORY

        # Reading gets the same calm page, without a form.
        assert "resend" not in assert_calm_503(client.get("/"))

    # The database is back: "Try again" sends the same words, and they are stored once.
    assert client.post(action, data=fields).status_code == 302
    assert client.post("/new", data=thread_fields).status_code == 302
    with app.app_context():
        bodies = db.session.execute(db.select(Post.body)).scalars().all()
        titles = db.session.execute(db.select(Thread.title)).scalars().all()
    assert sorted(bodies) == sorted([STORY, REPLY, STORY])
    assert sorted(titles) == sorted(["Rereading", "Second try & <b>still</b> here"])


def test_an_app_whose_database_never_answers_still_shows_the_form(own_db_app):
    app = own_db_app
    client = app.test_client()
    with database_outage(app):
        # The form needs no database, so the poster can still write...
        assert client.get("/new").status_code == 200
        response = submit(client, "/new", {"title": "Anyone up?", "body": "Can't sleep again."})
        # ...and is told plainly that nothing was saved, with the words kept.
        html = assert_calm_503(response)
        assert "Nothing was saved" in html and "Can&#39;t sleep again." in html
