"""Every decision can be undone from the log; authors can appeal a rejection once."""

from sqlalchemy import select

from models import Appeal, Ban, Decision, db
from tests.conftest import remembered_token, submit
from tests.mod.test_decisions import decide, post_row, post_scam


def undo(staff, decision_id):
    return submit(staff, "/mod/log", {}, f"/mod/log/{decision_id}/reverse")


def decision_ids(app, **filters) -> list[int]:
    with app.app_context():
        query = select(Decision.id).filter_by(**filters).order_by(Decision.id)
        return list(db.session.execute(query).scalars())


def test_undoing_a_rejection_puts_the_post_back_and_clears_the_label(app, client, moderator):
    post_id = post_scam(client)
    decide(moderator, [post_id], "reject")
    [rejection] = decision_ids(app, action="reject")
    assert undo(moderator, rejection).status_code == 302

    post = post_row(app, post_id)
    assert (post.status, post.label, post.awaiting_review) == ("held", None, True)
    [reversal] = decision_ids(app, action="reverse")
    with app.app_context():
        row = db.session.get(Decision, reversal)
        assert row.reverses_id == rejection and row.new_status == "held"
        assert db.session.get(Decision, rejection).reversed_by_id == reversal
    log = moderator.get("/mod/log").get_data(as_text=True)
    assert f"undone by #{reversal}" in log and f"of #{rejection}" in log
    # Once is enough: an undone decision, or an undo, cannot be undone again.
    assert undo(moderator, rejection).status_code == 409
    assert undo(moderator, reversal).status_code == 409
    assert undo(moderator, 9999).status_code == 404


def test_undoing_an_approval_hides_the_post_again(app, client, moderator):
    post_id = post_scam(client)
    decide(moderator, [post_id], "approve")
    undo(moderator, decision_ids(app, action="approve")[0])
    post = post_row(app, post_id)
    assert (post.status, post.label) == ("held", None)
    assert "My ex came back!" not in app.test_client().get("/").get_data(as_text=True)


def test_undoing_a_ban_lifts_it_and_restores_the_posts_it_rejected(app, client, moderator):
    first, second = post_scam(client, "One"), post_scam(client, "Two")
    decide(moderator, [first], "ban")
    assert submit(client, "/new", {"title": "Hello", "body": "y"}).status_code == 403
    undo(moderator, decision_ids(app, action="ban")[0])
    assert {post_row(app, first).status, post_row(app, second).status} == {"held"}
    with app.app_context():
        assert db.session.execute(select(Ban)).scalar_one().lifted_at is not None
    assert len(decision_ids(app, action="reverse")) == 2
    assert submit(client, "/new", {"title": "Back", "body": "Hello"}).status_code == 302


def test_the_log_filters_by_moderator_and_action(app, client, moderator):
    from tests.conftest import log_in, make_staff

    make_staff(app, "second")
    other = app.test_client()
    log_in(other, "second")
    a, b = post_scam(client, "Post A"), post_scam(client, "Post B")
    decide(moderator, [a], "approve", note="note-by-mo")
    decide(other, [b], "reject", note="note-by-second")
    html = moderator.get("/mod/log?moderator=second").get_data(as_text=True)
    assert "note-by-second" in html and "note-by-mo" not in html
    html = moderator.get("/mod/log?action=approve").get_data(as_text=True)
    assert "note-by-mo" in html and "note-by-second" not in html
    assert moderator.get("/mod/log?action=explode").status_code == 400
    assert moderator.get("/mod/log?before=abc").status_code == 400


def test_an_author_appeals_once_and_the_appeal_returns_to_the_queue(app, client, moderator):
    post_id = post_scam(client, body="I found a helper, reach me at drobodo@gmail.com")
    decide(moderator, [post_id], "reject")
    status = client.get(f"/p/{post_id}/status").get_data(as_text=True)
    assert "Think this was a mistake?" in status

    response = submit(
        client,
        f"/p/{post_id}/status",
        {"message": "It was my own email, sorry!", "token": remembered_token(client, post_id)},
        f"/p/{post_id}/appeal",
    )
    assert response.status_code == 302
    assert post_row(app, post_id).awaiting_review
    html = moderator.get("/mod/queue").get_data(as_text=True)
    assert "It was my own email, sorry!" in html
    # Only once.
    again = submit(
        client,
        "/new",
        {"message": "Please!", "token": remembered_token(client, post_id)},
        f"/p/{post_id}/appeal",
    )
    assert again.status_code == 409

    decide(moderator, [post_id], "approve")
    assert post_row(app, post_id).status == "published"
    with app.app_context():
        assert db.session.execute(select(Appeal)).scalar_one().state == "granted"


def test_only_the_author_can_appeal(app, client, moderator):
    post_id = post_scam(client)
    decide(moderator, [post_id], "reject")
    stranger = app.test_client()
    response = submit(
        stranger, "/new", {"message": "let me", "token": "wrong-token"}, f"/p/{post_id}/appeal"
    )
    assert response.status_code == 403
    assert not post_row(app, post_id).awaiting_review


def test_a_rejected_post_edited_by_its_author_goes_back_to_the_queue(app, client, moderator):
    post_id = post_scam(client)
    decide(moderator, [post_id], "reject")
    response = submit(
        client,
        f"/p/{post_id}/edit",
        {
            "title": "My ex came back",
            "body": "Sorry, no contact details this time.",
            "token": remembered_token(client, post_id),
        },
    )
    assert response.status_code == 302
    post = post_row(app, post_id)
    assert (post.status, post.awaiting_review) == ("held", True)
    assert post.body == "Sorry, no contact details this time."
