"""Promise (README "Formatting"): formatting changes how a post looks, never what it
says. Screening reads the text as typed; the masks of a warning's contacts hold inside
a link, emphasis and a quote; formatting never turns text screening did not read as a
contact into one a reader reads (a number split by emphasis, an address spelled in
character references); and a link's words never hide where it goes."""

import re

import pytest

from models import Post, PostStatus, db
from tests.promises.forms import submit_as_rendered

WARNING = (
    "Please be careful, this is a scam:\n\n"
    "- he wrote on WhatsApp **+234 810 555 0199**\n"
    "- and from *ozil.temple@mailbox.com*\n\n"
    "> [message +234 810 555 0199 now](https://scam-watch.example/ozil) he said\n\n"
    "He took $300 from me. Please don't contact him."
)
SPELLINGS = ("555 0199", "5550199", "8105550199", "ozil.temple", "mailbox.com")


def _post(app, client, title: str, body: str) -> Post:
    response = submit_as_rendered(client, "/new", "/new", {"title": title, "body": body})
    assert response.status_code == 302
    with app.app_context():
        post = db.session.execute(db.select(Post).order_by(Post.id.desc())).scalars().first()
        db.session.expunge(post)
        return post


def test_masks_hold_inside_links_emphasis_lists_and_quotes(app, client):
    post = _post(app, client, "Beware of this man", WARNING)
    assert post.status == PostStatus.PUBLISHED and post.body == WARNING
    for url in (f"/t/{post.thread_id}", "/", f"/p/{post.id}/status", "/feed.atom"):
        page = app.test_client().get(url).get_data(as_text=True)
        for spelling in SPELLINGS:
            assert spelling not in page, (url, spelling)
    page = app.test_client().get(f"/t/{post.thread_id}").get_data(as_text=True)
    assert "<li>he wrote on WhatsApp <strong>[contact removed]</strong></li>" in page
    assert "<li>and from <em>[contact removed]</em></li>" in page
    assert re.search(
        r'<blockquote>\s*<p><a href="https://scam-watch.example/ozil" rel="nofollow ugc noopener"'
        r' target="_blank">message \[contact removed\] now \(scam-watch.example\)</a> he said',
        page,
    )


@pytest.mark.parametrize(
    ("typed", "hidden"),
    [
        # (Emphasis inside a number is read by screening as the number readers see:
        # tests/promises/test_contacts_hidden_by_formatting_are_screened.py.)
        # Character references are shown as typed, never decoded into an address.
        ("jo&#64;example&#46;com", "jo@example.com"),
        ("jo&#x40;example.com", "jo@example.com"),
    ],
)
def test_formatting_never_reveals_a_contact_screening_did_not_read(app, client, typed, hidden):
    body = f"Day 9. My sister says I could write to {typed} but I can't yet."
    post = _post(app, client, "Day nine", body)
    with app.app_context():
        db.session.execute(db.update(Post).values(status=PostStatus.PUBLISHED))
        db.session.commit()
    page = app.test_client().get(f"/t/{post.thread_id}").get_data(as_text=True)
    text = re.sub(r"<[^>]+>", "", page).replace("&amp;", "&")
    assert hidden not in text
    assert typed in text


def test_a_link_never_hides_where_it_goes(app, client):
    body = "My story, for anyone who needs it: [read it on paypal.com](https://evil.example/x)"
    post = _post(app, client, "My story", body)
    with app.app_context():
        db.session.execute(db.update(Post).values(status=PostStatus.PUBLISHED))
        db.session.commit()
    page = app.test_client().get(f"/t/{post.thread_id}").get_data(as_text=True)
    assert (
        '<a href="https://evil.example/x" rel="nofollow ugc noopener" target="_blank">'
        "read it on paypal.com (evil.example)</a>"
    ) in page


def test_nesting_is_shown_as_typed_exactly_past_the_limits_readme_states(app, client):
    """README: past 16 levels (a quote one, a list two) a post is shown as typed. It
    said "more than 16 quotes, more than 8 lists", and a tester's eight quoted list
    items, within both, were shown as typed: "> - " five times is the most formatted."""
    within = "> - " * 5 + "within"
    post = _post(app, client, "Deep", within)
    page = app.test_client().get(f"/t/{post.thread_id}").get_data(as_text=True)
    assert page.count("<blockquote>") == 5 and page.count("<ul>") == 5
    beyond = "> - " * 6 + "beyond"
    thread = f"/t/{post.thread_id}"
    response = submit_as_rendered(client, thread, f"{thread}/reply", {"body": beyond})
    assert response.status_code == 302
    page = app.test_client().get(thread).get_data(as_text=True)
    assert "&gt; - " * 6 + "beyond" in page
    assert page.count("<blockquote>") == 5
