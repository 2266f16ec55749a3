"""Queue entries are rendered once and reused for every moderator, in every worker
sharing the cache, and every change a moderator must see (a report, an appeal, an edit,
a decision, another post with the same contact) reaches the next queue page at once;
a claim is per viewer and never kept in an entry.

Each test runs twice: with each worker's own memory (the embedded default) and with
Redis (``REDIS_URL``), where a second app stands for another worker or server sharing
the cache, and makes the change the first one must see.
"""

from datetime import timedelta

import pytest

from app.extensions import cache
from app.privacy import purge_old_addresses
from app.shared_cache import queue_entry_key
from models import QueueClaim, Report, db, utcnow
from tests.conftest import SCAM, remembered_token, staff_client, submit
from tests.mod.test_decisions import decide, post_scam
from tests.promises.forms import rendered_forms, submit_as_rendered
from tests.redis_db import redis_or_skip, redis_url

# Redis db 10 is this suite's own unless TEST_REDIS_URL names one (tests/redis_db.py).
REDIS_URL = redis_url(10)
PREFIX = "mend-test:"


@pytest.fixture(params=["memory", "redis"])
def workers(request, make_app):
    """(the worker moderators read the queue from, the worker that makes the change):
    two apps sharing Redis, or one app alone with its own memory."""
    if request.param == "memory":
        app = make_app()
        yield app, app
        return
    connection = redis_or_skip(REDIS_URL)
    connection.flushdb()
    settings = {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": REDIS_URL}
    settings |= {"CACHE_KEY_PREFIX": PREFIX}
    yield make_app(**settings), make_app(**settings)
    connection.flushdb()


def _entry(app, post_id: int):
    with app.app_context():
        return cache.get(queue_entry_key(post_id))


def _entry_form(html: str, post_id: int):
    [form] = [f for f in rendered_forms(html) if ("post_id", str(post_id)) in f.fields]
    return form


def _queue(moderator) -> str:
    response = moderator.get("/mod/queue")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_an_entry_is_rendered_once_and_reused_by_every_moderator(workers):
    readers, writer = workers
    post_id = post_scam(writer.test_client())
    mo = staff_client(readers, "mo", "moderator")
    assert "Dr Obodo cast a powerful love spell" in _queue(mo)
    stamp, (texts, names) = _entry(writer, post_id)  # in the cache every worker reads
    assert "Dr Obodo" in "".join(texts) and "csrf" in names
    texts = [text.replace("Dr Obodo", "Dr Kept") for text in texts]
    with readers.app_context():
        cache.set(queue_entry_key(post_id), (stamp, (texts, names)))
    readers.extensions["queue_entries"][1].clear()  # this worker's own copies
    bo = staff_client(readers, "bo", "moderator")
    page = _queue(bo)
    assert "Dr Kept cast a powerful love spell" in page and "Dr Obodo" not in page
    # Each moderator's forms carry their own token, and a decision sent as rendered works.
    mine = dict(_entry_form(_queue(mo), post_id).fields)["csrf_token"]
    theirs = dict(_entry_form(page, post_id).fields)["csrf_token"]
    assert mine != theirs and mine not in page
    form = _entry_form(page, post_id)
    done = bo.post(form.action, data=form.data(button=f"Reject as spam post {post_id}"))
    assert done.status_code == 302
    assert f'id="q{post_id}"' not in _queue(mo)


def test_a_report_shows_at_once(workers):
    readers, writer = workers
    author = writer.test_client()
    post_scam(author)  # something in the queue, rendered and kept
    thread = submit(author, "/new", {"title": "Two mugs", "body": "Still two mugs out."})
    thread_id = int(thread.headers["Location"].split("/")[2])
    mo = staff_client(readers, "mo", "moderator")
    reply = submit(author, f"/t/{thread_id}", {"body": "Nobody cares."}, f"/t/{thread_id}/reply")
    reply_id = int(reply.headers["Location"].split("/")[2])
    _queue(mo)
    url = f"/p/{reply_id}/report"
    for n, details in enumerate(["rude to the poster", "cruel"]):
        reporter = writer.test_client()
        reporter.environ_base["REMOTE_ADDR"] = f"203.0.113.{n + 1}"
        sent = submit_as_rendered(reporter, url, url, {"reason": "other", "details": details})
        assert sent.status_code == 302
        page = _queue(mo)
        assert f"{n + 1} report{'s' if n else ''}</span>" in page
        assert f"“{details}”" in page


def test_a_decision_takes_the_entry_off_every_moderators_queue(workers):
    readers, writer = workers
    author = writer.test_client()
    kept, decided = post_scam(author), post_scam(author, title="Another")
    mo = staff_client(readers, "mo", "moderator")
    assert f'id="q{decided}"' in _queue(mo)
    bo = staff_client(writer, "bo", "moderator")
    assert decide(bo, [decided], "reject").status_code == 302
    page = _queue(mo)
    assert f'id="q{decided}"' not in page and f'id="q{kept}"' in page


def test_an_appeal_and_an_edit_show_at_once(workers):
    readers, writer = workers
    author = writer.test_client()
    post_id = post_scam(author, body="I found a helper, reach me at drobodo@gmail.com")
    mo = staff_client(readers, "mo", "moderator")
    assert "reach me at" in _queue(mo)
    assert decide(mo, [post_id], "reject").status_code == 302
    appeal = {"message": "It was my own email, sorry!", "token": remembered_token(author, post_id)}
    url = f"/p/{post_id}/status"
    assert submit(author, url, appeal, f"/p/{post_id}/appeal").status_code == 302
    page = _queue(mo)
    assert "It was my own email, sorry!" in page and '<span class="tag">appeal</span>' in page
    assert decide(mo, [post_id], "reject").status_code == 302
    edited = {
        "title": "My ex came back",
        "body": "Sorry, the helper was me all along, no address now.",
        "token": remembered_token(author, post_id),
    }
    assert submit(author, f"/p/{post_id}/edit", edited).status_code == 302
    page = _queue(mo)
    assert "the helper was me all along" in page and "reach me at" not in page


def test_another_post_with_the_same_contact_updates_the_count(workers):
    readers, writer = workers
    author = writer.test_client()
    first = post_scam(author)
    post_scam(author, title="Again")
    mo = staff_client(readers, "mo", "moderator")
    assert "1 other post with this contact" in _queue(mo)
    post_scam(writer.test_client(), title="And again")
    page = _queue(mo)
    assert "2 other posts with this contact" in page
    assert "1 other post with this contact" not in page
    assert _entry(readers, first) is not None


def test_a_claim_is_per_viewer_and_keeps_the_entries(workers):
    readers, writer = workers
    post_id = post_scam(writer.test_client())
    mo = staff_client(writer, "mo", "moderator")
    bo = staff_client(readers, "bo", "moderator")
    _queue(bo)
    kept = _entry(readers, post_id)
    token = dict(_entry_form(_queue(mo), post_id).fields)["csrf_token"]
    claimed = mo.post(f"/mod/queue/{post_id}/claim", headers={"X-CSRFToken": token})
    assert claimed.status_code == 200
    assert _entry(readers, post_id) == kept  # a claim re-renders nothing
    theirs = _queue(bo)
    assert "<strong>mo</strong> is looking at this" in theirs
    assert 'class="queue-entry claimed"' in theirs
    mine = _queue(mo)
    assert "is looking at this" not in mine and 'class="queue-entry claimed"' not in mine
    with writer.app_context():
        db.session.execute(db.delete(QueueClaim))
        db.session.commit()
    assert "is looking at this" not in _queue(bo)


def test_a_scam_and_a_reply_in_one_queue_keep_their_own_forms(workers):
    """Every entry's form names its own post and goes back to the same place."""
    readers, writer = workers
    author = writer.test_client()
    ids = [post_scam(author, title=f"Scam {n}", body=SCAM) for n in range(3)]
    mo = staff_client(readers, "mo", "moderator")
    for _ in range(2):  # rendered, then kept
        page = mo.get("/mod/queue?sort=oldest&view=held").get_data(as_text=True)
        for post_id in ids:
            fields = dict(_entry_form(page, post_id).fields)
            assert (fields["sort"], fields["view"], fields["page"]) == ("oldest", "held", "1")


def test_forgetting_old_report_addresses_shows_at_once(workers):
    readers, writer = workers
    author = writer.test_client()
    thread = submit(author, "/new", {"title": "Two mugs", "body": "Still two mugs out."})
    thread_id = int(thread.headers["Location"].split("/")[2])
    reply = submit(author, f"/t/{thread_id}", {"body": "Nobody cares."}, f"/t/{thread_id}/reply")
    url = f"/p/{int(reply.headers['Location'].split('/')[2])}/report"
    assert (
        submit_as_rendered(writer.test_client(), url, url, {"reason": "other"}).status_code == 302
    )
    mo = staff_client(readers, "mo", "moderator")
    assert "(from 1 connection)" in _queue(mo)
    with writer.app_context():
        db.session.execute(db.update(Report).values(created_at=utcnow() - timedelta(days=90)))
        db.session.commit()
        assert purge_old_addresses(30)["reports"] == 1
    assert "(from 0 connections)" in _queue(mo)
