"""Campaigns by contact or by wording: the moderator sees every linked post, ticks the
ones to reject, confirms on a page that says exactly what will change, and only that
changes (issue 12 item 5, issue 13 item 2). Every form is submitted as rendered."""

from urllib.parse import urljoin

import pytest
from sqlalchemy import select

from models import Appeal, Ban, db
from tests.conftest import SCAM, submit
from tests.mod.test_decisions import decide, post_row, post_scam
from tests.promises.forms import rendered_form, submit_as_rendered

WAVE = (
    "My husband left me for another woman and I was lost for two years. Then a friend told "
    "me about {name}, a real and powerful spell caster. {name} cast a reunion spell for me "
    "and in 48 hours my husband came back on his knees begging me to forgive him. If you "
    "want your lover back contact {name} on WhatsApp {phone}, {name} will help you as he "
    "helped me."
)
WAVE_CONTACTS = [
    ("Dr Ogun", "+234 810 555 0101"),
    ("Priest Alaba", "+1 (202) 555-0143"),
    ("Baba Ilesanmi", "+44 7700 900123"),
]
WARNING = (
    "Beware of spell casters. Dr Obodo on WhatsApp +1 (555) 234-5678 took 400 dollars "
    "from me and my ex never came back. Please don't pay anyone."
)


def browser(app, address):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def open_campaign(moderator, url, changes=None):
    """Tick or untick on the campaign page as rendered, and ask what would change."""
    page = moderator.get(url)
    assert page.status_code == 200, page.status_code
    form = rendered_form(page.get_data(as_text=True), "/campaign/confirm")
    return moderator.post(urljoin(url, form.action), data=form.data(changes))


def confirm(moderator, confirmation):
    """Press the one button of the confirmation page as rendered."""
    assert confirmation.status_code == 200, confirmation.get_data(as_text=True)
    form = rendered_form(confirmation.get_data(as_text=True), "/mod/campaign")
    return moderator.post(form.action, data=form.data())


def reject_campaign_as_rendered(moderator, url, changes=None):
    return confirm(moderator, open_campaign(moderator, url, changes))


def post_wave(app) -> list[int]:
    return [
        post_scam(
            browser(app, f"192.0.2.{n}"), f"He came back {n}", WAVE.format(name=name, phone=p)
        )
        for n, (name, p) in enumerate(WAVE_CONTACTS, start=1)
    ]


def test_a_wave_with_a_new_number_each_time_is_one_campaign_by_wording(app, moderator):
    ids = post_wave(app)
    lonely = post_scam(browser(app, "192.0.2.9"), "Other", SCAM)
    assert {post_row(app, i).status for i in ids} == {"held"}

    queue = moderator.get("/mod/queue").get_data(as_text=True)
    assert queue.count("3 posts with the same wording") == 3
    assert f'href="/mod/campaign?post={ids[0]}"' in queue

    page = moderator.get(f"/mod/campaign?post={ids[0]}").get_data(as_text=True)
    for post_id in ids:
        assert f'name="post_id" value="{post_id}" class="pick" checked' in page
    assert f'value="{lonely}"' not in page  # a different scam, other contacts

    confirmation = open_campaign(moderator, f"/mod/campaign?post={ids[0]}")
    assert "Reject 3 posts, ban 3 posters?" in confirmation.get_data(as_text=True)
    assert "Their connections are not paused" in confirmation.get_data(as_text=True)
    assert {post_row(app, i).status for i in ids} == {"held"}  # nothing yet
    assert confirm(moderator, confirmation).status_code == 302
    assert "3 posts rejected, 3 posters banned" in moderator.get("/mod/queue").get_data(
        as_text=True
    )
    assert {post_row(app, i).status for i in ids} == {"removed"}
    assert post_row(app, lonely).status == "held"


