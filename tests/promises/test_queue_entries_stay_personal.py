"""Promise: the queue's entries are kept once for every moderator, yet each moderator's
page carries only their own CSRF token and claims, and nothing a poster writes can
pass for one of the slots filled in per request."""

import re

from app.extensions import cache
from app.shared_cache import queue_entry_key
from tests.conftest import staff_client
from tests.mod.test_decisions import post_scam
from tests.promises.forms import rendered_forms

HOSTILE = (
    "{csrf} {claim} {0} }} {{ [slot 0123456789abcdef csrf] [slot {csrf} claim] %s %(csrf)s "
    "call Dr Obodo on WhatsApp +1 (555) 234-5678"
)


def _tokens(html: str) -> set[str]:
    return {dict(form.fields).get("csrf_token") for form in rendered_forms(html)} - {None}


def test_each_moderator_gets_only_their_own_token_from_kept_entries(app, client):
    post_scam(client)
    mo = staff_client(app, "mo", "moderator")
    bo = staff_client(app, "bo", "moderator")
    first = mo.get("/mod/queue").get_data(as_text=True)  # renders and keeps the entry
    theirs = bo.get("/mod/queue").get_data(as_text=True)  # from the kept entry
    again = mo.get("/mod/queue").get_data(as_text=True)
    assert len(_tokens(first)) == 1 and _tokens(first) == _tokens(again)
    assert len(_tokens(theirs)) == 1 and _tokens(theirs) != _tokens(first)
    [token] = _tokens(first)
    assert token not in theirs


def test_a_post_shaped_like_the_slots_is_shown_as_written(app, client):
    post_id = post_scam(client, body=HOSTILE)
    mo = staff_client(app, "mo", "moderator")
    for _ in range(2):  # rendered, then from the kept entry
        response = mo.get("/mod/queue")
        assert response.status_code == 200
        html = response.get_data(as_text=True)
        shown = re.search(r'<div class="post-body mod-text">(.*?)</div>', html, re.S).group(1)
        assert "{csrf} {claim} {0} }} {{ [slot 0123456789abcdef csrf]" in shown
        assert "%(csrf)s" in shown
        [token] = _tokens(html)
        assert token not in shown
    with app.app_context():
        assert cache.get(queue_entry_key(post_id)) is not None
