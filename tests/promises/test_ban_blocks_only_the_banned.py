"""A ban stops the banned poster, not the strangers who share their connection.

People post from shared Wi-Fi (a café, a shelter, a library) and from mobile carriers
that put thousands of phones behind one address. Banning a scammer by address would
silence all of them, so bans are by poster; a moderator may also pause the address,
explicitly and for a limited time. Every moderator form here is submitted as rendered.
"""

from datetime import timedelta
from urllib.parse import urljoin

from sqlalchemy import select

from app.poster_identity import address_hash
from models import Ban, Decision, DecisionAction, Post, db, utcnow
from tests.conftest import SCAM, remembered_token, submit
from tests.mod.test_campaigns import reject_campaign_as_rendered
from tests.mod.test_decisions import post_row, post_scam
from tests.promises.forms import rendered_forms, submit_as_rendered

CAFE = "203.0.113.50"  # one public address shared by everyone in the café


def browser_at(app, address):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def decide_as_rendered(staff, post_id, button, changes=None):
    """Press ``button`` on the queue's form for ``post_id``, as the page renders it."""
    html = staff.get("/mod/queue").get_data(as_text=True)
    forms = [f for f in rendered_forms(html) if ("post_id", str(post_id)) in f.fields]
    assert len(forms) == 1, f"no single queue form for post {post_id}"
    form = forms[0]
    # Each button's name ends with the post it acts on ("Approve post 12").
    label = next(label for _, _, label in form.buttons if label.startswith(button))
    return staff.post(urljoin("/mod/queue", form.action), data=form.data(changes, label))


def new_thread(client, title="Still here", body="Hi everyone"):
    return submit(client, "/new", {"title": title, "body": body})


def test_banning_a_scammer_does_not_block_others_on_the_same_connection(app, moderator):
    scammer, neighbour = browser_at(app, CAFE), browser_at(app, CAFE)
    scam = post_scam(scammer)
    assert new_thread(neighbour, "Week one", "Before the ban").status_code == 302

    assert decide_as_rendered(moderator, scam, "Ban poster").status_code == 302
    assert post_row(app, scam).status == "removed"

    assert new_thread(scammer, "Hello again", "Please keep me").status_code == 403
    assert new_thread(neighbour).status_code == 302
    assert submit(neighbour, "/t/2", {"body": "A reply"}, "/t/2/reply").status_code == 302
    assert new_thread(browser_at(app, CAFE), "New here", "First post").status_code == 302
    with app.app_context():
        ban = db.session.execute(select(Ban)).scalar_one()
        assert ban.poster_hash and ban.address_hash is None


def test_a_campaign_ban_does_not_block_others_on_the_same_connection(app, moderator):
    first, second = browser_at(app, CAFE), browser_at(app, "192.0.2.7")
    post_scam(first, "Testimony 1", "Dr Obodo is real! " + SCAM)
    post_scam(second, "Testimony 2", "Truly real! " + SCAM)
    response = reject_campaign_as_rendered(
        moderator, "/mod/campaign?contact=email:drobodo@gmail.com"
    )
    assert response.status_code == 302
    assert new_thread(first).status_code == 403 and new_thread(second).status_code == 403
    assert new_thread(browser_at(app, CAFE)).status_code == 302
    assert new_thread(browser_at(app, "192.0.2.7")).status_code == 302


def test_an_address_ban_is_a_choice_and_ends_when_it_expires(app, moderator):
    scammer = browser_at(app, CAFE)
    scam = post_scam(scammer)
    page = moderator.get("/mod/queue").get_data(as_text=True)
    assert "their connection" in page  # the choice is offered, and not ticked
    forms = [f for f in rendered_forms(page) if ("post_id", str(scam)) in f.fields]
    assert "ban_address" not in dict(forms[0].fields)
    assert "spam" in forms[0].choices["reason"]  # the reasons render in the macro too

    response = decide_as_rendered(
        moderator, scam, "Ban poster", {"ban_address": "y", "address_hours": "24"}
    )
    assert response.status_code == 302
    assert "until" in moderator.get("/mod/queue").get_data(as_text=True)

    neighbour = browser_at(app, CAFE)
    blocked = new_thread(neighbour, "Hello all", "My words")
    assert blocked.status_code == 403
    html = blocked.get_data(as_text=True)
    assert "connection" in html and "not about you" in html and "My words" in html
    assert new_thread(browser_at(app, "192.0.2.8")).status_code == 302  # elsewhere: fine
    with app.app_context():
        address_ban = db.session.execute(select(Ban).where(Ban.address_hash.is_not(None)))
        address_ban = address_ban.scalar_one()
        assert address_ban.poster_hash is None
        assert timedelta(hours=23) < address_ban.expires_at - utcnow() <= timedelta(hours=24)
        # A day passes.
        address_ban.expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert new_thread(neighbour).status_code == 302
    assert new_thread(scammer).status_code == 403  # the poster's own ban has no end


def test_an_address_ban_outlives_the_weekly_change_of_address_hashes(app, moderator):
    """A connection pause is matched against this period's and last period's hashes; a
    hash older than that no longer identifies anyone, and is not matched."""
    scam = post_scam(browser_at(app, CAFE))
    decide_as_rendered(moderator, scam, "Reject as spam")
    with app.app_context():
        decision = db.session.execute(select(Decision)).scalar_one()
        period = timedelta(days=app.config["ADDRESS_HASH_DAYS"])
        for age, address in ((period, CAFE), (2 * period, "192.0.2.33")):
            then = utcnow() - age
            db.session.add(
                Ban(
                    address_hash=address_hash(address, now=then),
                    expires_at=utcnow() + timedelta(hours=1),
                    decision_id=decision.id,
                )
            )
        db.session.commit()
    assert new_thread(browser_at(app, CAFE)).status_code == 403
    assert new_thread(browser_at(app, "192.0.2.33")).status_code == 302


