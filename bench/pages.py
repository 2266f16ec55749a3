"""Requests per second for Mend's front page, a 50-reply thread page and the moderator
queue under gunicorn, next to Flask's "hello world" served the same way in the same run.

    .venv/bin/python bench/pages.py [--duration 10] [--connections 32]
        [--databases sqlite postgresql]

Each database gets a fresh schema from the real migrations and 30 threads, one of them
with 50 replies, and 50 posts held for a moderator (bulk-inserted; see ``bench/seed.py``).
Every target is served by ``gunicorn -w 2`` (sync workers, gunicorn's defaults otherwise)
on loopback and driven by ``wrk -t2 -cN -dS --latency`` on the same machine.

The cookies are real ones, got through the forms as a browser gets them: a poster who
started a thread of their own (reading the big thread, nothing on it is theirs), a
poster who replied in the big thread (the page shows their post's Edit link, so it is
rendered for them), and a logged-in moderator.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import http.client
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.parse
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
MODERATOR, MODERATOR_PASSWORD = "bench-mo", "a long bench password, not for production"
CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


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


def fetch(url: str, header: str = "") -> str:
    request = urllib.request.Request(url)
    if header:
        name, _, value = header.partition(": ")
        request.add_header(name, value)
    with urllib.request.urlopen(request, timeout=10) as response:
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}")
        return response.read().decode()


def mend_rows(database: str, base: str, port: int, thread_path: str) -> dict:
    """The rows for one Mend server: (url, header) by name, after making the cookies."""
    reader = Browser(port)  # started a thread of their own: nothing on the big one is theirs
    reader.submit("/new", "/new", {"title": "Still here", "body": "Day nine. Went for a walk."})
    poster = Browser(port)  # replied in the big thread, after the posts its first page shows
    poster.submit(thread_path, f"{thread_path}/reply", {"body": "Reading all of this helps."})
    moderator = Browser(port)
    moderator.submit("/login", "/login", {"username": MODERATOR, "password": MODERATOR_PASSWORD})
    for who in (reader, poster):
        assert {"session", "mend_poster", "mend_tokens"} <= set(who.cookies), who.cookies
    thread = base + thread_path
    shown = len(re.findall(r"id=.p[0-9]+.", fetch(thread)))
    if "Edit</a>" not in fetch(thread + "?last=1", poster.header()):
        raise SystemExit("the replying poster's last page should show their Edit link")
    queue = fetch(base + "/mod/queue", moderator.header())
    held = queue.count('class="pick"')  # one tick box per post
    return {
        f"front page ({database})": (base + "/", ""),
        f"front page, reader with a cookie ({database})": (base + "/", reader.header()),
        f"thread, {shown} posts shown ({database})": (thread, ""),
        f"thread, reader with a cookie ({database})": (thread, reader.header()),
        f"thread, its own poster: rendered ({database})": (thread, poster.header()),
        f"moderator queue, {held} held ({database})": (base + "/mod/queue", moderator.header()),
    }


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
    # 30 threads: one with 50 replies, 29 with 4 each, then 50 more posts, all held for
    # a moderator (the queue's first page; the threads before them keep every post).
    shown = 51 + 29 * 5
    fill(engine, Plan(threads=30, posts=shown, big_thread_replies=50), pool)
    fill(
        engine,
        Plan(threads=1, posts=100, held=50, first_thread_id=31, first_post_id=shown + 1),
        pool,
    )
    engine.dispose()
    env = os.environ | {"DATABASE_URL": url, "SECRET_KEY": SECRET}
    subprocess.run(
        [str(VENV_BIN / "flask"), "--app", "wsgi", "users", "create", "--role", "moderator"]
        + [MODERATOR, "--password-stdin"],
        input=MODERATOR_PASSWORD,
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return 1


class Browser:
    """Cookies as a browser keeps them for one site (``Secure`` ones too: production
    marks them so, and the bench talks plain HTTP on loopback)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": self.header_value()} if self.cookies else {}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for value in response.headers.get_all("Set-Cookie") or []:
            pair, _, attributes = value.partition(";")
            name, _, cookie = pair.strip().partition("=")
            if "max-age=0" in attributes.lower().replace(" ", "") or not cookie:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = cookie
        text = response.read().decode()
        connection.close()
        return response.status, response.headers.get("Location", ""), text

    def submit(self, form_path: str, post_path: str, fields: dict) -> None:
        """Fill in the form on ``form_path`` and send it; follow the redirects (to the
        page that shows a new token once, which the session then forgets)."""
        _, _, page = self.request("GET", form_path)
        token = html.unescape(CSRF_RE.search(page).group(1))
        status, location, _ = self.request("POST", post_path, {"csrf_token": token, **fields})
        if status != 302:
            raise SystemExit(f"{post_path} answered {status}, not a redirect")
        while location:
            parts = urllib.parse.urlsplit(location)
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            status, location, _ = self.request("GET", target)

    def header(self) -> str:
        return "Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def header_value(self) -> str:
        return self.header().removeprefix("Cookie: ")


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
    parser.add_argument(
        "--port", type=int, default=FIRST_PORT, help="first of the ports the servers use"
    )
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
        targets.append((database, f"/t/{thread_id}", "wsgi:app", env, REPO))

    servers = [hello, *targets]
    results: dict[str, list[dict]] = {}
    with contextlib.ExitStack() as stack:
        urls: dict[str, tuple[str, str]] = {}
        for port, (name, path, app, env, cwd) in enumerate(servers, args.port):
            stack.enter_context(Gunicorn(app, cwd, env, args.workers, port))
            base = f"http://127.0.0.1:{port}"
            if app != "wsgi:app":
                urls[name] = (base + path, "")
                continue
            urls.update(mend_rows(name, base, port, path))
        for name, (url, header) in urls.items():
            results[name] = []
            for _ in range(20):  # warm both workers: templates, connection pools, caches
                fetch(url, header)
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

    def ratio(prefix: str, database: str) -> tuple[str, float]:
        for name, r in summary.items():
            if name.startswith(prefix) and name.endswith(f"({database})"):
                return name, r["rps"]
        raise KeyError(prefix)

    for database in args.databases:
        thread_cookie = ratio("thread, reader with a cookie", database)[1]
        for prefix, share, what in (
            ("thread, reader with a cookie", 0.25, "thread page, reader with a cookie"),
            ("thread, ", 0.60, "thread page, reader without a cookie"),
            ("front page, reader with a cookie", 0.30, "front page, reader with a cookie"),
        ):
            _, rps = ratio(prefix, database)
            verdict = "met" if rps / hello_rps >= share else "NOT met"
            targets_text.append(
                f"- {what} ≥ {share:.0%} of hello world ({database}): "
                f"**{verdict}** ({rps / hello_rps:.0%})"
            )
        name, queue = ratio("moderator queue", database)
        verdict = "met" if queue * 2 >= thread_cookie else "NOT met"
        targets_text.append(
            f"- {name} within 2× of the thread page with a cookie: **{verdict}** "
            f"({thread_cookie / queue:.1f}× slower)"
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
        "Redis (post cards and content versions in each worker's memory; rate limits apply "
        "to posting only). The thread page shows the first page of the thread "
        "(`POSTS_PER_PAGE` = 30 posts), as a reader arriving from the front page sees it.",
        "Sync gunicorn workers close the connection after each response, so wrk reconnects "
        "for every request for all targets alike.",
        "Rows without a cookie are a reader arriving from a search: served from each "
        "worker's few seconds' page cache (`READER_CACHE_SECONDS`, default 5; "
        "`app/reader_cache.py`), with a fresh CSRF token and session per request. 'Reader "
        "with a cookie' sends the real `session`, `mend_poster` and `mend_tokens` cookies of "
        "a poster who started another thread through the form: nothing on these pages is "
        "theirs, so they get the cached page with their own CSRF token. 'Its own poster' "
        "replied in the big thread (their reply is on its last page, with an Edit link): "
        "the thread is theirs, so its first page is rendered for them, with "
        "every other post's card from the card cache (`app/forum/cards.py`). The moderator "
        "queue is read with a real moderator's session, logged in through the form.",
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
