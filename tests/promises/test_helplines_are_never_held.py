"""Promise: "Posts naming a helpline of the allow-list are never held for it" (README,
Safety holds and masked warnings).

Every entry of the bundled list, every number, address and web site of it, is shared
the way people share them: in a reply, in a thread, next to the word "scam" in a
warning, written with spaces, dashes or an international prefix. Each post is
published, and readers see the helpline as written, never "[contact removed]".
"""

import pytest

from models import Post, PostStatus, db
from moderation.helplines import bundled_helplines
from tests.promises.forms import submit_as_rendered

ENTRIES = bundled_helplines()


def _post(app, body: str) -> Post:
    response = submit_as_rendered(
        app.test_client(), "/new", "/new", {"title": "For anyone who needs it", "body": body}
    )
    assert response.status_code == 302
    with app.app_context():
        post = db.session.execute(db.select(Post).order_by(Post.id.desc())).scalars().first()
        db.session.expunge(post)
        return post


def _contacts(entry) -> list[str]:
    return [*entry.numbers, *entry.emails, *entry.domains]


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.name for entry in ENTRIES])
def test_each_bundled_helpline_is_published_as_written(app, entry):
    shared = " or ".join(_contacts(entry))
    body = (
        f"When it got really bad I reached out to {entry.name}: {shared}. "
        "Please look after yourself tonight."
    )
    post = _post(app, body)
    assert post.status == PostStatus.PUBLISHED, post.verdict
    page = app.test_client().get(f"/t/{post.thread_id}").get_data(as_text=True)
    for contact in _contacts(entry):
        assert contact.replace("&", "&amp;").replace("'", "&#39;") in page, contact
    assert "[contact removed]" not in page


@pytest.mark.parametrize(
    "body",
    [
        "Call the hotline: 1 800 799 7233. Those spell casters are scams, don't fall for them.",
        "the domestic violence hotline is +1-800-799-7233, please call them",
        "TelefonSeelsorge +49 800 111 0 111 hat mir geholfen. Und 0800-111-0-222 auch.",
        "Kids Help Phone 1 (800) 668-6868, or text 686868. Lifeline AU 0477 13 11 14.",
        "email jo@samaritans.org or visit https://www.samaritans.org/how-we-can-help/",
        "Vandrevala Foundation +91 9999 666 555 and AASRA +91-9820466726 in India.",
    ],
)
def test_helplines_in_any_spelling_and_beside_warnings_are_published(app, body):
    post = _post(app, body)
    assert post.status == PostStatus.PUBLISHED, post.verdict
    assert not post.verdict["masks"]


def test_a_private_number_beside_a_helpline_is_still_held_for_safety(app):
    post = _post(
        app,
        "Samaritans are on 116 123 and jo@samaritans.org. Or text me, 07911 123456, any time.",
    )
    assert (post.status, post.verdict["hold_kind"]) == (PostStatus.HELD, "safety")
    assert post.verdict["personal_contacts"] == ["phone:07911123456"]
    assert post.verdict["personal_written"] == ["phone:07911 123456"]


@pytest.mark.parametrize(
    "body",
    [
        "If tonight is too much, call Samaritans on one one six one two three. They listen.",
        "In the US you can call 1 800 273 TALK any time, it got me through the worst week.",
        "The hotline is 1-800-799-SAFE if he has ever hurt you. PLEASE CALL 1-800-799-SAFE.",
        "When I couldn't speak I would text HOME to 741741 and someone answered.",
        "Dial nine eight eight if you are in the US and thinking of ending it.",
        "Call one eight hundred, two seven three, eight two five five. They are kind.",
        "In Australia ring 1800RESPECT, or Lifeline on thirteen eleven fourteen.",
        "Refuge is zero eight zero eight, two zero zero zero, two four seven, day or night.",
        "TelefonSeelsorge: null acht null null, eins eins eins, null eins eins eins.",
    ],
)
def test_helplines_in_words_or_vanity_letters_are_published(app, body):
    post = _post(app, body)
    assert post.status == PostStatus.PUBLISHED, post.verdict
    assert not post.verdict["masks"] and not post.verdict["personal_contacts"]
    page = app.test_client().get(f"/t/{post.thread_id}").get_data(as_text=True)
    assert "[contact removed]" not in page
