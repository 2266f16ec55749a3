"""Fill a Mend database in bulk for the page and scale benchmarks.

Rows go straight into the real tables (``models/``), with every column a posted-through-
the-app row would have: the texts are the bundled corpus' posts, and each text's score,
verdict, care flag and contacts come from screening it with the real screener once.
PostgreSQL is filled with COPY, SQLite with executemany; ids are assigned here, so a
later fill can add to an earlier one.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import random
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from common import REPO  # also puts the checkout on sys.path
from sqlalchemy import insert, text
from sqlalchemy.engine import Engine

from app.poster_identity import ADJECTIVES, ANIMALS
from models import Post, PostContact, PostStatus, Thread

START = datetime(2025, 1, 1)
SPAN_SECONDS = 365 * 24 * 3600
BATCH = 20_000


@dataclass
class Pool:
    """Corpus texts with their real verdicts, reused round-robin by the fill."""

    ham: list[tuple[str, dict]]
    spam: list[tuple[str, dict]]
    care: list[tuple[str, dict]] = field(default_factory=list)


def screened_pool() -> Pool:
    from moderation.classifier import bundled_corpus_path, train_default
    from moderation.evaluation import read_labelled_csv
    from moderation.rules import DEFAULT_RULES
    from moderation.screener import Screener, ScreeningConfig

    screener = Screener(DEFAULT_RULES, train_default(), ScreeningConfig())
    pool = Pool([], [])
    for row in read_labelled_csv(bundled_corpus_path()):
        verdict = screener.screen(row.text)
        entry = (row.text, verdict.to_dict())
        if row.label == "spam" and verdict.action != "publish":
            pool.spam.append(entry)
        elif row.label == "ham" and verdict.action == "publish":
            (pool.care if verdict.care else pool.ham).append(entry)
    return pool


@dataclass
class Plan:
    """What to add: ``threads`` threads holding ``posts`` posts in all. Thread
    ``first_thread_id`` gets ``big_thread_replies`` replies; the other threads share the
    remaining posts. ``held`` posts (spread over the fill) wait in the moderators' queue,
    ``removed_share`` of replies were rejected earlier, ``unseen_care`` care posts await
    a moderator's check-in."""

    threads: int
    posts: int
    big_thread_replies: int = 0
    held: int = 0
    removed_share: float = 0.01
    unseen_care: int = 0
    care_share: float = 0.002
    first_thread_id: int = 1
    first_post_id: int = 1
    seed: int = 6


def _hex(rng: random.Random) -> str:
    return hashlib.sha256(rng.getrandbits(64).to_bytes(8, "big")).hexdigest()


