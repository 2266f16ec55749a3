"""README, Moderating: a bulk decision "asks first ... nothing changes until you
confirm", and "if someone else decided a post after your page was loaded, your decision
on it changes nothing ... even if it has been undone since". Each is tried with every
action, the forms sent exactly as the pages render them, and the database read after."""

import pytest

from models import Ban, Decision, Post, db
from tests.conftest import staff_client
from tests.mod.test_decisions import decide, post_scam
from tests.promises.forms import rendered_form, rendered_forms

ACTIONS = {
    "approve": "Approve ticked posts",
    "reject": "Reject as spam ticked posts",
    "remove": "Remove ticked posts",
    "ban": "Ban poster of ticked posts",
}


def _state(app) -> tuple:
    with app.app_context():
        posts = db.session.execute(db.select(Post.id, Post.status, Post.label)).all()
        decisions = db.session.execute(db.select(db.func.count(Decision.id))).scalar_one()
        bans = db.session.execute(db.select(db.func.count(Ban.id))).scalar_one()
    return sorted(posts), decisions, bans


@pytest.mark.parametrize("action", ACTIONS)
def test_a_bulk_form_as_rendered_changes_nothing_until_confirmed(app, client, moderator, action):
    ids = [post_scam(client, title=f"Spell {n}") for n in range(3)]
    before = _state(app)
    html = moderator.get("/mod/queue").get_data(as_text=True)
    bulk = [f for f in rendered_forms(html) if ("confirmed", "no") in f.fields][0]
    ticked = {"post_id": [str(i) for i in ids], "ban_address": "y", "note": "n"}
    asked = moderator.post(bulk.action, data=bulk.data(ticked, button=ACTIONS[action]))
    assert asked.status_code == 200 and "3 posts?" in asked.get_data(as_text=True)
    assert _state(app) == before
    # Asking again, or going back to the queue, changes nothing either.
    moderator.post(bulk.action, data=bulk.data(ticked, button=ACTIONS[action]))
    moderator.get("/mod/queue")
    assert _state(app) == before


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("undone", [False, True], ids=["decided", "decided-then-undone"])
def test_an_old_page_never_decides_a_post_twice(app, client, moderator, action, undone):
    post_id = post_scam(client)
    old_page = moderator.get("/mod/queue").get_data(as_text=True)
    other = staff_client(app, "bo", "moderator")
    decide(other, [post_id], "remove")
    if undone:
        with app.app_context():
            removal = db.session.execute(db.select(Decision.id)).scalar_one()
        confirmation = other.get(f"/mod/log/{removal}/undo").get_data(as_text=True)
        form = rendered_form(confirmation, "/reverse")
        other.post(form.action, data=form.data())
    before = _state(app)

    # The post's own form on the old page.
    own = [f for f in rendered_forms(old_page) if ("post_id", str(post_id)) in f.fields][0]
    label = next(b[2] for b in own.buttons if b[1] == action)
    response = moderator.post(own.action, data=own.data(button=label))
    assert response.status_code == 302
    assert _state(app) == before

    # The bulk form on the old page, confirmed on the page it leads to.
    bulk = [f for f in rendered_forms(old_page) if ("confirmed", "no") in f.fields][0]
    asked = moderator.post(bulk.action, data=bulk.data({"post_id": str(post_id)}, ACTIONS[action]))
    assert asked.status_code == 200
    if undone:  # it waits again, so the question offers to decide it
        confirm = rendered_form(asked.get_data(as_text=True), "/mod/decide")
        button = next(b[2] for b in confirm.buttons if b[1] == action)
        done = moderator.post(confirm.action, data=confirm.data(button=button))
        assert "already decided by bo" in moderator.get(done.headers["Location"]).get_data(
            as_text=True
        )
    assert _state(app) == before
