"""Through the forms as rendered: a post giving a private number is held for the
poster's safety, its author is told why and publishes it by editing the number out; a
warning is published with the scammer's contact masked for readers, as written for
moderators; approving or removing a safety hold writes no training label (rejecting
it as spam does)."""

from models import Post, PostStatus, db
from tests.forum.test_editing import _remembered_token
from tests.mod.test_decisions import post_row
from tests.promises.forms import rendered_forms, submit_as_rendered

PRIVATE = (
    "I'm in Leeds too and I know how lonely the evenings get. My number is 07911 123456 "
    "if anyone wants to talk."
)
WARNING = (
    "WARNING: a 'Dr Ozil' messaged me on WhatsApp +234 810 555 0199 promising to bring "
    "my ex back. It's a scam, he took $300. Please don't contact him."
)


def start_thread(client, title: str, body: str) -> int:
    response = submit_as_rendered(client, "/new", "/new", {"title": title, "body": body})
    assert response.status_code == 302
    with client.application.app_context():
        return db.session.execute(db.select(db.func.max(Post.id))).scalar_one()


def test_author_is_told_kindly_and_publishes_by_removing_the_number(app, client):
    post_id = start_thread(client, "Lonely evenings", PRIVATE)
    post = post_row(app, post_id)
    assert post.status == PostStatus.HELD
    assert post.verdict["hold_kind"] == "safety"

    status = client.get(f"/p/{post_id}/status").get_data(as_text=True)
    assert "for your safety" in status
    # The number as the author wrote it: no country is guessed for it.
    assert "a phone number" in status and "07911 123456" in status
    assert "not a spam judgement" in status
    assert "take out the contact details" in status
    # Readers see nothing of it.
    reader = app.test_client()
    assert "07911" not in reader.get("/").get_data(as_text=True)
    assert reader.get(f"/p/{post_id}/status").status_code == 404

    edited = PRIVATE.replace(" My number is 07911 123456 if anyone wants to talk.", "")
    response = submit_as_rendered(
        client, f"/p/{post_id}/edit", f"/p/{post_id}/edit", {"body": edited}
    )
    assert response.status_code == 302
    assert post_row(app, post_id).status == PostStatus.PUBLISHED
    assert "lonely the evenings get" in reader.get(f"/t/{post.thread_id}").get_data(as_text=True)


def test_a_british_number_is_shown_back_as_written_not_in_another_country(app, client):
    # "07700 900123" is a valid Indian mobile number too; the status page once showed
    # it as +91 7700 900123.
    post_id = start_thread(
        client, "Evenings", "Leeds here too, and it gets lonely. Ring me on 07700 900123 x"
    )
    assert post_row(app, post_id).verdict["hold_kind"] == "safety"
    status = client.get(f"/p/{post_id}/status").get_data(as_text=True)
    assert '<span class="contact-value">07700 900123</span>' in status
    assert "+91" not in status and "917700900123" not in status


def test_a_warning_is_published_masked_for_readers_and_as_written_for_moderators(
    app, client, moderator
):
    post_id = start_thread(client, "Beware of Dr Ozil", WARNING)
    post = post_row(app, post_id)
    assert post.status == PostStatus.PUBLISHED
    assert post.body == WARNING  # stored as written

    reader = app.test_client()
    for url in ("/", f"/t/{post.thread_id}", f"/p/{post_id}/status", f"/p/{post_id}/report"):
        html = reader.get(url).get_data(as_text=True)
        assert "0199" not in html and "8105550199" not in html, url
    thread = reader.get(f"/t/{post.thread_id}").get_data(as_text=True)
    assert "WhatsApp [contact removed] promising" in thread
    # The author's own browser sees the thread as readers do.
    assert "0199" not in client.get(f"/t/{post.thread_id}").get_data(as_text=True)

    campaign = moderator.get("/mod/campaign?contact=phone:%2B2348105550199")
    assert "+234 810 555 0199" in campaign.get_data(as_text=True)


def test_a_reported_warning_shows_moderators_the_original(app, client, moderator):
    post_id = start_thread(client, "Beware of Dr Ozil", WARNING)
    reader = app.test_client()
    response = submit_as_rendered(
        reader, f"/p/{post_id}/report", f"/p/{post_id}/report", {"reason": "spam"}
    )
    assert response.status_code in (302, 200)
    html = moderator.get("/mod/queue").get_data(as_text=True)
    assert "+234 810 555 0199" in html and "contacts masked for readers" in html


def _entry_form(html: str, post_id: int):
    forms = [f for f in rendered_forms(html) if ("post_id", str(post_id)) in f.fields]
    assert len(forms) == 1
    return forms[0]


def test_approving_or_removing_a_safety_hold_is_no_training_label(app, client, moderator):
    first = start_thread(client, "Lonely evenings", PRIVATE)
    second = start_thread(client, "Lonely nights", PRIVATE.replace("07911", "07700"))
    third = start_thread(client, "Lonely mornings", PRIVATE.replace("07911", "07405"))
    html = moderator.get("/mod/queue").get_data(as_text=True)
    assert "safety hold: personal contact details" in html
    for post_id, button in ((first, "Approve"), (second, "Remove"), (third, "Reject as spam")):
        html = moderator.get("/mod/queue").get_data(as_text=True)
        data = _entry_form(html, post_id).data(button=f"{button} post {post_id}")
        assert moderator.post("/mod/decide", data=data).status_code == 302
    with app.app_context():
        assert db.session.get(Post, first).status == PostStatus.PUBLISHED
        assert db.session.get(Post, second).status == PostStatus.REMOVED
        labels = {p.id: p.label for p in db.session.execute(db.select(Post)).scalars()}
        # The moderator's own "spam" is a label; the safety hold alone never is.
        assert labels == {first: None, second: None, third: "spam"}


def test_an_edit_held_for_safety_keeps_the_published_warning_masked(app, client):
    post_id = start_thread(client, "Beware of Dr Ozil", WARNING)
    edit = "Update: I'm ok now. Text me on 07911 123456 if you want to talk."
    response = submit_as_rendered(
        client,
        f"/p/{post_id}/edit",
        f"/p/{post_id}/edit",
        {"title": "Doing better", "body": edit, "token": _remembered_token(client, post_id)},
    )
    assert response.status_code == 302
    post = post_row(app, post_id)
    assert post.pending_body == edit and post.body == WARNING
    html = app.test_client().get(f"/t/{post.thread_id}").get_data(as_text=True)
    assert "0199" not in html and "07911" not in html
    status = client.get(f"/p/{post_id}/status").get_data(as_text=True)
    assert "We held it to keep you safe" in status
