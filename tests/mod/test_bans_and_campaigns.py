"""Banning a poster stops their posting; a campaign is rejected in one action."""

from sqlalchemy import select

from models import Ban, Decision, Post, db
from tests.conftest import SCAM, submit
from tests.mod.test_campaigns import reject_campaign_as_rendered
from tests.mod.test_decisions import decide, post_row, post_scam


def visitor(app, address):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_ban_rejects_the_poster_s_held_posts_and_stops_further_posting(app, moderator):
    bystander = visitor(app, "198.51.100.1")
    submit(bystander, "/new", {"title": "Week two", "body": "Still hard."})
    scammer = visitor(app, "203.0.113.7")
    first, second = post_scam(scammer, "Came back 1"), post_scam(scammer, "Came back 2")
    kind = post_scam(bystander, "Came back too")

    decide(moderator, [first], "ban", note="spell caster")
    assert post_row(app, first).status == "removed"
    assert post_row(app, second).status == "removed"  # their other held post
    assert post_row(app, second).label == "spam"
    assert post_row(app, kind).status == "held"  # someone else's is untouched

    response = submit(scammer, "/new", {"title": "Hello again", "body": "Please keep me"})
    assert response.status_code == 403
    html = response.get_data(as_text=True)
    assert "no longer post" in html and "Please keep me" in html
    reply = submit(scammer, "/t/1", {"body": "A reply to keep"}, "/t/1/reply")
    assert reply.status_code == 403 and "A reply to keep" in reply.get_data(as_text=True)
    # The ban is the poster's: someone else on the same connection (shared Wi-Fi, a
    # carrier's NAT) posts as before, unless a moderator chose to pause it
    # (tests/promises/test_ban_blocks_only_the_banned.py).
    neighbour = visitor(app, "203.0.113.7")
    assert submit(neighbour, "/new", {"title": "New here", "body": "Hi"}).status_code == 302
    assert submit(bystander, "/new", {"title": "Still here", "body": "Hi"}).status_code == 302
    with app.app_context():
        ban = db.session.execute(select(Ban)).scalar_one()
        assert ban.poster_hash and ban.address_hash is None and ban.lifted_at is None
        caused = db.session.execute(select(Decision).where(Decision.caused_by_id.is_not(None)))
        assert [d.post_id for d in caused.scalars()] == [second]


def test_a_campaign_is_linked_and_rejected_at_once(app, moderator):
    posters = [visitor(app, f"192.0.2.{n}") for n in range(1, 5)]
    ids = [
        post_scam(client, f"Testimony {n}", f"Dr Obodo is real! Story {n}. " + SCAM)
        for n, client in enumerate(posters)
    ]
    html = moderator.get("/mod/queue").get_data(as_text=True)
    assert "3 other posts with this contact" in html

    page = moderator.get("/mod/campaign?contact=email:drobodo@gmail.com")
    assert page.status_code == 200
    assert page.get_data(as_text=True).count("Dr Obodo is real!") == 4
    response = reject_campaign_as_rendered(
        moderator, "/mod/campaign?contact=email:drobodo@gmail.com", {"note": "campaign"}
    )
    assert response.status_code == 302
    assert "4 posts rejected, 4 posters banned" in moderator.get("/mod/queue").get_data(
        as_text=True
    )
    with app.app_context():
        assert {p.status for p in db.session.execute(select(Post)).scalars()} == {"removed"}
        assert len(db.session.execute(select(Ban)).all()) == 4
    assert all(
        submit(c, "/new", {"title": "again", "body": "again"}).status_code == 403 for c in posters
    )
    assert {post_row(app, i).label for i in ids} == {"spam"}


def test_campaign_links_need_a_well_formed_contact(moderator):
    for bad in ("", "?contact=nocolon", "?contact=" + "e:" + "x" * 400):
        assert moderator.get(f"/mod/campaign{bad}").status_code == 400
