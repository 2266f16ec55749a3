"""Your posts: what the header's "Your posts · N new" link costs a browser holding tokens.

Fills a database with the bundled corpus (bench/seed.py), gives one browser the tokens
of 60 posts (the most a browser keeps) spread over 40 threads, with a ``mend_seen``
cookie for 40 threads, and times:

- the link's one query (``new_replies_by_thread``) on its own;
- the front page for that browser and for one without tokens (page cache off, so each
  is rendered; the difference is the link);
- ``/mine`` for that browser.

It prints the query's plan, and with ``--write`` puts the figures in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from common import migrate, table, write_results
from scale import SECRET, database_url, full_scans, make_app

TOKENS = 60
THREADS = 40
RUNS = 30


def _give_tokens(app, size: int) -> tuple[str, str]:
    """Give 60 posts in 40 threads tokens this bench knows: the cookies to send."""
    from app.poster_identity import token_hash
    from models import Post, db

    rng = random.Random(14)
    with app.app_context():
        threads = sorted(
            rng.sample(
                list(db.session.execute(db.select(Post.thread_id).distinct()).scalars()), THREADS
            )
        )
        firsts, seconds = [], []
        for thread_id in threads:
            ids = list(
                db.session.execute(
                    db.select(Post.id)
                    .where(Post.thread_id == thread_id, Post.status == "published")
                    .order_by(Post.id)
                    .limit(2)
                ).scalars()
            )
            firsts.extend(ids[:1])
            seconds.extend(ids[1:])
        chosen = sorted(firsts + seconds[: TOKENS - len(firsts)])
        tokens = {post_id: f"bench-token-{post_id:012d}" for post_id in chosen}
        for post_id, token in tokens.items():
            db.session.execute(
                db.update(Post).where(Post.id == post_id).values(edit_token_hash=token_hash(token))
            )
        db.session.commit()
    tokens_cookie = "|".join(f"{i}:{t}" for i, t in tokens.items())
    seen_cookie = "|".join(f"{t}:{min(tokens)}" for t in threads)
    return tokens_cookie, seen_cookie


def _median_ms(call, runs: int = RUNS) -> float:
    call()  # warm
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def run_database(kind: str, size: int, pool) -> dict:
    from seed import Plan, analyze, fill
    from sqlalchemy import create_engine

    url = database_url(kind, size, "your_posts")
    migrate(url, SECRET)
    engine = create_engine(url)
    print(f"{kind}: filling {size:,} posts ...", flush=True)
    fill(engine, Plan(threads=max(THREADS, size // 10), posts=size), pool)
    analyze(engine)
    engine.dispose()
    app, reader, _moderator = make_app(url)
    tokens_cookie, seen_cookie = _give_tokens(app, size)
    poster = app.test_client()
    poster.set_cookie("mend_tokens", tokens_cookie)
    poster.set_cookie("mend_seen", seen_cookie)

    from app.forum.last_seen import parse_seen
    from app.forum.mine import new_replies_by_thread
    from app.poster_identity import remembered_tokens
    from models import db

    with app.test_request_context(
        "/", headers={"Cookie": f"mend_tokens={tokens_cookie}; mend_seen={seen_cookie}"}
    ):
        tokens, seen = remembered_tokens(), parse_seen(seen_cookie)
        counts = new_replies_by_thread(tokens, seen)
        query_ms = _median_ms(lambda: new_replies_by_thread(tokens, seen))
        plan = _plan(db.engine, tokens, seen)
    front_with = _median_ms(lambda: poster.get("/"))
    front_without = _median_ms(lambda: reader.get("/"))
    mine_ms = _median_ms(lambda: poster.get("/mine"))
    assert "your-posts" in poster.get("/").get_data(as_text=True)
    with app.app_context():
        db.engine.dispose()
    return {
        "threads counted": len(counts),
        "query_ms": query_ms,
        "front_with": front_with,
        "front_without": front_without,
        "mine_ms": mine_ms,
        "plan": plan,
        # The grouped subquery of the browser's own posts is read whole: at most 60 rows.
        "full_scans": [line for line in full_scans(plan, kind) if "anon_1" not in line],
    }


def _plan(engine, tokens, seen) -> str:
    from sqlalchemy import event

    from app.forum.mine import new_replies_by_thread

    captured = []

    def capture(_conn, _cursor, statement, parameters, _context, _executemany):
        captured.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        new_replies_by_thread(tokens, seen)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    statement, parameters = captured[-1]
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            rows = conn.exec_driver_sql("EXPLAIN ANALYZE " + statement, parameters)
            return "\n".join(row[0] for row in rows)
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
        return "\n".join(row[3] for row in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument(
        "--databases", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"]
    )
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = parser.parse_args()
    from seed import screened_pool

    pool = screened_pool()
    rows, plans = [], []
    for kind in args.databases:
        for size in sorted(args.sizes):
            result = run_database(kind, size, pool)
            print(f"  {kind} {size:,}: {result}", flush=True)
            rows.append(
                [
                    kind,
                    f"{size:,}",
                    result["threads counted"],
                    f"{result['query_ms']:.2f}",
                    f"{result['front_without']:.1f}",
                    f"{result['front_with']:.1f}",
                    f"{result['mine_ms']:.1f}",
                    ", ".join(result["full_scans"]) or "none",
                ]
            )
            # Lines cut at 160 characters: PostgreSQL spells out all 60 ids and hashes.
            plan = "\n".join(
                line if len(line) <= 160 else line[:157] + "..."
                for line in result["plan"].splitlines()
            )
            plans.append(f"{kind}, {size:,} posts:\n\n```\n{plan}\n```")
    result_table = table(
        [
            "database",
            "posts",
            "threads counted",
            "link query (ms)",
            "front page, no tokens (ms)",
            "front page, 60 tokens (ms)",
            "/mine, 60 tokens (ms)",
            "full scans in the query",
        ],
        rows,
    )
    print(result_table)
    if args.write:
        write_results(
            "your_posts",
            "Your posts: the header link's cost",
            result_table,
            [
                "- one query for a browser holding tokens, none for one without; no full "
                "scan of posts (the link query reads posts by id and a thread's posts "
                "through ix_posts_thread_order)."
            ],
            [
                "Medians of 30 requests each, page cache off (every page rendered). A "
                "browser holds 60 tokens in 40 threads, the most its cookies keep.",
            ],
            ("Plans of the link query:\n\n" + "\n\n".join(plans),),
        )


if __name__ == "__main__":
    main()
