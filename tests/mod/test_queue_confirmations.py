"""The queue's bulk decisions and the log's undo ask first, and say exactly what will
happen; every form is sent as the page renders it (issue 13, items 1 and "Confirm
before Undo")."""

from datetime import timedelta

from models import Decision, QueueClaim, db
from tests.conftest import SCAM, staff_client, submit
from tests.mod.test_decisions import decide, post_row, post_scam
from tests.promises.forms import rendered_form, rendered_forms


def _bulk_form(html: str):
    forms = [f for f in rendered_forms(html) if ("confirmed", "no") in f.fields]
    assert len(forms) == 1, "the queue has one bulk form"
    return forms[0]


def _entry_form(html: str, post_id: int):
    forms = [f for f in rendered_forms(html) if ("post_id", str(post_id)) in f.fields]
    assert len(forms) == 1
    return forms[0]


def test_approving_two_ticked_posts_asks_with_the_count_and_changes_nothing_yet(
    app, client, moderator
):
    ids = [post_scam(client, title=f"He came back {n}") for n in range(2)]
    form = _bulk_form(moderator.get("/mod/queue").get_data(as_text=True))
    ticked = {"post_id": [str(i) for i in ids]}
    asked = moderator.post(form.action, data=form.data(ticked, button="Approve ticked posts"))
    assert asked.status_code == 200
    html = asked.get_data(as_text=True)
    assert "Approve 2 posts?" in html and "every reader sees them" in html
    assert all(f"#{i} ·" in html for i in ids)
    assert {post_row(app, i).status for i in ids} == {"held"}

    # The question's own form, as rendered, does it.
    confirm = rendered_form(html, "/mod/decide")
    done = moderator.post(confirm.action, data=confirm.data(button="Approve 2 posts"))
    assert done.status_code == 302
    assert "2 posts approved." in moderator.get(done.headers["Location"]).get_data(as_text=True)
    assert {post_row(app, i).status for i in ids} == {"published"}


def test_a_bulk_ban_confirmation_says_what_a_ban_does_and_keeps_the_choices(app, client, moderator):
    ids = [post_scam(client, title=f"Spell {n}") for n in range(2)]
    form = _bulk_form(moderator.get("/mod/queue").get_data(as_text=True))
    choices = {"post_id": [str(i) for i in ids], "note": "spell ring", "reason": "spam"}
    asked = moderator.post(
        form.action, data=form.data(choices, button="Ban poster of ticked posts")
    )
    html = asked.get_data(as_text=True)
    assert "Ban the posters of 2 posts?" in html and "posters banned" in html
    confirm = rendered_form(html, "/mod/decide")
    assert ("note", "spell ring") in confirm.fields
    moderator.post(confirm.action, data=confirm.data(button="Ban the posters of 2 posts"))
    assert {post_row(app, i).status for i in ids} == {"removed"}
    with app.app_context():
        notes = db.session.execute(db.select(Decision.note).where(Decision.action == "ban"))
        assert {note for (note,) in notes} == {"spell ring"}


def test_a_ban_of_one_post_speaks_of_one_post_and_one_poster(app, client, moderator):
    post_id = post_scam(client, title="Spell alone")
    form = _bulk_form(moderator.get("/mod/queue").get_data(as_text=True))
    asked = moderator.post(
        form.action,
        data=form.data({"post_id": [str(post_id)]}, button="Ban poster of ticked posts"),
    )
    html = asked.get_data(as_text=True)
    assert "Ban the poster of 1 post?" in html and "It will be removed, its poster banned" in html
    assert "posters" not in html.split("<main", 1)[1]
    confirm = rendered_form(html, "/mod/decide")
    done = moderator.post(confirm.action, data=confirm.data(button="Ban the poster of 1 post"))
    page = moderator.get(done.headers["Location"]).get_data(as_text=True)
    assert "1 post removed and its poster banned." in page
    assert "their posters" not in page
    assert post_row(app, post_id).status == "removed"


