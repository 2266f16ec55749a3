"""A scam is held, a moderator decides it, and the log and the labels say so."""

from sqlalchemy import select

from models import Decision, Post, PostStatus, db
from tests.conftest import SCAM, submit


def post_scam(client, title="My ex came back!", body=SCAM):
    response = submit(client, "/new", {"title": title, "body": body})
    assert response.status_code == 302
    return int(response.headers["Location"].split("/")[2])


def decide(staff, post_ids, action, **extra):
    data = {"action": action, "post_id": [str(i) for i in post_ids], **extra}
    return submit(staff, "/mod/queue", data, "/mod/decide")


def post_row(app, post_id) -> Post:
    with app.app_context():
        post = db.session.get(Post, post_id)
        db.session.expunge(post)
        return post


def test_a_scam_is_held_and_shown_in_the_queue_with_its_reasons(app, client, moderator):
    post_id = post_scam(client)
    assert post_row(app, post_id).status == PostStatus.HELD
    assert "waiting for a moderator" in client.get(f"/p/{post_id}/status").get_data(as_text=True)
    assert "My ex came back!" not in client.get("/").get_data(as_text=True)

    html = moderator.get("/mod/queue").get_data(as_text=True)
    assert "Dr Obodo cast a powerful love spell" in html
    assert "spell_caster" in html and "cast a powerful love spell" in html
    assert "drobodo@gmail.com" in html and "+15552345678" in html
    assert "Classifier:" in html
    # Its strongest terms in words a moderator reads, not the model's internal tokens.
    strongest = html.split("strongest:", 1)[1].split("</p>", 1)[0]
    assert "<code>" in strongest and "zz" not in strongest and "word:" not in strongest
    assert 'class="count">1<' in html  # the header count


def test_approving_publishes_and_labels_ham(app, client, moderator):
    post_id = post_scam(client, body="Honestly I just miss him. Is that strange? " + SCAM)
    response = decide(moderator, [post_id], "approve", note="testimonial, but real")
    assert response.status_code == 302
    post = post_row(app, post_id)
    assert (post.status, post.label, post.awaiting_review) == ("published", "ham", False)
    assert "My ex came back!" in client.get("/").get_data(as_text=True)
    assert "A moderator read it and published it" in client.get(f"/p/{post_id}/status").get_data(
        as_text=True
    )

    log = moderator.get("/mod/log").get_data(as_text=True)
    assert "approve" in log and "testimonial, but real" in log and "held → published" in log


def test_rejecting_removes_labels_spam_and_tells_the_author_why(app, client, moderator):
    post_id = post_scam(client)
    decide(moderator, [post_id], "reject", note="Please don't post contact details.")
    post = post_row(app, post_id)
    assert (post.status, post.label) == ("removed", "spam")
    with app.app_context():
        decision = db.session.execute(select(Decision)).scalar_one()
        assert decision.action == "reject" and decision.previous_status == "held"
        assert decision.text.startswith("My ex came back!") and decision.label == "spam"
        assert decision.moderator.username == "mo"

    status = client.get(f"/p/{post_id}/status").get_data(as_text=True)
    assert "was not published" in status
    assert "looked like spam or a scam" in status
    assert "Please don&#39;t post contact details." in status
    # Readers do not see it; the author can still read and edit it.
    assert app.test_client().get(f"/p/{post_id}/status").status_code == 404
    assert client.get(f"/p/{post_id}/edit").status_code == 200


def test_remove_is_not_a_spam_label(app, client, moderator):
    submit(client, "/new", {"title": "Fine thread", "body": "Hello all."})
    post_id = post_scam(client)
    decide(moderator, [post_id], "remove", reason="abuse")
    post = post_row(app, post_id)
    assert (post.status, post.label) == ("removed", None)
    assert "unkind or hurtful" in client.get(f"/p/{post_id}/status").get_data(as_text=True)


def test_bulk_reject_of_fifty(app, client, moderator):
    ids = [post_scam(client, title=f"Came back {n}") for n in range(50)]
    html = moderator.get("/mod/queue").get_data(as_text=True)
    assert html.count('class="pick"') == 50
    response = decide(moderator, ids, "reject")
    assert response.status_code == 302
    assert "50 posts rejected as spam" in moderator.get("/mod/queue").get_data(as_text=True)
    with app.app_context():
        statuses = db.session.execute(select(Post.status, Post.label)).all()
        assert set(statuses) == {("removed", "spam")}
        assert len(db.session.execute(select(Decision)).all()) == 50
    assert "Nothing is waiting" in moderator.get("/mod/queue").get_data(as_text=True)


def test_a_decided_post_is_not_decided_twice(app, client, moderator, make_app):
    post_id = post_scam(client)
    decide(moderator, [post_id], "approve")
    decide(moderator, [post_id], "reject")
    assert post_row(app, post_id).status == "published"
    assert "had already been decided" in moderator.get("/mod/queue").get_data(as_text=True)


def test_queue_sorts_by_score_or_age_and_paginates(make_app):
    app = make_app(MOD_QUEUE_PAGE_SIZE=2)
    client = app.test_client()
    from tests.conftest import log_in, make_staff

    make_staff(app)
    staff = app.test_client()
    log_in(staff)
    ids = [post_scam(client, title=f"Came back {n}") for n in range(3)]
    with app.app_context():
        for score, post_id in zip((0.6, 0.9, 0.7), ids, strict=True):
            db.session.get(Post, post_id).score = score
        db.session.commit()
    first = staff.get("/mod/queue").get_data(as_text=True)
    assert first.index(f'id="q{ids[1]}"') < first.index(f'id="q{ids[2]}"')
    assert f'id="q{ids[0]}"' not in first and "Page 1 of 2" in first
    assert f'id="q{ids[0]}"' in staff.get("/mod/queue?page=2").get_data(as_text=True)
    oldest = staff.get("/mod/queue?sort=oldest").get_data(as_text=True)
    assert oldest.index(f'id="q{ids[0]}"') < oldest.index(f'id="q{ids[1]}"')
    for bad in ("?sort=random", "?page=0", "?page=x", "?page=99999999999"):
        assert staff.get(f"/mod/queue{bad}").status_code == 400


def test_bad_decisions_are_refused_with_400(app, client, moderator):
    post_id = post_scam(client)
    assert decide(moderator, [post_id], "explode").status_code == 400
    assert decide(moderator, [], "approve").status_code == 400
    assert decide(moderator, ["1; drop table"], "approve").status_code == 400
    assert decide(moderator, [post_id], "reject", reason="nonsense").status_code == 400
    assert decide(moderator, [post_id], "reject", note="x" * 501).status_code == 400
    assert post_row(app, post_id).status == "held"