def test_a_post_too_old_for_its_address_cannot_pause_a_connection(app, moderator):
    scam = post_scam(browser_at(app, CAFE))
    with app.app_context():
        post = db.session.get(Post, scam)
        post.created_at -= timedelta(days=2 * app.config["ADDRESS_HASH_DAYS"] + 1)
        db.session.commit()
    decide_as_rendered(moderator, scam, "Ban poster", {"ban_address": "y", "address_hours": "168"})
    assert "could not be paused" in moderator.get("/mod/queue").get_data(as_text=True)
    assert new_thread(browser_at(app, CAFE)).status_code == 302
    with app.app_context():
        assert db.session.execute(select(Ban.address_hash)).scalars().all() == [None]


def test_address_ban_choices_are_checked(app, moderator):
    scam = post_scam(browser_at(app, CAFE))
    for hours in ("0", "100000", "-5", "day", "24.5"):
        response = decide_as_rendered(
            moderator, scam, "Ban poster", {"ban_address": "y", "address_hours": hours}
        )
        assert response.status_code == 400, hours
    assert post_row(app, scam).status == "held"


def test_the_ban_page_tells_an_innocent_poster_how_to_appeal(app, moderator):
    poster = browser_at(app, CAFE)
    post_id = post_scam(poster, "My story", "Honestly I just miss him. " + SCAM)
    decide_as_rendered(moderator, post_id, "Ban poster")

    blocked = new_thread(poster, "Why?", "I am not a scammer")
    assert blocked.status_code == 403
    html = blocked.get_data(as_text=True)
    assert "appeal" in html.lower() and f"/p/{post_id}/status" in html
    assert "I am not a scammer" in html  # their words are not lost

    # Following the page's advice: the post's page, the appeal form, a moderator agrees.
    appealed = submit_as_rendered(
        poster,
        f"/p/{post_id}/status",
        "/appeal",
        {"message": "It was my real story.", "token": remembered_token(poster, post_id)},
    )
    assert appealed.status_code == 302
    decide_as_rendered(moderator, post_id, "Approve")
    assert post_row(app, post_id).status == "published"
    assert new_thread(poster, "Thank you", "I can post again").status_code == 302


def test_a_granted_appeal_leaves_the_right_to_appeal_a_later_ban(app, moderator):
    poster = browser_at(app, CAFE)
    post_id = post_scam(poster, "My story", "Honestly I just miss him. " + SCAM)
    decide_as_rendered(moderator, post_id, "Reject as spam")
    appeal = {"message": "It was my real story."}
    assert submit_as_rendered(poster, f"/p/{post_id}/status", "/appeal", appeal).status_code == 302
    decide_as_rendered(moderator, post_id, "Approve")
    assert post_row(app, post_id).status == "published"

    # Later another moderator bans the poster over the same post.
    report = {"reason": "spam"}
    submit_as_rendered(browser_at(app, "192.0.2.9"), f"/p/{post_id}/report", "/report", report)
    decide_as_rendered(moderator, post_id, "Ban poster")
    banned = new_thread(poster, "Why?", "I am not a scammer")
    assert banned.status_code == 403 and f"/p/{post_id}/status" in banned.get_data(as_text=True)

    # The page the ban points to offers the appeal it promises, and it works.
    status = poster.get(f"/p/{post_id}/status").get_data(as_text=True)
    assert "kept the decision" not in status
    again = {"message": "Please look once more."}
    assert submit_as_rendered(poster, f"/p/{post_id}/status", "/appeal", again).status_code == 302
    decide_as_rendered(moderator, post_id, "Approve")
    assert new_thread(poster, "Thank you", "I can post again").status_code == 302


def test_undoing_a_connection_pause_forgets_the_address_at_once(app, moderator):
    scam = post_scam(browser_at(app, CAFE))
    choices = {"ban_address": "y", "address_hours": "24"}
    assert decide_as_rendered(moderator, scam, "Ban poster", choices).status_code == 302
    with app.app_context():
        ban_decision = db.session.execute(
            select(Decision.id).where(Decision.action == DecisionAction.BAN)
        ).scalar_one()
    undo = submit_as_rendered(
        moderator, f"/mod/log/{ban_decision}/undo", f"/mod/log/{ban_decision}/reverse"
    )
    assert undo.status_code == 302
    with app.app_context():
        bans = db.session.execute(select(Ban.lifted_at, Ban.address_hash)).all()
    assert bans and all(lifted is not None and address is None for lifted, address in bans)
    assert new_thread(browser_at(app, CAFE)).status_code == 302


def test_a_banned_browser_is_shown_the_ban_not_the_form(app, moderator):
    scammer, neighbour = browser_at(app, CAFE), browser_at(app, CAFE)
    scam = post_scam(scammer)
    assert decide_as_rendered(moderator, scam, "Ban poster").status_code == 302
    page = scammer.get("/new")
    html = page.get_data(as_text=True)
    assert page.status_code == 403
    assert "You can no longer post on Mend" in html
    assert not [form for form in rendered_forms(html) if form.action.endswith("/new")]
    # Its neighbours on the same connection, and a forged poster cookie, get the form.
    assert neighbour.get("/new").status_code == 200
    forger = browser_at(app, CAFE)
    forger.set_cookie("mend_poster", "x" * 30)
    assert forger.get("/new").status_code == 200