def test_cancel_on_the_confirmation_goes_back_to_the_same_filter(client, moderator):
    post_id = post_scam(client)
    html = moderator.get("/mod/queue?view=held&sort=oldest").get_data(as_text=True)
    form = _bulk_form(html)
    asked = moderator.post(
        form.action, data=form.data({"post_id": str(post_id)}, "Remove ticked posts")
    )
    assert 'href="/mod/queue?sort=oldest&amp;view=held" class="cancel"' in asked.get_data(
        as_text=True
    )


def test_each_filter_shows_its_posts_with_a_count_from_one_query(app, client, moderator):
    held = post_scam(client)
    reported = post_scam(client, title="Fine", body="Just a calm day, thanks all.")
    assert post_row(app, reported).status == "published"
    submit(client, f"/p/{reported}/report", {"reason": "spam", "details": ""})
    html = moderator.get("/mod/queue").get_data(as_text=True)
    tabs = html.split('aria-label="Queue filters"', 1)[1].split("</nav>", 1)[0]
    assert 'All <span class="count">2</span>' in tabs
    assert 'Held <span class="count">1</span>' in tabs
    assert 'Reported <span class="count">1</span>' in tabs
    assert 'Appeals <span class="count">0</span>' in tabs
    held_view = moderator.get("/mod/queue?view=held").get_data(as_text=True)
    assert f'id="q{held}"' in held_view and f'id="q{reported}"' not in held_view
    reported_view = moderator.get("/mod/queue?view=reported").get_data(as_text=True)
    assert f'id="q{reported}"' in reported_view and f'id="q{held}"' not in reported_view
    empty = moderator.get("/mod/queue?view=appeals").get_data(as_text=True)
    assert "Nothing here is waiting" in empty
    assert moderator.get("/mod/queue?view=everything").status_code == 400


def test_a_post_someone_else_decided_since_the_page_loaded_is_not_decided_twice(
    app, client, moderator
):
    post_id = post_scam(client, body=SCAM)
    html = moderator.get("/mod/queue").get_data(as_text=True)  # mo opens the queue
    other = staff_client(app, "bo", "moderator")
    decide(other, [post_id], "reject")  # bo rejects it meanwhile...
    [rejection] = _decision_ids(app, "reject")
    undo_page = f"/mod/log/{rejection}/undo"
    confirm = rendered_form(other.get(undo_page).get_data(as_text=True), "/reverse")
    other.post(confirm.action, data=confirm.data())  # ...and undoes it: it waits again
    assert post_row(app, post_id).awaiting_review

    form = _entry_form(html, post_id)
    response = moderator.post(form.action, data=form.data(button=f"Approve post {post_id}"))
    message = moderator.get(response.headers["Location"]).get_data(as_text=True)
    assert f"Post #{post_id} was already decided by bo (rejected as spam)" in message
    assert "nothing was changed for it" in message and "0 posts approved" not in message
    assert post_row(app, post_id).status == "held"  # not published by mo's old page


def test_who_is_looking_at_a_post_is_shown_to_the_others_for_a_few_minutes(app, client, moderator):
    post_id = post_scam(client)
    html = moderator.get("/mod/queue").get_data(as_text=True)
    token = dict(_entry_form(html, post_id).fields)["csrf_token"]
    claimed = moderator.post(f"/mod/queue/{post_id}/claim", headers={"X-CSRFToken": token})
    assert claimed.status_code == 200 and claimed.json == {"claimed": True}
    assert "is looking at this" not in moderator.get("/mod/queue").get_data(as_text=True)

    other = staff_client(app, "bo", "moderator")
    theirs = other.get("/mod/queue").get_data(as_text=True)
    assert "<strong>mo</strong> is looking at this" in theirs
    # What mod.js asks every 20 seconds, to keep an open page fresh: others' claims only.
    fresh = other.get(f"/mod/queue/claims?ids={post_id},999")
    assert fresh.status_code == 200 and fresh.json[str(post_id)]["name"] == "mo"
    assert moderator.get(f"/mod/queue/claims?ids={post_id}").json == {}
    assert other.get("/mod/queue/claims?ids=1,x").status_code == 400

    with app.app_context():  # five minutes on, the claim has lapsed
        claim = db.session.get(QueueClaim, post_id)
        claim.claimed_at -= timedelta(minutes=6)
        db.session.commit()
    assert "is looking at this" not in other.get("/mod/queue").get_data(as_text=True)


