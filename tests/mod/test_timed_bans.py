"""Bans with a duration (1 day, 7 days, 30 days, permanent) and a reason the banned
poster is shown; an ended ban no longer blocks; undoing a ban puts back everything it
changed. Every moderator and author form is submitted as the page renders it."""

from datetime import timedelta
from urllib.parse import urljoin

from sqlalchemy import select

from app.reasons import DECISION_REASONS
from models import Appeal, Ban, Decision, Post, Report, db, utcnow
from tests.conftest import submit
from tests.mod.test_campaigns import reject_campaign_as_rendered
from tests.mod.test_decisions import post_scam
from tests.promises.forms import rendered_form, rendered_forms, submit_as_rendered

GENUINE = "Week three without him. The evenings are the worst part."


def queue_form(staff, post_id):
    html = staff.get("/mod/queue").get_data(as_text=True)
    forms = [f for f in rendered_forms(html) if ("post_id", str(post_id)) in f.fields]
    assert len(forms) == 1, f"no single queue form for post {post_id}"
    return forms[0]


def ban_as_rendered(staff, post_id, changes):
    form = queue_form(staff, post_id)
    pressed = form.data(changes, f"Ban poster of post {post_id}")
    return staff.post(urljoin("/mod/queue", form.action), data=pressed)


def new_thread(client, title="Hello again", body="Please let me back"):
    return submit(client, "/new", {"title": title, "body": body})


def bans(app) -> list[tuple]:
    with app.app_context():
        rows = db.session.execute(select(Ban).order_by(Ban.id)).scalars()
        return [(b.decision_id, b.expires_at, b.lifted_at, b.reason) for b in rows]


def test_the_ban_choices_are_one_day_to_permanent(app, moderator, client):
    scam = post_scam(client)
    form = queue_form(moderator, scam)
    assert form.choices["ban_for"] == ["permanent", "30", "7", "1"]
    # What the page sends if the moderator does not change it: as every ban was.
    assert dict(form.fields)["ban_for"] == "permanent"


def test_a_seven_day_ban_says_why_and_until_when_and_ends_by_itself(app, moderator, client):
    scam = post_scam(client)
    banned_at = utcnow()
    response = ban_as_rendered(moderator, scam, {"ban_for": "7", "reason": "spam"})
    assert response.status_code == 302
    assert "The ban ends" in moderator.get("/mod/queue").get_data(as_text=True)
    ((_, ends, lifted, reason),) = bans(app)
    assert lifted is None and reason == "spam"
    assert timedelta(days=7) <= ends - banned_at < timedelta(days=7, minutes=1)

    refused = new_thread(client)
    assert refused.status_code == 403
    html = refused.get_data(as_text=True)
    assert DECISION_REASONS["spam"] in html
    assert f">{ends.day} {ends:%B %Y, %H:%M} UTC</time>" in html
    assert "no end date" not in html and "Please let me back" in html  # words kept

    with app.app_context():  # a week later
        db.session.execute(db.update(Ban).values(expires_at=utcnow() - timedelta(seconds=1)))
        db.session.commit()
    assert new_thread(client).status_code == 302


def test_a_permanent_ban_has_no_end_date(app, moderator, client):
    scam = post_scam(client)
    ban_as_rendered(moderator, scam, {"reason": "abuse"})
    ((_, ends, _, reason),) = bans(app)
    assert ends is None and reason == "abuse"
    html = new_thread(client).get_data(as_text=True)
    assert "no end date" in html and DECISION_REASONS["abuse"] in html


def test_bulk_bans_and_campaigns_take_the_chosen_duration(app, moderator):
    scammers = [app.test_client() for _ in range(3)]
    for n, client in enumerate(scammers):
        client.environ_base["REMOTE_ADDR"] = f"192.0.2.{n + 10}"
    first = [post_scam(c, f"Came back {n}") for n, c in enumerate(scammers)][0]

    # The bulk bar: the ticked boxes belong to it (form="bulk") though they sit outside.
    html = moderator.get("/mod/queue").get_data(as_text=True)
    (bulk,) = [
        f
        for f in rendered_forms(html)
        if f.action.endswith("/mod/decide") and "post_id" not in dict(f.fields)
    ]
    ticked = bulk.data({"post_id": [str(first)], "ban_for": "1"}, "Ban poster of ticked posts")
    question = moderator.post(urljoin("/mod/queue", bulk.action), data=ticked)
    assert question.status_code == 200 and "banned for 1 day" in question.get_data(as_text=True)
    answer = rendered_form(question.get_data(as_text=True), "/mod/decide")
    assert moderator.post(answer.action, data=answer.data(None, "action")).status_code == 302
    ((_, ends, _, _),) = bans(app)
    assert timedelta(hours=23) < ends - utcnow() <= timedelta(days=1)

    campaign = "/mod/campaign?contact=email:drobodo@gmail.com"
    response = reject_campaign_as_rendered(moderator, campaign, {"ban_for": "30"})
    assert response.status_code == 302
    later = bans(app)[1:]
    assert len(later) == 2
    for _, ends, _, _ in later:
        assert timedelta(days=29) < ends - utcnow() <= timedelta(days=30)


