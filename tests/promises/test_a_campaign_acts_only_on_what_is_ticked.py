"""Promise (README, Campaigns; the confirmation page): a campaign action "rejects only the
ticked posts and bans only their posters, after a confirmation page that says exactly
what will change", and "if anything changed in the meantime, the new plan is shown and
nothing is done".

The test builds a campaign with everything that could be swept up by mistake (a warning
that quotes the scammer's number, its author's held post, an appeal, a scammer's other
held post elsewhere), reads the whole database before and after, and compares what
changed with what the confirmation page said, post by post.
"""

import re

from sqlalchemy import select

from models import Appeal, Ban, Post, db
from tests.conftest import SCAM, submit
from tests.mod.test_campaigns import WARNING, browser, confirm, open_campaign
from tests.mod.test_decisions import decide, post_scam
from tests.promises.forms import rendered_form, submit_as_rendered

URL = "/mod/campaign?contact=phone:%2B15552345678"


def _state(app):
    with app.app_context():
        posts = {
            p.id: (p.status, p.label, p.awaiting_review)
            for p in db.session.execute(select(Post)).scalars()
        }
        bans = {b.poster_hash for b in db.session.execute(select(Ban)).scalars()}
        appeals = {a.post_id: a.state for a in db.session.execute(select(Appeal)).scalars()}
        posters = {p.id: p.poster_hash for p in db.session.execute(select(Post)).scalars()}
    return posts, bans, appeals, posters


def _listed(html: str) -> set[int]:
    """The post ids the confirmation lists as changing (before "Left as they are")."""
    changing = html.split("Left as they are")[0].split("Nothing has changed yet")[1]
    return {int(n) for n in re.findall(r"#(\d+) ·", changing)}


def _a_campaign_with_bystanders(app, moderator) -> dict[str, int]:
    helper = browser(app, "198.51.100.4")
    submit(helper, "/new", {"title": "Beware of spell casters", "body": "They prey on us."})
    reply = submit(helper, "/t/1", {"body": WARNING}, "/t/1/reply")
    warning = int(reply.headers["Location"].split("/")[2])
    decide(moderator, [warning], "approve")
    # The warning's author also has a held post quoting the number: left out too.
    helper_held = post_scam(helper, "Is this him?", "Is this the man? " + WARNING)
    scammers = [browser(app, f"203.0.113.{n}") for n in range(1, 5)]
    scams = [post_scam(c, f"Testimony {n}", f"Story {n}. " + SCAM) for n, c in enumerate(scammers)]
    elsewhere = post_scam(scammers[0], "Unrelated", "Dr Ade the great healer, email ade@x.org")
    decide(moderator, [scams[3]], "reject")
    submit_as_rendered(scammers[3], f"/p/{scams[3]}/status", "/appeal", {"message": "Not me"})
    return {"warning": warning, "helper_held": helper_held, "elsewhere": elsewhere} | {
        f"scam{n}": post_id for n, post_id in enumerate(scams)
    }


def test_what_changes_is_exactly_what_the_confirmation_said(app, moderator):
    ids = _a_campaign_with_bystanders(app, moderator)
    page = moderator.get(URL).get_data(as_text=True)
    form = rendered_form(page, "/campaign/confirm")
    ticked = {int(v) for n, v in form.fields if n == "post_id"}
    assert ticked == {ids["scam0"], ids["scam1"], ids["scam2"]}  # the bystanders are not

    # The moderator ticks the appealed post as well, and unticks scam 2.
    choice = [str(ids["scam0"]), str(ids["scam1"]), str(ids["scam3"])]
    confirmation = open_campaign(moderator, URL, {"post_id": choice})
    html = confirmation.get_data(as_text=True)
    heading = re.search(r"<h1>(.*?)\?</h1>", html).group(1)
    before = _state(app)
    assert confirm(moderator, confirmation).status_code == 302
    after = _state(app)

    changed = {i for i in before[0] if before[0][i] != after[0][i]}
    assert changed == _listed(html) == {ids["scam0"], ids["scam1"], ids["scam3"], ids["elsewhere"]}
    new_bans = after[1] - before[1]
    banned_posters = {before[3][i] for i in (ids["scam0"], ids["scam1"], ids["scam3"])}
    assert new_bans == banned_posters
    answered = {i for i in after[2] if after[2][i] != before[2][i]}
    assert answered == {ids["scam3"]}
    assert heading == (
        f"Reject {len(changed)} posts, ban {len(new_bans)} posters; "
        f"{len(answered)} open appeal will be answered (refused)"
    )
    for bystander in ("warning", "helper_held", "scam2"):
        assert after[0][ids[bystander]] == before[0][ids[bystander]]
        assert before[3][ids[bystander]] not in new_bans


def test_a_form_sent_without_the_confirmation_changes_nothing(app, moderator):
    _a_campaign_with_bystanders(app, moderator)
    page = moderator.get(URL).get_data(as_text=True)
    sent = rendered_form(page, "/campaign/confirm").data()
    before = _state(app)
    response = moderator.post("/mod/campaign", data=sent)  # the confirm step skipped
    assert response.status_code == 409
    assert "Nothing has changed yet" in response.get_data(as_text=True)
    assert _state(app) == before


def test_a_post_outside_the_campaign_cannot_be_slipped_in(app, moderator):
    ids = _a_campaign_with_bystanders(app, moderator)
    page = moderator.get(URL).get_data(as_text=True)
    sent = rendered_form(page, "/campaign/confirm").data()
    sent["post_id"] = [*sent["post_id"], str(ids["elsewhere"])]
    before = _state(app)
    for url in ("/mod/campaign/confirm", "/mod/campaign"):
        assert moderator.post(url, data=sent).status_code == 400
    assert _state(app) == before