def test_a_campaign_leaves_out_the_warning_that_quotes_it_and_the_open_appeal(app, moderator):
    """Issue 13 item 2: the warning's author is not banned, the appeal not refused."""
    helper = browser(app, "198.51.100.4")
    submit(helper, "/new", {"title": "Beware of spell casters", "body": "They prey on us."})
    warning = int(
        submit(helper, "/t/1", {"body": WARNING}, "/t/1/reply").headers["Location"].split("/")[2]
    )
    if post_row(app, warning).status == "held":  # it quotes a phone number
        assert decide(moderator, [warning], "approve").status_code == 302
    assert post_row(app, warning).status == "published"

    scammers = [browser(app, f"203.0.113.{n}") for n in (1, 2, 3)]
    scams = [post_scam(c, f"Testimony {n}", f"Story {n}. " + SCAM) for n, c in enumerate(scammers)]
    assert decide(moderator, [scams[2]], "reject").status_code == 302
    submit_as_rendered(
        scammers[2], f"/p/{scams[2]}/status", "/appeal", {"message": "I am not a scammer"}
    )

    url = "/mod/campaign?contact=phone:%2B15552345678"
    page = moderator.get(url).get_data(as_text=True)
    assert "I am not a scammer" in page  # the open appeal is shown
    form = rendered_form(page, "/campaign/confirm")
    assert [v for n, v in form.fields if n == "post_id"] == [str(scams[0]), str(scams[1])]
    assert set(form.choices["post_id"]) == {str(i) for i in (warning, *scams)}

    confirmation = open_campaign(moderator, url).get_data(as_text=True)
    assert "Reject 2 posts, ban 2 posters?" in confirmation
    assert "appeal" not in confirmation.split("Left as they are")[0]
    assert confirm(moderator, open_campaign(moderator, url)).status_code == 302
    assert "2 posts rejected, 2 posters banned" in moderator.get("/mod/queue").get_data(
        as_text=True
    )
    assert post_row(app, warning).status == "published"
    with app.app_context():
        banned = set(db.session.execute(select(Ban.poster_hash)).scalars())
        assert post_row(app, warning).poster_hash not in banned
        assert db.session.execute(select(Appeal.state)).scalar_one() == "open"
    assert submit(helper, "/t/1", {"body": "Stay safe all"}, "/t/1/reply").status_code == 302


def test_ticking_an_appealed_post_says_the_appeal_will_be_answered(app, moderator):
    scammers = [browser(app, f"203.0.113.{n}") for n in (1, 2)]
    scams = [post_scam(c, f"Testimony {n}", f"Story {n}. " + SCAM) for n, c in enumerate(scammers)]
    decide(moderator, [scams[1]], "reject")
    submit_as_rendered(scammers[1], f"/p/{scams[1]}/status", "/appeal", {"message": "Please"})
    url = "/mod/campaign?contact=email:drobodo@gmail.com"
    ticked = {"post_id": [str(i) for i in scams]}
    confirmation = open_campaign(moderator, url, ticked).get_data(as_text=True)
    assert "Reject 2 posts, ban 2 posters; 1 open appeal will be answered (refused)?" in (
        confirmation
    )
    assert confirm(moderator, open_campaign(moderator, url, ticked)).status_code == 302
    assert "1 open appeal refused" in moderator.get("/mod/queue").get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(select(Appeal.state)).scalar_one() == "denied"


def test_an_unticked_post_is_left_exactly_as_it_was(app, moderator):
    ids = post_wave(app)
    url = f"/mod/campaign?post={ids[0]}"
    keep = {"post_id": [str(ids[0]), str(ids[2])]}
    confirmation = open_campaign(moderator, url, keep).get_data(as_text=True)
    assert "Reject 2 posts, ban 2 posters?" in confirmation
    untouched = confirmation.split("Left as they are")[1]
    assert f"#{ids[1]} ·" in untouched
    assert confirm(moderator, open_campaign(moderator, url, keep)).status_code == 302
    assert [post_row(app, i).status for i in ids] == ["removed", "held", "removed"]
    with app.app_context():
        assert post_row(app, ids[1]).label is None
        assert len(db.session.execute(select(Ban)).all()) == 2


def test_a_ban_s_other_waiting_posts_are_in_the_confirmation(app, moderator):
    scammer = browser(app, "203.0.113.8")
    ids = post_wave(app)
    elsewhere = post_scam(scammer, "Another", SCAM)
    # The same browser posts one of the wave too: its ban rejects its other held post.
    own = post_scam(scammer, "Wave again", WAVE.format(name="Dr Kay", phone="+1 202 555 0199"))
    confirmation = open_campaign(moderator, f"/mod/campaign?post={ids[0]}")
    html = confirmation.get_data(as_text=True)
    assert "Reject 5 posts, ban 4 posters?" in html
    assert f"#{elsewhere} ·" in html.split("Also rejected")[1]
    confirm(moderator, confirmation)
    assert post_row(app, elsewhere).status == post_row(app, own).status == "removed"


def test_nothing_changes_if_the_campaign_changed_since_it_was_confirmed(app, moderator):
    ids = post_wave(app)
    url = f"/mod/campaign?post={ids[0]}"
    confirmation = open_campaign(moderator, url)
    post_wave(app)  # three more arrive while the moderator reads
    decide(moderator, [ids[1]], "approve")
    again = confirm(moderator, confirmation)
    assert again.status_code == 409
    assert "The campaign changed after you looked" in again.get_data(as_text=True)
    assert [post_row(app, i).status for i in ids] == ["held", "published", "held"]


