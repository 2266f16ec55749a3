"""From a queued post, a moderator opens "this poster's history": the same poster's
other posts in every thread, with their status and the decisions about them, found by
the stored poster hash and never showing it."""

from sqlalchemy import select

from models import Post, db
from tests.conftest import submit
from tests.mod.test_decisions import decide, post_scam
from tests.promises.forms import rendered_forms


def history_link(staff, post_id) -> str:
    html = staff.get("/mod/queue").get_data(as_text=True)
    entry = html.split(f'id="q{post_id}"', 1)[1].split("</li>", 1)[0]
    href = entry.split('class="history-link"', 1)[0].rsplit('href="', 1)[1].split('"', 1)[0]
    return href


def test_the_history_shows_the_poster_s_other_posts_and_decisions(app, moderator):
    scammer, someone_else = app.test_client(), app.test_client()
    someone_else.environ_base["REMOTE_ADDR"] = "198.51.100.20"
    first = post_scam(scammer, "Came back", "Dr Obodo cast a spell for me! drobodo@gmail.com")
    submit(scammer, "/new", {"title": "Week one", "body": "Hard evenings, honestly."})
    decide(moderator, [first], "reject", note="spell caster again")
    latest = post_scam(scammer, "He is back!", "Dr Obodo again, email drobodo@gmail.com now")
    post_scam(someone_else, "Not theirs", "Contact Dr Zed drzed@gmail.com for a spell")

    url = history_link(moderator, latest)
    assert url == f"/mod/posts/{latest}/history"
    page = moderator.get(url)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Dr Obodo again" in html and "Hard evenings, honestly." in html
    assert "Dr Obodo cast a spell for me!" in html and "spell caster again" in html
    assert "Dr Zed" not in html  # another poster's post
    assert "Posts (3)" in html and "the post you came from" in html
    assert "never been banned" in html
    with app.app_context():
        hashes = db.session.execute(select(Post.poster_hash, Post.address_hash)).all()
    for poster_hash, address_hash in hashes:
        assert poster_hash not in html and (not address_hash or address_hash not in html)
    # The page only reads: it offers no form but the header's search and log-out.
    assert [f.action for f in rendered_forms(html)] == ["/search", "/logout"]


def test_the_history_lists_bans_and_their_end(app, moderator):
    scammer = app.test_client()
    first = post_scam(scammer, "Came back")
    decide(moderator, [first], "ban", ban_for="7", reason="spam")
    html = moderator.get(f"/mod/posts/{first}/history").get_data(as_text=True)
    assert "in force</span> until" in html and "“spam”" in html


def test_an_unknown_post_has_no_history(moderator):
    assert moderator.get("/mod/posts/999/history").status_code == 404
    assert moderator.get("/mod/posts/99999999999/history").status_code == 404