def test_a_claim_needs_its_csrf_token_and_a_waiting_post(client, moderator):
    post_id = post_scam(client)
    assert moderator.post(f"/mod/queue/{post_id}/claim").status_code == 400
    html = moderator.get("/mod/queue").get_data(as_text=True)
    token = dict(_entry_form(html, post_id).fields)["csrf_token"]
    missing = moderator.post("/mod/queue/999999/claim", headers={"X-CSRFToken": token})
    assert missing.status_code == 404


def test_undo_from_the_log_says_exactly_what_will_change_first(app, client, moderator):
    post_id = post_scam(client)
    decide(moderator, [post_id], "ban")
    [ban] = _decision_ids(app, "ban")
    log = moderator.get("/mod/log").get_data(as_text=True)
    assert f'href="/mod/log/{ban}/undo"' in log
    assert not any("/reverse" in f.action for f in rendered_forms(log))  # no one-click undo

    page = moderator.get(f"/mod/log/{ban}/undo").get_data(as_text=True)
    assert f"Undo decision #{ban}?" in page
    assert f"Post #{post_id}" in page and "goes from removed back to held" in page
    assert "label goes from spam to none" in page
    assert "ban is lifted" in page
    assert post_row(app, post_id).status == "removed"  # asking changed nothing

    confirm = rendered_form(page, "/reverse")
    done = moderator.post(confirm.action, data=confirm.data({"note": "wrong person"}))
    assert done.status_code == 302 and done.headers["Location"].endswith("/mod/log")
    assert post_row(app, post_id).status == "held"
    assert moderator.get(f"/mod/log/{ban}/undo").status_code == 409


def test_the_queue_offers_to_undo_your_own_last_decision(app, client, moderator):
    post_id = post_scam(client)
    decide(moderator, [post_id], "reject")
    [rejection] = _decision_ids(app, "reject")
    html = moderator.get("/mod/queue").get_data(as_text=True)
    assert f'href="/mod/log/{rejection}/undo?back=queue" class="undo-last"' in html
    other = staff_client(app, "bo", "moderator")
    assert "Undo your last decision" not in other.get("/mod/queue").get_data(as_text=True)


def test_the_log_table_names_every_column_and_every_undo(app, client, moderator):
    ids = [post_scam(client, title=f"Spell {n}") for n in range(2)]
    for post_id in ids:
        decide(moderator, [post_id], "reject")
    log = moderator.get("/mod/log").get_data(as_text=True)
    assert "<th></th>" not in log and '<th scope="col">Undo</th>' in log
    for post_id in ids:
        assert f"reject of post {post_id}</span>" in log


def _decision_ids(app, action: str) -> list[int]:
    with app.app_context():
        query = db.select(Decision.id).where(Decision.action == action).order_by(Decision.id)
        return list(db.session.execute(query).scalars())


def test_every_action_button_in_the_queue_names_its_post(client, moderator):
    ids = [post_scam(client, title=f"Spell {n}") for n in range(2)]
    html = moderator.get("/mod/queue").get_data(as_text=True)
    labels = [label for form in rendered_forms(html) for _, _, label in form.buttons if label]
    assert len(labels) == len(set(labels))  # no two buttons share a name
    for post_id in ids:
        assert f"Approve post {post_id}" in labels and f"Ban poster of post {post_id}" in labels
