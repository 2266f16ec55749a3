"""Promise: a campaign search finds every post by any contact it shows (README,
"Campaigns"), including a published post whose author has an edit waiting for a
moderator: readers still see the published text, so its contacts must stay findable.

The author edits with the form as rendered (this browser fills in the token); the
moderator decides and undoes with the queue's and the log's forms as rendered. After
each step the test asks the campaign page and reads ``post_contacts`` itself.
"""

from urllib.parse import quote

from models import Decision, Post, PostContact, PostStatus, db
from tests.promises.forms import rendered_forms, submit_as_rendered

# A genuine post that shares a helpline and an address: published as it is.
TITLE = "Who helped me"
PUBLISHED = (
    "My counsellor took my call at +1 415 555 0199 and answered anna.k@example.org "
    "within a day. It helped more than I expected."
)
# The author's edit reads like the love-spell scam: screening holds it.
WAITING = (
    "Dr Obodo cast a powerful love spell and my ex came back in 48 hours! "
    "Contact him on WhatsApp +44 7700 900123"
)
OLD_PHONE, OLD_EMAIL = ("phone", "+14155550199"), ("email", "anna.k@example.org")
NEW_PHONE = ("phone", "+447700900123")
OLD = {OLD_PHONE, OLD_EMAIL}


def _stored_contacts(app) -> set[tuple[str, str]]:
    with app.app_context():
        rows = db.session.execute(
            db.select(PostContact.kind, PostContact.value).where(PostContact.post_id == 1)
        ).all()
        return {(kind, value) for kind, value in rows}


def _campaign_finds_post_1(moderator, contact: tuple[str, str]) -> bool:
    page = moderator.get(f"/mod/campaign?contact={quote(':'.join(contact))}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    found = "#1 ·" in html
    assert found == ("1 post carries this contact" in html), html
    return found


def _decide(moderator, action_label: str) -> None:
    """Press ``action_label`` on post 1's own form in the queue, as rendered."""
    html = moderator.get("/mod/queue").get_data(as_text=True)
    forms = [f for f in rendered_forms(html) if ("post_id", "1") in f.fields]
    assert len(forms) == 1, "post 1 is not waiting in the queue"
    response = moderator.post(forms[0].action, data=forms[0].data(button=f"{action_label} post 1"))
    assert response.status_code == 302


def _undo_last_decision(app, moderator) -> None:
    with app.app_context():
        decision_id = db.session.execute(
            db.select(db.func.max(Decision.id)).where(Decision.post_id == 1)
        ).scalar_one()
    url = f"/mod/log/{decision_id}/reverse"
    confirmation = f"/mod/log/{decision_id}/undo"
    assert submit_as_rendered(moderator, confirmation, url).status_code == 302


def _published_then_edit_waiting(app, client, moderator) -> None:
    response = submit_as_rendered(client, "/new", "/new", {"title": TITLE, "body": PUBLISHED})
    assert response.status_code == 302
    with app.app_context():
        held = db.session.get(Post, 1).status != PostStatus.PUBLISHED
    if held:  # however this classifier scores it, a moderator can publish it
        _decide(moderator, "Approve")
    assert _stored_contacts(app) == OLD
    edited = submit_as_rendered(client, "/p/1/edit", "/p/1/edit", {"body": WAITING})
    assert edited.status_code == 302
    with app.app_context():
        post = db.session.get(Post, 1)
        assert post.status == PostStatus.PUBLISHED
        assert (post.body, post.pending_body) == (PUBLISHED, WAITING)


def _while_the_edit_waits(app, moderator) -> None:
    # Readers see the published text; the moderator must find the post by either.
    assert _stored_contacts(app) == OLD | {NEW_PHONE}
    for contact in (OLD_PHONE, OLD_EMAIL, NEW_PHONE):
        assert _campaign_finds_post_1(moderator, contact), contact


def test_a_waiting_edit_keeps_the_published_contacts_findable(app, client, moderator):
    _published_then_edit_waiting(app, client, moderator)
    _while_the_edit_waits(app, moderator)


def test_a_second_waiting_edit_replaces_the_first_ones_contacts(app, client, moderator):
    _published_then_edit_waiting(app, client, moderator)
    again = WAITING.replace("+44 7700 900123", "+44 7700 900456")
    assert submit_as_rendered(client, "/p/1/edit", "/p/1/edit", {"body": again}).status_code == 302
    assert _stored_contacts(app) == OLD | {("phone", "+447700900456")}
    assert not _campaign_finds_post_1(moderator, NEW_PHONE)
    assert _campaign_finds_post_1(moderator, OLD_PHONE)


def test_an_approved_edit_leaves_only_the_new_texts_contacts(app, client, moderator):
    _published_then_edit_waiting(app, client, moderator)
    _decide(moderator, "Approve")
    with app.app_context():
        assert db.session.get(Post, 1).body == WAITING
    assert _stored_contacts(app) == {NEW_PHONE}
    assert _campaign_finds_post_1(moderator, NEW_PHONE)
    assert not _campaign_finds_post_1(moderator, OLD_PHONE)
    assert not _campaign_finds_post_1(moderator, OLD_EMAIL)
    # Undoing the approval puts the published text back and the edit waiting again.
    _undo_last_decision(app, moderator)
    with app.app_context():
        post = db.session.get(Post, 1)
        assert (post.body, post.pending_body) == (PUBLISHED, WAITING)
    _while_the_edit_waits(app, moderator)


def test_a_refused_edit_leaves_only_the_published_texts_contacts(app, client, moderator):
    _published_then_edit_waiting(app, client, moderator)
    _decide(moderator, "Reject as spam")
    with app.app_context():
        post = db.session.get(Post, 1)
        assert (post.status, post.body, post.pending_body) == (
            PostStatus.PUBLISHED,
            PUBLISHED,
            None,
        )
    assert _stored_contacts(app) == OLD
    assert _campaign_finds_post_1(moderator, OLD_PHONE)
    assert _campaign_finds_post_1(moderator, OLD_EMAIL)
    assert not _campaign_finds_post_1(moderator, NEW_PHONE)
    # Undoing the refusal puts the edit back in the queue: both sets again.
    _undo_last_decision(app, moderator)
    with app.app_context():
        assert db.session.get(Post, 1).pending_body == WAITING
    _while_the_edit_waits(app, moderator)


def test_the_authors_delete_clears_every_contact(app, client, moderator):
    _published_then_edit_waiting(app, client, moderator)
    assert submit_as_rendered(client, "/p/1/delete", "/p/1/delete").status_code == 302
    assert _stored_contacts(app) == set()
    for contact in (OLD_PHONE, OLD_EMAIL, NEW_PHONE):
        assert not _campaign_finds_post_1(moderator, contact), contact
