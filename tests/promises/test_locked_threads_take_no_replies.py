"""The thread page promises "This thread is locked: moderators have closed it to new
replies", and only moderators can lock or pin.

The attacks: a reply form loaded before the lock, sent after it (or a reply built by
hand with a fresh CSRF token); a reader sending the moderators' lock and pin form,
with their own session's token or with one copied from a moderator's page.
"""

from sqlalchemy import func, select

from app.forum.writing import create_thread
from app.poster_identity import Poster
from models import Decision, Post, Thread, db
from tests.conftest import csrf_token
from tests.mod.test_thread_actions import undo_form
from tests.promises.forms import rendered_form, submit_as_rendered

WORDS = "Replaying the form I had open."


def _thread(app) -> None:
    with app.app_context():
        create_thread("Locked soon", "Story", Poster("locked-thread-key-abcdefgh", "l"))


def _posts(app) -> int:
    with app.app_context():
        return db.session.execute(select(func.count(Post.id))).scalar_one()


def _lock(moderator):
    return submit_as_rendered(moderator, "/t/1", "/mod/thread/", {"note": "Pause"}, "Lock thread")


def test_a_reply_form_loaded_before_the_lock_is_refused_after_it(app, moderator):
    _thread(app)
    reader = app.test_client()
    form = rendered_form(reader.get("/t/1").get_data(as_text=True), "/reply")
    assert _lock(moderator).status_code == 302

    response = reader.post(form.action, data=form.data({"body": WORDS}))
    assert response.status_code == 403
    html = response.get_data(as_text=True)
    assert "This thread is locked" in html and "takes no new replies" in html
    assert "Pause" in html  # the moderators' note
    assert WORDS in html  # the words are not lost
    assert _posts(app) == 1


def test_a_hand_built_reply_to_a_locked_thread_is_refused(app, moderator):
    _thread(app)
    _lock(moderator)
    reader = app.test_client()
    token = csrf_token(reader, "/new")  # a valid token from another page of the site
    response = reader.post("/t/1/reply", data={"csrf_token": token, "body": WORDS})
    assert response.status_code == 403
    assert _posts(app) == 1


def test_a_reader_cannot_lock_or_pin_with_a_forged_request(app, moderator):
    _thread(app)
    staff_form = rendered_form(moderator.get("/t/1").get_data(as_text=True), "/mod/thread/")
    reader = app.test_client()
    own_token = csrf_token(reader, "/new")
    for button in ("Lock thread", "Pin to front page"):
        # The moderator's form with the reader's own session token: sent to log in.
        forged = {**staff_form.data({"note": "mine now"}, button), "csrf_token": own_token}
        response = reader.post(staff_form.action, data=forged)
        assert response.status_code == 302 and "/login" in response.location
        # The moderator's form as it stands, token and all: not the reader's session.
        copied = staff_form.data({"note": "mine now"}, button)
        assert reader.post(staff_form.action, data=copied).status_code in (302, 400)
    with app.app_context():
        thread = db.session.get(Thread, 1)
        assert (thread.locked, thread.pinned, thread.lock_note) == (False, False, None)
        assert db.session.execute(select(func.count(Decision.id))).scalar_one() == 0
    assert "This thread is locked" not in reader.get("/t/1").get_data(as_text=True)


def test_a_reader_cannot_undo_a_lock_from_the_log(app, moderator):
    _thread(app)
    _lock(moderator)
    undo = undo_form(moderator)
    reader = app.test_client()
    data = {**undo.data(), "csrf_token": csrf_token(reader, "/new")}
    response = reader.post(undo.action, data=data)
    assert response.status_code == 302 and "/login" in response.location
    with app.app_context():
        assert db.session.get(Thread, 1).locked