def rows(plan: Plan, pool: Pool):
    """Yield ("thread", row) and ("post", row, contacts) in id order."""
    rng = random.Random(plan.seed)
    posters = [_hex(rng) for _ in range(5000)]
    addresses = [_hex(rng) for _ in range(5000)]
    other_threads = plan.threads - (1 if plan.big_thread_replies else 0)
    other_posts = plan.posts - (plan.big_thread_replies + 1 if plan.big_thread_replies else 0)
    base, extra = divmod(other_posts, max(1, other_threads))
    held_every = max(1, plan.posts // plan.held) if plan.held else 0
    care_every = max(1, int(1 / plan.care_share)) if plan.care_share else 0
    unseen_left = plan.unseen_care
    post_id = plan.first_post_id
    for index in range(plan.threads):
        thread_id = plan.first_thread_id + index
        big = index == 0 and plan.big_thread_replies
        rank = index - 1 if plan.big_thread_replies else index  # among the other threads
        size = plan.big_thread_replies + 1 if big else base + (1 if rank < extra else 0)
        created = START + timedelta(seconds=rng.randrange(SPAN_SECONDS))
        moment = created
        names = {}
        thread_status = PostStatus.PUBLISHED
        published_replies = 0
        posts = []
        for position in range(size):
            poster = rng.randrange(len(posters))
            if position:
                moment = moment + timedelta(seconds=rng.randrange(60, 6 * 3600))
            status, awaiting, care_seen = PostStatus.PUBLISHED, False, None
            if held_every and post_id % held_every == 0:
                status, awaiting = PostStatus.HELD, True
                body, verdict = pool.spam[post_id % len(pool.spam)]
            elif position and rng.random() < plan.removed_share:
                status = PostStatus.REMOVED
                body, verdict = pool.spam[post_id % len(pool.spam)]
            elif care_every and post_id % care_every == 0 and pool.care:
                body, verdict = pool.care[post_id % len(pool.care)]
                if unseen_left:
                    unseen_left -= 1
                else:
                    care_seen = moment + timedelta(hours=1)
            else:
                body, verdict = pool.ham[post_id % len(pool.ham)]
            if position == 0:
                thread_status = status
            elif status == PostStatus.PUBLISHED:
                published_replies += 1
            adjective = ADJECTIVES[len(names) % len(ADJECTIVES)]
            name = names.setdefault(poster, f"{adjective} {ANIMALS[poster % len(ANIMALS)]}")
            posts.append(
                {
                    "id": post_id,
                    "thread_id": thread_id,
                    "is_opening": position == 0,
                    "body": body,
                    "status": status,
                    "pseudonym": name,
                    "poster_hash": posters[poster],
                    "address_hash": addresses[poster],
                    "edit_token_hash": secrets.token_hex(32),
                    "created_at": moment,
                    "edited_at": None,
                    "score": verdict["score"],
                    "verdict": verdict,
                    "care": verdict["care"],
                    "care_seen_at": care_seen,
                    "awaiting_review": awaiting,
                    "pending_body": None,
                    "pending_title": None,
                    "label": None,
                }
            )
            post_id += 1
        first_line = posts[0]["body"].strip().split("\n", 1)[0]
        yield (
            "thread",
            {
                "id": thread_id,
                "title": first_line[:80] or "Untitled",
                "status": thread_status,
                "created_at": created,
                "last_activity_at": moment,
                "reply_count": published_replies,
                "locked": False,
                "lock_note": None,
                "pinned": False,
            },
        )
        for post in posts:
            yield "post", post


POST_COLUMNS = [c.name for c in Post.__table__.columns]
THREAD_COLUMNS = [c.name for c in Thread.__table__.columns]


def _contacts(post: dict) -> list[dict]:
    pairs = set()
    for contact in post["verdict"].get("contacts", []):
        kind, sep, value = contact.partition(":")
        if sep and kind and value:
            pairs.add((kind[:16], value[:255]))
    return [{"post_id": post["id"], "kind": k, "value": v} for k, v in sorted(pairs)]


def fill(engine: Engine, plan: Plan, pool: Pool) -> dict[str, int]:
    """Insert ``plan``'s rows; PostgreSQL through COPY, anything else executemany. The
    search indexes are built for the new posts in one statement each afterwards, as the
    search migrations (0013, 0016) do for existing posts, rather than by their triggers
    row by row."""
    search = _migration("0013_search.py")
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE posts DISABLE TRIGGER post_search_post_write"))
        try:
            counts = _fill_postgres(engine, plan, pool)
        finally:
            with engine.begin() as conn:
                conn.execute(text("ALTER TABLE posts ENABLE TRIGGER post_search_post_write"))
        index_new_posts = [search._PG_INDEX_POSTS]
    else:
        # Each index's insert trigger: (name, the statement that makes it, what it runs).
        triggers = [("post_search_post_insert", search.SQLITE_UP[1], search._SQLITE_INDEX_POSTS)]
        with engine.connect() as conn:
            openings = conn.execute(
                text("SELECT 1 FROM sqlite_master WHERE name = 'thread_search'")
            ).first()
        if openings:
            at_scale = _migration("0016_search_at_scale.py")
            name = at_scale.OPENING_INSERT_TRIGGER
            create = next(s for s in at_scale.SQLITE_UP if f"CREATE TRIGGER {name} " in s)
            triggers.append((name, create, at_scale.INDEX_OPENINGS))
        with engine.begin() as conn:
            for name, _create, _index in triggers:
                conn.execute(text(f"DROP TRIGGER {name}"))
        try:
            counts = _fill_executemany(engine, plan, pool)
        finally:
            with engine.begin() as conn:
                for _name, create, _index in triggers:
                    conn.execute(text(create))
        index_new_posts = [index for _name, _create, index in triggers]
    with engine.begin() as conn:
        for statement in index_new_posts:
            conn.execute(
                text(statement.format(which="p.id >= :first")), {"first": plan.first_post_id}
            )
    return counts


def _migration(filename: str):
    """A migration's module, for its statements (migrations/versions is not a package)."""
    path = REPO / "migrations" / "versions" / filename
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fill_executemany(engine: Engine, plan: Plan, pool: Pool) -> dict[str, int]:
    counts = {"threads": 0, "posts": 0, "contacts": 0}
    threads, posts, contacts = [], [], []

    def flush(conn) -> None:
        # Threads first: posts refer to them.
        for table, batch in ((Thread, threads), (Post, posts), (PostContact, contacts)):
            if batch:
                conn.execute(insert(table.__table__), batch)
                batch.clear()

    with engine.begin() as conn:
        for kind, row in rows(plan, pool):
            if kind == "thread":
                threads.append(row)
                counts["threads"] += 1
            else:
                posts.append(row)
                counts["posts"] += 1
                found = _contacts(row) if row["status"] != PostStatus.PUBLISHED else []
                contacts.extend(found)
                counts["contacts"] += len(found)
            if len(posts) >= BATCH:
                flush(conn)
        flush(conn)
    return counts


def _fill_postgres(engine: Engine, plan: Plan, pool: Pool) -> dict[str, int]:
    counts = {"threads": 0, "posts": 0, "contacts": 0}
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        # Threads and posts are generated together; COPY each into its own table in
        # turn, threads of a batch before their posts.
        threads, posts, contacts = [], [], []

        def flush() -> None:
            for table, columns, batch in (
                ("threads", THREAD_COLUMNS, threads),
                ("posts", POST_COLUMNS, posts),
                ("post_contacts", ["post_id", "kind", "value"], contacts),
            ):
                if not batch:
                    continue
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in batch:
                        copy.write_row([row[c] for c in columns])
                batch.clear()

        for kind, row in rows(plan, pool):
            if kind == "thread":
                threads.append(row)
                counts["threads"] += 1
            else:
                row = dict(row, verdict=json.dumps(row["verdict"]))
                posts.append(row)
                counts["posts"] += 1
                if row["status"] != PostStatus.PUBLISHED:
                    found = _contacts(dict(row, verdict=json.loads(row["verdict"])))
                    contacts.extend(found)
                    counts["contacts"] += len(found)
            if len(posts) >= BATCH:
                flush()
        flush()
        for table in ("threads", "posts", "post_contacts"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
        raw.commit()
    finally:
        raw.close()
    return counts


def analyze(engine: Engine) -> None:
    """What autovacuum (PostgreSQL) or ``PRAGMA optimize`` (SQLite) would do in time."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
