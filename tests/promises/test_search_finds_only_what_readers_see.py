"""Promise (README, "Search"): held, hidden, removed and deleted posts are never found,
nor anything in a thread that is not published, "whoever or whatever hides it"; case is
ignored, accents are not, there is no stemming, and a quoted phrase keeps its small words.

Each attack hides a post by a path other than the one a search feature would think of
(undoing an approval from the log, a campaign rejected in one action, a bulk SQL update
no view makes, an opening post removed under its replies) and then searches for it.
"""

from sqlalchemy import text

from models import db
from tests.conftest import SCAM, submit
from tests.mod.test_campaigns import reject_campaign_as_rendered
from tests.mod.test_reversal_and_appeals import decision_ids, undo
from tests.search.test_search import decide, found, new_thread, reply


def test_undoing_an_approval_takes_the_post_out_of_search(app, client, moderator):
    post = new_thread(client, "Quince jam", SCAM + " quince")
    decide(moderator, post, "approve")
    assert found(client, "quince") == [post]
    undo(moderator, decision_ids(app, action="approve")[0])
    assert found(client, "quince") == []


def test_a_campaign_rejected_at_once_leaves_search_at_once(app, client, moderator):
    posts = [new_thread(client, f"Marigold {n}", SCAM + " marigold") for n in range(3)]
    for post in posts:
        decide(moderator, post, "approve")
    assert sorted(found(client, "marigold")) == posts
    # Published posts start unticked on the campaign page: the moderator ticks them.
    ticked = {"post_id": [str(post) for post in posts], "note": "campaign"}
    response = reject_campaign_as_rendered(
        moderator, "/mod/campaign?contact=email:drobodo@gmail.com", ticked
    )
    assert response.status_code == 302
    assert found(client, "marigold") == []


def test_a_bulk_update_no_view_makes_is_followed_too(app, client):
    post = new_thread(client, "Juniper", "The juniper by the door.")
    with app.app_context():
        db.session.execute(text("UPDATE posts SET status = 'hidden'"))
        db.session.commit()
    assert found(client, "juniper") == []
    with app.app_context():
        db.session.execute(text("UPDATE posts SET status = 'published'"))
        db.session.commit()
    assert found(client, "juniper") == [post]


def test_replies_in_a_thread_whose_opening_post_is_removed_are_not_found(app, client, moderator):
    thread = new_thread(client, "Persimmon", "Persimmon season again.")
    answer = reply(client, thread, "Persimmon tarts were his favourite.")
    submit(app.test_client(), f"/p/{thread}/report", {"reason": "abuse", "details": ""})
    decide(moderator, thread, "remove", reason="abuse")
    assert found(client, "persimmon") == [] and found(client, "tarts") == []
    undo(moderator, decision_ids(app, action="remove")[0])  # put back: found again
    assert sorted(found(client, "persimmon")) == [thread, answer]


def test_case_is_ignored_accents_are_not_and_words_are_not_stemmed(app, client):
    cafe = new_thread(client, "The Café on Rue Verte", "We met at the CAFÉ. We walked home.")
    assert found(client, "café") == found(client, "CAFÉ") == found(client, "cAfÉ") == [cafe]
    assert found(client, "cafe") == []
    assert found(client, "walk") == [] and found(client, "walk*") == [cafe]
    assert found(client, "verte") == [cafe]


def test_a_phrase_keeps_its_small_words(app, client):
    exact = new_thread(client, "Advice", "How do I get over it at all?")
    other = new_thread(client, "Other", "How do I get past it, over time?")
    assert sorted(found(client, "get it over")) == [exact, other]
    assert found(client, '"get over it"') == [exact]
    assert found(client, '"get past it"') == [other]
