"""Fifty people post at once for half a minute: nobody's post is lost or doubled, nobody
sees a server error, and the database never reports itself locked.

``MEND_LOAD_SECONDS`` and ``MEND_LOAD_POSTERS`` change the figures (CI: 30 s, 50)."""

import os
import random
import re
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import create_engine, text

from tests.conftest import CSRF_RE
from tests.load.client import Browser

DURATION = float(os.environ.get("MEND_LOAD_SECONDS", "30"))
HEX_AS_LETTERS = str.maketrans("0123456789", "ghijklmnop")
POSTERS = int(os.environ.get("MEND_LOAD_POSTERS", "50"))
POST_LOCATION = re.compile(r"/p/(\d+)(/status)?$")


@dataclass
class Results:
    lock: threading.Lock = field(default_factory=threading.Lock)
    accepted: dict[str, int] = field(default_factory=dict)  # marker -> post id
    statuses: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    thread_ids: list[int] = field(default_factory=list)


def _poster(host: str, number: int, stop_at: float, results: Results) -> None:
    browser = Browser(host)
    rng = random.Random(number)
    sent = 0
    try:
        while time.monotonic() < stop_at:
            # Letters, not hex digits: "load-0-27-40398121" reads as a phone number split by
            # dashes, and screening holds a post with a private number for its author.
            tag = uuid.uuid4().hex[:8].translate(HEX_AS_LETTERS)
            marker = f"load-{number}-{sent}-{tag}"
            body = f"Load test post {marker}. Some days are easier than others."
            with results.lock:
                thread_id = rng.choice(results.thread_ids) if results.thread_ids else None
            if thread_id is None or rng.random() < 0.25:
                form_url, post_url = "/new", "/new"
                form = {"title": f"Hard week {number}.{sent}", "body": body}
            else:
                form_url, post_url = f"/t/{thread_id}", f"/t/{thread_id}/reply"
                form = {"body": body}
            status, _, page = browser.request("GET", form_url)
            token = CSRF_RE.search(page)
            with results.lock:
                results.statuses[status] += 1
                if status != 200 or token is None:
                    results.failures.append(f"GET {form_url}: {status}")
                    continue
            status, location, _ = browser.request(
                "POST", post_url, {**form, "csrf_token": token[1]}
            )
            sent += 1
            with results.lock:
                results.statuses[status] += 1
                match = POST_LOCATION.search(location)
                if status != 302 or match is None:
                    results.failures.append(f"POST {post_url}: {status} {location}")
                    continue
                results.accepted[marker] = int(match[1])
            if post_url == "/new":
                # The new thread's id, from its page (its opening post's id may differ).
                thread_id = _thread_of(browser, location)
                with results.lock:
                    results.thread_ids.append(thread_id)
    except Exception as exc:  # a crashed poster must fail the test, not vanish
        with results.lock:
            results.failures.append(f"poster {number}: {exc!r}")


def _thread_of(browser: Browser, location: str) -> int:
    status, target, _ = browser.request("GET", location)
    match = re.search(r"/t/(\d+)", target)
    assert status == 302 and match, (status, target)
    return int(match[1])


def test_fifty_posters_for_thirty_seconds(gunicorn_server, capsys):
    host, database_url, log = gunicorn_server
    results = Results()
    started = time.monotonic()
    stop_at = started + DURATION
    posters = [
        threading.Thread(target=_poster, args=(host, n, stop_at, results)) for n in range(POSTERS)
    ]
    for poster in posters:
        poster.start()
    for poster in posters:
        poster.join(timeout=DURATION + 120)
    elapsed = time.monotonic() - started
    assert not any(poster.is_alive() for poster in posters), "a poster hung"

    engine = create_engine(database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id, body FROM posts WHERE body LIKE 'Load test post load-%'")
        ).all()
        stale_counts = connection.execute(
            text(
                "SELECT t.id FROM threads t WHERE t.reply_count <> (SELECT count(*) FROM posts p "
                "WHERE p.thread_id = t.id AND NOT p.is_opening AND p.status = 'published')"
            )
        ).all()
    engine.dispose()
    server_log = log.read_text(errors="replace")
    stored = Counter(body.split()[3].rstrip(".") for _, body in rows)
    ids = {body.split()[3].rstrip("."): post_id for post_id, body in rows}
    rate = len(results.accepted) / elapsed
    with capsys.disabled():
        print(
            f"\n[load] {database_url.split(':')[0]}: {POSTERS} posters, {elapsed:.1f} s, "
            f"{len(results.accepted)} posts accepted ({rate:.1f} posts/s), "
            f"responses {dict(results.statuses)}"
        )

    assert results.failures == []
    assert not [s for s in results.statuses if s >= 500]
    assert len(results.accepted) >= POSTERS  # everyone got at least one post through
    doubled = [marker for marker, n in stored.items() if n > 1]
    assert doubled == []
    assert set(stored) == set(results.accepted)  # none lost, none stored unseen
    assert ids == results.accepted  # each redirect pointed at its own post
    assert stale_counts == []  # the front page's reply counts add up
    assert "database is locked" not in server_log
    # No request failed inside the app (Flask logs "Exception on <path>") or crashed a
    # worker. Not "Traceback" as such: CPython can print one for a timer thread's
    # start-up race (threading._limbo KeyError) that touches no request.
    assert "Exception on " not in server_log
    assert "[ERROR]" not in server_log and "[CRITICAL]" not in server_log