def test_a_post_that_is_not_in_the_campaign_is_refused(app, moderator):
    ids = post_wave(app)
    other = post_scam(browser(app, "192.0.2.77"), "Other", SCAM)
    response = open_campaign(moderator, f"/mod/campaign?post={ids[0]}", {"post_id": str(other)})
    assert response.status_code == 400
    assert "not made by this page" in response.get_data(as_text=True)
    # Every box unticked: the browser sends no post_id at all.
    page = moderator.get(f"/mod/campaign?post={ids[0]}").get_data(as_text=True)
    sent = rendered_form(page, "/campaign/confirm").data()
    del sent["post_id"]
    nothing = moderator.post("/mod/campaign/confirm", data=sent)
    assert nothing.status_code == 400
    assert "Tick at least one post" in nothing.get_data(as_text=True)
    assert post_row(app, other).status == "held"


def test_campaign_links_must_name_one_contact_or_one_post(moderator):
    for bad in ("?post=abc", "?post=-1", "?post=99999999999", "?contact=e:x&post=1", "?post="):
        assert moderator.get(f"/mod/campaign{bad}").status_code == 400, bad
    assert moderator.get("/mod/campaign?post=12345").status_code == 404


def test_only_moderators_see_campaigns(app, client):
    ids = post_wave(app)
    assert client.get(f"/mod/campaign?post={ids[0]}").status_code == 302  # to the login
    sent = {"post": str(ids[0]), "post_id": [str(i) for i in ids]}
    for url in ("/mod/campaign/confirm", "/mod/campaign"):
        assert submit(client, "/new", sent, url).status_code == 302
    assert {post_row(app, i).status for i in ids} == {"held"}


def test_finding_a_post_s_neighbours_reads_the_band_key_index_not_every_post(app):
    from sqlalchemy import text

    from app.mod.campaigns import neighbours_query

    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("the plan checked is SQLite's; PostgreSQL plans by its statistics")
        sql = str(
            neighbours_query([1, 2]).compile(
                dialect=db.engine.dialect, compile_kwargs={"literal_binds": True}
            )
        )
        plan = " / ".join(
            row[-1] for row in db.session.execute(text(f"EXPLAIN QUERY PLAN {sql}")).all()
        )
    assert "SCAN" not in plan, plan
    assert "ix_post_wordings_band_key" in plan, plan


def test_pausing_the_connections_is_a_choice_the_confirmation_repeats(app, moderator):
    ids = post_wave(app)
    url = f"/mod/campaign?post={ids[0]}"
    choice = {"ban_address": "y", "address_hours": "72"}
    html = open_campaign(moderator, url, choice).get_data(as_text=True)
    assert "Their connections are paused for 3 days" in html
    assert confirm(moderator, open_campaign(moderator, url, choice)).status_code == 302
    with app.app_context():
        paused = db.session.execute(select(Ban).where(Ban.address_hash.is_not(None))).all()
        assert len(paused) == 3
    stopped = submit(
        browser(app, "192.0.2.1"), "/new", {"title": "Still here", "body": "Hi everyone"}
    )
    assert stopped.status_code == 403  # anyone on those connections, for now


def test_a_campaign_form_no_page_makes_is_refused_with_a_message(app, moderator):
    ids = post_wave(app)
    page = moderator.get(f"/mod/campaign?post={ids[0]}").get_data(as_text=True)
    good = rendered_form(page, "/campaign/confirm").data()
    bad_forms = [
        {"post": "abc"},
        {"post": "", "contact": ""},
        {"post": str(ids[0]), "contact": "email:a@example.org"},
        {"post": "", "contact": "x" * 400},
        {"post_id": ["1", "x"]},
        {"post_id": [str(i) for i in range(1, 1100)]},
        {"check": "x" * 30_000},
        {"address_hours": "9999", "ban_address": "y"},
        {"note": "n" * 600},
    ]
    for changes in bad_forms:
        for url in ("/mod/campaign/confirm", "/mod/campaign"):
            response = moderator.post(url, data={**good, **changes})
            assert response.status_code == 400, (url, changes, response.status_code)
            assert "Nothing was changed" in response.get_data(as_text=True) or (
                "not made by this page" in response.get_data(as_text=True)
                or "campaign link is broken" in response.get_data(as_text=True)
            ), changes
    assert {post_row(app, i).status for i in ids} == {"held"}