def snapshot(app) -> dict:
    """Everything a ban decision can change, apart from the ban rows themselves."""
    with app.app_context():
        posts = db.session.execute(select(Post).order_by(Post.id)).scalars()
        appeals = db.session.execute(select(Appeal).order_by(Appeal.id)).scalars()
        reports = db.session.execute(select(Report).order_by(Report.id)).scalars()
        return {
            "posts": [(p.id, p.status, p.label, p.awaiting_review) for p in posts],
            "appeals": [(a.post_id, a.state, a.decision_id, a.message) for a in appeals],
            "reports": [(r.post_id, r.decision_id) for r in reports],
        }


def test_undoing_a_ban_puts_back_every_post_status_appeal_and_report(app, moderator, client):
    appealed, held = post_scam(client, "One"), post_scam(client, "Two")
    published = int(new_thread(client, "Week three", GENUINE).headers["Location"].split("/")[2])
    # The first scam was rejected and its author appealed; a reader reported the third.
    form = queue_form(moderator, appealed)
    moderator.post("/mod/decide", data=form.data({}, f"Reject as spam post {appealed}"))
    status = f"/p/{appealed}/status"
    appeal = submit_as_rendered(client, status, "/appeal", {"message": "It was a joke"})
    assert appeal.status_code == 302
    reader = app.test_client()
    reader.environ_base["REMOTE_ADDR"] = "198.51.100.9"
    report = submit_as_rendered(reader, f"/p/{published}/report", "/report", {"reason": "spam"})
    assert report.status_code == 302
    before = snapshot(app)

    assert ban_as_rendered(moderator, appealed, {"ban_for": "30"}).status_code == 302
    during = snapshot(app)
    assert during != before
    statuses = {post_id: status for post_id, status, _, _ in during["posts"]}
    assert (statuses[appealed], statuses[held]) == ("removed", "removed")
    assert during["appeals"][0][1] == "denied"
    assert new_thread(client).status_code == 403

    with app.app_context():
        ban_decision = db.session.execute(
            select(Decision.id).where(Decision.action == "ban")
        ).scalar_one()
    undone = submit_as_rendered(
        moderator, f"/mod/log/{ban_decision}/undo", f"/mod/log/{ban_decision}/reverse"
    )
    assert undone.status_code == 302
    assert snapshot(app) == before
    ((_, _, lifted, _),) = bans(app)
    assert lifted is not None
    assert new_thread(client).status_code == 302


def test_undoing_a_longer_ban_leaves_the_shorter_one_as_it_was(app, moderator, client):
    scam = post_scam(client)
    published = int(new_thread(client, "Week three", GENUINE).headers["Location"].split("/")[2])
    reader = app.test_client()
    reader.environ_base["REMOTE_ADDR"] = "198.51.100.9"
    submit_as_rendered(reader, f"/p/{published}/report", "/report", {"reason": "spam"})

    ban_as_rendered(moderator, scam, {"ban_for": "1"})
    ban_as_rendered(moderator, published, {"ban_for": "permanent"})
    one_day, permanent = bans(app)
    assert one_day[1] is not None and permanent[1] is None
    assert "no end date" in new_thread(client).get_data(as_text=True)

    undone = submit_as_rendered(
        moderator, f"/mod/log/{permanent[0]}/undo", f"/mod/log/{permanent[0]}/reverse"
    )
    assert undone.status_code == 302
    assert bans(app)[0] == one_day
    refused = new_thread(client)
    assert refused.status_code == 403 and "no end date" not in refused.get_data(as_text=True)


def test_a_shorter_ban_over_a_longer_one_adds_nothing(app, moderator, client):
    scam = post_scam(client)
    published = int(new_thread(client, "Week three", GENUINE).headers["Location"].split("/")[2])
    reader = app.test_client()
    reader.environ_base["REMOTE_ADDR"] = "198.51.100.9"
    submit_as_rendered(reader, f"/p/{published}/report", "/report", {"reason": "spam"})
    ban_as_rendered(moderator, scam, {"ban_for": "30"})
    ban_as_rendered(moderator, published, {"ban_for": "1"})
    assert len(bans(app)) == 1
