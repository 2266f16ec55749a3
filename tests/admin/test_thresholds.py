"""Admins set the hold and auto-reject thresholds, with a preview over recent posts."""

from models import AdminEvent, Post, PostStatus, db
from tests.conftest import SCAM, submit


def test_thresholds_preview_save_and_reach_screening(admin_app, admin, client, make_app):
    for n in range(3):
        submit(client, "/new", {"title": f"Hard week {n}", "body": "I miss him so much."})
    submit(client, "/new", {"title": "Came back", "body": SCAM})
    page = admin.get("/admin/thresholds").get_data(as_text=True)
    assert "Of the last 4 posts" in page and "<strong>1</strong> would have been held" in page
    assert 'data-scores="' in page and "admin.js" in page

    with admin_app.app_context():
        scores = sorted(db.session.execute(db.select(Post.score)).scalars())
    between = (scores[0] + scores[1]) / 2  # all but the lowest-scoring post
    preview = admin.get(f"/admin/thresholds?hold={between}&reject=").get_data(as_text=True)
    assert "<strong>3</strong> would have been held" in preview
    preview = admin.get(f"/admin/thresholds?hold={between}&reject={scores[-1]}")
    assert "<strong>2</strong> would have been held" in preview.get_data(as_text=True)
    assert "<strong>1</strong> rejected" in preview.get_data(as_text=True)

    bad = submit(admin, "/admin/thresholds", {"hold": "0.9", "reject": "0.5"})
    assert bad.status_code == 200 and "between the hold threshold and 1" in bad.get_data(
        as_text=True
    )
    bad = submit(admin, "/admin/thresholds", {"hold": "7", "reject": ""})
    assert bad.status_code == 200 and "Number must be between" in bad.get_data(as_text=True)

    saved = submit(admin, "/admin/thresholds", {"hold": "0.3", "reject": "0.6"})
    assert saved.status_code == 302
    reader = make_app(SCREENER_CHECK_SECONDS=0).test_client()
    response = submit(reader, "/new", {"title": "Came back", "body": SCAM})
    with admin_app.app_context():
        post = db.session.get(Post, int(response.headers["Location"].split("/")[2]))
        assert post.status == PostStatus.REMOVED  # auto-rejected, still kept for review
        assert post.awaiting_review
        event = db.session.execute(db.select(AdminEvent)).scalar_one()
        assert event.summary == "Hold threshold 0.30, auto-reject 0.60."


def test_preview_only_keeps_the_form_token_out_of_the_address_and_saves_nothing(
    admin_app, admin, client
):
    from tests.promises.forms import rendered_form, submit_as_rendered

    for n in range(3):
        submit(client, "/new", {"title": f"Hard week {n}", "body": "I miss him so much."})
    submit(client, "/new", {"title": "Came back", "body": SCAM})
    form = rendered_form(admin.get("/admin/thresholds").get_data(as_text=True), "thresholds")
    assert form.method == "post"  # a GET would put csrf_token=... in the URL
    preview = submit_as_rendered(
        admin, "/admin/thresholds", "thresholds", {"hold": "1", "reject": ""}, "Preview only"
    )
    assert preview.status_code == 200
    assert "csrf_token" not in preview.request.full_path
    page = preview.get_data(as_text=True)
    # The saved threshold (0.50) holds the scam; the typed one, previewed, holds nothing.
    assert "<strong>0</strong> would have been held" in page and "at hold 1.00" in page
    with admin_app.app_context():
        assert db.session.execute(db.select(AdminEvent)).first() is None  # nothing saved
    saved_view = admin.get("/admin/thresholds").get_data(as_text=True)
    assert "<strong>1</strong> would have been held" in saved_view
