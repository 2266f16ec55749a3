"""Promise (the forms' Preview button, README "Formatting"): a preview shows the text as
it would be posted and keeps it in the box, and saves nothing: no thread, post, verdict,
contact, address hash or edit in the database, no token issued, no rate-limit allowance
spent. Forms are submitted exactly as the page renders them, pressing Preview."""

import re
from html import unescape

import pytest

from models import Post, db
from tests.promises.forms import rendered_form, submit_as_rendered

FORMATTED = "Day 12.\n\nI *finally* slept **eight hours**.\n\n> you will be ok\n\n- walk\n- eat"
# Screening would hold this (a spell caster's contacts); a preview must not screen it into
# the queue or keep its contacts.
SCAM = (
    "Dr Obodo cast a powerful love spell and my ex came back in 48 hours! Contact him on "
    "WhatsApp +1 (555) 234-5678 or email drobodo@gmail.com"
)


def _row_counts(app) -> dict[str, int]:
    with app.app_context():
        return {
            table.name: db.session.execute(db.select(db.func.count()).select_from(table)).scalar()
            for table in db.metadata.sorted_tables
        }


def _box(page: str) -> str:
    match = re.search(r'<textarea[^>]*name="body"[^>]*>(?:\r?\n)?(.*?)</textarea>', page, re.DOTALL)
    return unescape(match.group(1))


def _preview(page: str) -> str:
    match = re.search(r'<section class="preview".*?</section>', page, re.DOTALL)
    assert match, "no preview on the page"
    return match.group(0)


def _no_token_issued(client) -> None:
    assert client.get_cookie("mend_tokens") is None
    with client.session_transaction() as session:
        assert "new_token" not in session


@pytest.mark.parametrize("body", [FORMATTED, SCAM])
def test_previewing_a_thread_saves_nothing_and_keeps_the_text(app, client, body):
    client.get("/new")
    before = _row_counts(app)
    response = submit_as_rendered(
        client, "/new", "/new", {"title": "Twelve days", "body": body}, button="Preview"
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert _row_counts(app) == before
    _no_token_issued(client)
    assert _box(page) == body
    assert 'value="Twelve days"' in page
    if body == FORMATTED:
        preview = _preview(page)
        assert "<em>finally</em>" in preview and "<strong>eight hours</strong>" in preview
        assert "<blockquote>" in preview and "<li>walk</li>" in preview
    # The page that came back is the form to post it with, as it stands.
    form = rendered_form(page, "/new")
    posted = client.post("/new", data=form.data(button=None))
    assert posted.status_code == 302
    with app.app_context():
        post = db.session.execute(db.select(Post)).scalar_one()
        assert post.body == body


def test_previewing_a_reply_saves_nothing(app, client, post_thread):
    assert post_thread().status_code == 302
    reader = app.test_client()
    reader.get("/t/1")
    before = _row_counts(app)
    response = submit_as_rendered(reader, "/t/1", "/reply", {"body": FORMATTED}, button="Preview")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert _row_counts(app) == before
    _no_token_issued(reader)
    assert _box(page) == FORMATTED
    assert "<strong>eight hours</strong>" in _preview(page)


def test_previewing_an_edit_changes_nothing(app, client, post_thread):
    assert post_thread(body="The first version.").status_code == 302
    with app.app_context():
        before_post = db.session.get(Post, 1)
        before = (before_post.body, before_post.pending_body, before_post.edited_at)
    counts = _row_counts(app)
    response = submit_as_rendered(client, "/p/1/edit", "/edit", {"body": SCAM}, button="Preview")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert _box(page) == SCAM
    assert "drobodo@gmail.com" in _preview(page)  # the author's own words, as they'd show
    assert _row_counts(app) == counts
    with app.app_context():
        post = db.session.get(Post, 1)
        assert (post.body, post.pending_body, post.edited_at) == before


def test_an_edit_preview_needs_the_posts_token(app, client, post_thread):
    """Without the token, Preview is refused like Save: the page is no way round it."""
    assert post_thread(body="The first version.").status_code == 302
    stranger = app.test_client()
    response = submit_as_rendered(
        stranger, "/p/1/edit", "/edit", {"token": "guessed", "body": "Mine now"}, button="Preview"
    )
    assert response.status_code == 403
    assert 'class="preview"' not in response.get_data(as_text=True)


def test_previews_spend_no_posting_allowance(make_app):
    app = make_app(POST_RATE_LIMIT="2 per minute")
    client = app.test_client()
    for _ in range(4):
        response = submit_as_rendered(
            client, "/new", "/new", {"title": "Twelve days", "body": FORMATTED}, button="Preview"
        )
        assert response.status_code == 200
    response = submit_as_rendered(client, "/new", "/new", {"title": "Twelve days", "body": "x"})
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("body", "message"),
    [("", "Write something first."), ("x" * 10_001, "Posts can be up to 10,000 characters.")],
)
def test_a_bad_preview_says_what_is_wrong(app, client, body, message):
    response = submit_as_rendered(
        client, "/new", "/new", {"title": "Twelve days", "body": body}, button="Preview"
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page and 'class="preview"' not in page
    assert _box(page) == body
