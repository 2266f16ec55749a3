"""Promise (README, "Screened before it is shown", "Safety holds and masked warnings",
"Formatting"): a contact whose pieces are wrapped in Markdown emphasis, spread over
list items, or written with the letter O for zero is read by screening as the reader
reads it. A stranger's number is held for the poster's safety (never shown to readers),
a warning's quoted number is masked, and a warning that quotes no contact is published.

Found by an outside tester on the running app: each of these was published with no
contact found. The attacker posts through the forum's own form, as the page renders it.
"""

import pytest

from models import Post, PostStatus, db
from tests.promises.forms import submit_as_rendered

HIDDEN = {
    "emphasis in a number": ("text me on +44 7700 *900* 456", "+447700900456", "900"),
    "strong in a number": ("text me on +234 803 **555** 1234", "+2348035551234", "555"),
    "strikethrough markers": ("text me on ~~0803~~ 555 1234", "08035551234", "0803"),
    "emphasis around the at": ("write to sam.jones**@**gmail.com", "sam.jones@gmail.com", "jones"),
    "a number over list items": ("text me on\n- 07700\n- 900 456", "07700900456", "07700"),
    "list items in a quote": ("text me on\n> - 07700\n> - 900 456", "07700900456", "07700"),
    "letter O for zero": ("text me on O77OO 9OO 456", "07700900456", "9OO"),
}


def _post(app, client, title: str, body: str) -> Post:
    response = submit_as_rendered(client, "/new", "/new", {"title": title, "body": body})
    assert response.status_code == 302
    with app.app_context():
        post = db.session.execute(db.select(Post).order_by(Post.id.desc())).scalars().first()
        db.session.expunge(post)
        return post


def _readers_page(app, post: Post) -> str:
    # A fresh client: no cookie, no token, a stranger reading the thread.
    return app.test_client().get(f"/t/{post.thread_id}").get_data(as_text=True)


@pytest.mark.parametrize(("written", "contact", "piece"), HIDDEN.values(), ids=HIDDEN.keys())
def test_a_strangers_hidden_contact_is_held_for_safety(app, client, written, contact, piece):
    body = f"Day 12 since she left. I am lonely at night, {written} if you want to talk."
    post = _post(app, client, "Lonely tonight", body)
    assert post.status != PostStatus.PUBLISHED
    assert post.verdict["hold_kind"] == "safety"
    assert any(contact in found for found in post.verdict["personal_contacts"])
    # Read back from the database: the text is kept as written, and no reader sees it.
    assert post.body == body
    page = _readers_page(app, post)
    assert piece not in page and "lonely at night" not in page.lower()


@pytest.mark.parametrize(("written", "contact", "piece"), HIDDEN.values(), ids=HIDDEN.keys())
def test_a_warnings_hidden_contact_is_masked(app, client, written, contact, piece):
    body = (
        "Beware of this man, he is a scammer. He took $300 from me and vanished. "
        f"He wrote {written}. Please don't contact him."
    )
    post = _post(app, client, "Beware of this scammer", body)
    assert post.status == PostStatus.PUBLISHED, post.verdict
    assert post.body == body
    assert any(contact in found for found in post.verdict["masked_contacts"])
    page = _readers_page(app, post)
    assert "[contact removed]" in page
    assert piece not in page


def test_a_warning_with_no_contact_is_published(app, client):
    body = "Scam alert: Dr Lovemore is a fake spell caster, never contact him"
    post = _post(app, client, "Scam alert", body)
    assert post.status == PostStatus.PUBLISHED, post.verdict
    assert post.verdict["hold_kind"] is None
    assert "Dr Lovemore is a fake spell caster" in _readers_page(app, post)


def test_the_same_caster_offered_with_no_contact_is_still_held(app, client):
    # Not a warning: no warning outweighs the offer, so the spell caster stays held.
    body = "Dr Lovemore is a real spell caster, he brought my ex back in 48 hours, contact him"
    post = _post(app, client, "He is real", body)
    assert post.status != PostStatus.PUBLISHED
    assert post.verdict["hold_kind"] == "spam"
