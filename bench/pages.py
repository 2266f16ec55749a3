"""Requests per second for Mend's front page and a 50-reply thread page under gunicorn,
next to Flask's "hello world" served the same way in the same run.

    .venv/bin/python bench/pages.py [--duration 10] [--connections 32]
        [--databases sqlite postgresql]

Each database gets a fresh schema from the real migrations and 30 published threads,
one of them with 50 replies (bulk-inserted; see ``bench/seed.py``). Every target is
served by ``gunicorn -w 2`` (sync workers, gunicorn's defaults otherwise) on loopback
and driven by ``wrk -t2 -cN -dS --latency`` on the same machine.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from common import (
    BENCH,
    REPO,
    VENV_BIN,
    migrate,
    recreate_postgres_database,
    table,
    write_results,
)

FIRST_PORT = 18080
SECRET = "bench-pages-secret-key-not-for-production"
# What a returning reader's browser sends: a session cookie (here one that no longer
# signs, which Flask treats as an empty session, as it would a fresh one).
COOKIE = "session=returning-reader"


class Gunicorn:
    def __init__(self, app: str, cwd: Path, env: dict[str, str], workers: int, port: int):
        self.port = port
        self.command = [
            str(VENV_BIN / "gunicorn"),
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            app,
        ]
        self.cwd, self.env = cwd, env
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Gunicorn:
        self.process = subprocess.Popen(self.command, cwd=self.cwd, env=self.env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited with {self.process.returncode}")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=2).read()
                return self
            except OSError:
                time.sleep(0.3)
        raise SystemExit("gunicorn did not answer within a minute")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode()


def wrk(url: str, duration: int, connections: int, threads: int, header: str = "") -> dict:
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            *(["-H", header] if header else []),
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)

    def latency(pct: str) -> float:
        """Milliseconds."""
        match = re.search(rf"\s{pct}%\s+([\d.]+)(us|ms|s)\b", out)
        if not match:
            return float("nan")
        scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[match.group(2)]
        return float(match.group(1)) * scale

    return {
        "rps": rps,
        "requests": requests,
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1).strip() if socket_errors else "",
        "p50": latency("50"),
        "p99": latency("99"),
    }


def seed_database(url: str, pool) -> int:
    """Migrate and fill; returns the id of the thread with 50 replies."""
    from seed import Plan, fill
    from sqlalchemy import create_engine

    migrate(url, SECRET)
    engine = create_engine(url)
    # 30 threads: one with 50 replies, 29 with 4 each; nothing held.
    fill(engine, Plan(threads=30, posts=51 + 29 * 5, big_thread_replies=50), pool)
    engine.dispose()
    return 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="wrk runs per target")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--databases", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"]
    )
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk not found: apt-get install wrk")

    scratch = Path(tempfile.mkdtemp(prefix="mend-bench-pages-"))
    targets: list[tuple[str, str, str, dict[str, str], Path]] = []
    base_env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    hello = ("Flask hello world", "/", "hello_app:app", base_env, BENCH)
    from seed import screened_pool

    pool = screened_pool()
    for database in args.databases:
        if database == "sqlite":
            url = f"sqlite:///{scratch / 'pages.sqlite3'}"
        else:
            url = recreate_postgres_database("bench_pages")
        thread_id = seed_database(url, pool)
        env = base_env | {"MEND_ENV": "production", "SECRET_KEY": SECRET, "DATABASE_URL": url}
        targets.append((f"front page ({database})", "/", "wsgi:app", env, REPO))
        targets.append(
            (f"thread, 50 replies ({database})", f"/t/{thread_id}", "wsgi:app", env, REPO)
        )

    servers = [hello, *targets]
    results: dict[str, list[dict]] = {}
    with contextlib.ExitStack() as stack:
        urls = {}
        for port, (name, path, app, env, cwd) in enumerate(servers, FIRST_PORT):
            stack.enter_context(Gunicorn(app, cwd, env, args.workers, port))
            url = f"http://127.0.0.1:{port}{path}"
            status, body = fetch(url)
            if status != 200:
                raise SystemExit(f"{name}: {path} answered {status}")
            if path.startswith("/t/"):
                name += f", {len(re.findall(r'id=.p[0-9]+.', body))} posts shown"
            for _ in range(20):  # warm both workers: templates, connection pools
                fetch(url)
            urls[name] = (url, "")
            results[name] = []
            if app == "wsgi:app":
                # Any cookie at all bypasses the few seconds' page cache for readers.
                with_cookie = f"{name} (reader with a cookie: not cached)"
                urls[with_cookie] = (url, f"Cookie: {COOKIE}")
                results[with_cookie] = []
        # Rounds: every target once per round, so other load on the machine and any
        # drift fall on all of them alike.
        for round_number in range(1, args.rounds + 1):
            for name, (url, header) in urls.items():
                print(f"round {round_number}: {name}: wrk {args.duration}s ...", flush=True)
                results[name].append(
                    wrk(url, args.duration, args.connections, args.threads, header)
                )
    shutil.rmtree(scratch, ignore_errors=True)

    summary = {
        name: {
            "rps": statistics.mean(r["rps"] for r in runs),
            "low": min(r["rps"] for r in runs),
            "high": max(r["rps"] for r in runs),
            "p50": statistics.median(r["p50"] for r in runs),
            "p99": statistics.median(r["p99"] for r in runs),
            "requests": sum(r["requests"] for r in runs),
            "non_2xx": sum(r["non_2xx"] for r in runs),
            "socket_errors": "; ".join(r["socket_errors"] for r in runs if r["socket_errors"]),
        }
        for name, runs in results.items()
    }
    hello_rps = summary[hello[0]]["rps"]
    rows = [
        [
            name,
            f"{r['rps']:.0f}",
            f"{r['low']:.0f}–{r['high']:.0f}",
            f"{r['rps'] / hello_rps:.0%}",
            f"{r['p50']:.1f} ms",
            f"{r['p99']:.1f} ms",
            r["requests"],
            r["non_2xx"],
        ]
        for name, r in summary.items()
    ]
    headers = [
        "target",
        "req/s (mean)",
        "rounds' range",
        "of hello",
        "p50",
        "p99",
        "requests",
        "non-2xx",
    ]
    result_table = table(headers, rows)
    print()
    print(result_table)
    targets_text = []
    for name, r in summary.items():
        if name.startswith("thread"):
            ratio = r["rps"] / hello_rps
            verdict = "met" if ratio >= 0.5 else "NOT met"
            targets_text.append(
                f"- thread page ≥ 50% of hello-world throughput ({name}): "
                f"**{verdict}** ({ratio:.0%})"
            )
    print("\n".join(targets_text))
    if args.no_write:
        return
    notes = [
        f"`gunicorn --workers {args.workers}` (sync workers) on 127.0.0.1, "
        f"`wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency`; the "
        "load generator runs on the same two cores as the server, so every figure here is "
        "lower than a separate load machine would show, for the baseline as much as for Mend.",
        f"All servers run side by side; wrk hits one at a time, every target once per "
        f"round, {args.rounds} rounds, so other load on the machine falls on all alike. "
        "req/s is the mean of the rounds; p50 and p99 latency the median of the rounds'.",
        "Mend runs as in production: `MEND_ENV=production`, schema from the migrations, no "
        "Redis (pages are GETs; rate limits apply to posting only). The thread page shows "
        "the first page of the thread (`POSTS_PER_PAGE` = 30 posts), as a reader arriving "
        "from the front page sees it.",
        "Sync gunicorn workers close the connection after each response, so wrk reconnects "
        "for every request for all targets alike.",
        "wrk sends no cookies, like a reader arriving from a search: those requests are "
        "served from each worker's few seconds' page cache (`READER_CACHE_SECONDS`, "
        "default 5; `app/reader_cache.py`), with a fresh CSRF token and session per "
        "request. The rows marked 'reader with a cookie' send a session cookie, which "
        "bypasses the cache, as for every returning reader, poster and moderator.",
    ]
    if any(r["socket_errors"] for r in summary.values()):
        notes.append(
            "wrk socket errors: "
            + "; ".join(
                f"{n}: {r['socket_errors']}" for n, r in summary.items() if r["socket_errors"]
            )
        )
    write_results("pages", "Pages", result_table, targets_text, notes)


if __name__ == "__main__":
    main()
