"""Time the screener on a labelled CSV, next to SpamAssassin and Rspamd on the same texts.

    .venv/bin/python bench/screening.py [--data ../shared/eval/dev.csv] [--repeat 3]
        [--sa-limit N] [--sa-workers 2] [--no-spamassassin] [--no-rspamd] [--no-write]

Ours: the app's ``screen_post`` (in an app context, the default model trained from the
bundled corpus), median and 99th-percentile time of one call, posts per second when a
whole batch is screened, and precision/recall/F1 at the configured hold threshold.

SpamAssassin: a local ``spamd`` started for the run (network tests off, the rules that
ship with Debian's package), each text wrapped as a minimal plain-text mail and sent in
spamd's protocol (a ``CHECK`` request, as ``spamc -c`` sends; speaking it from Python
spares a ``spamc`` process start per message). Per-message time is measured one message
at a time on a sample; the quality figures come from every text, sent by
``--sa-workers`` concurrent clients.

Rspamd: a local ``rspamd`` started for the run with a config tree of its own (Debian's
stock modules and scores, workers on loopback, the modules that ask the network off,
DNS sent to a closed loopback port, Bayes in a Redis database of its own), each text
wrapped the same way and sent to ``/checkv2`` one at a time: first stock (its Bayes has
learned nothing), then after learning every row of the bundled training corpus. A text
is held at the action ``add header`` or above, and again from the score less
``HFILTER_HOSTNAME_UNKNOWN``, which every message gets for lack of a sending host.

Recall and the false-positive rate are reported per source of the data too.

The eval set is a measurement only: nothing here is tuned to it.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from common import (
    REPO,
    migrate,
    percentile,
    table,
    write_results,
)

DEFAULT_DATA_PATH = REPO.parent / "shared" / "eval" / "dev.csv"
SPAMD_PORT = 17830
SPAM_HEADER = re.compile(r"Spam: (True|False) ; (-?[\d.]+) / (-?[\d.]+)")


def default_data_path() -> Path:
    if DEFAULT_DATA_PATH.is_file():
        return DEFAULT_DATA_PATH
    raise SystemExit(f"no {DEFAULT_DATA_PATH} found; pass --data PATH")


def quality(caught: list[bool], labels: list[str]) -> dict[str, float]:
    tp = sum(c and label == "spam" for c, label in zip(caught, labels, strict=True))
    fp = sum(c and label == "ham" for c, label in zip(caught, labels, strict=True))
    fn = sum(not c and label == "spam" for c, label in zip(caught, labels, strict=True))
    ham = sum(label == "ham" for label in labels)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "fpr": fp / ham if ham else 0.0}


# --- ours ---------------------------------------------------------------------


def measure_ours(texts: list[str], repeat: int) -> dict:
    os.environ.setdefault("SECRET_KEY", "bench-secret-key")
    scratch = Path(tempfile.mkdtemp(prefix="mend-bench-screening-"))
    # screen_post asks the database every few seconds whether an admin changed the
    # screening settings, so it gets a migrated (empty) database, as in production.
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'mend.sqlite3'}"
    migrate(os.environ["DATABASE_URL"])
    from app import create_app
    from app.live_screener import get_screener, screen_post

    app = create_app({"MODEL_CACHE_PATH": scratch / "model.bin"})
    with app.app_context():
        started = time.perf_counter()
        screener = get_screener()  # trains the default model (nothing cached in scratch)
        build_seconds = time.perf_counter() - started
        for text in texts[:50]:  # warm caches (character tables, compiled regexes)
            screen_post(text)
        timings, verdicts = [], []
        per_text: list[list[float]] = [[] for _ in texts]
        for _ in range(repeat):
            verdicts = []
            for i, text in enumerate(texts):
                started = time.perf_counter()
                verdicts.append(screen_post(text))
                timings.append(time.perf_counter() - started)
                per_text[i].append(timings[-1])
        started = time.perf_counter()
        for _ in range(repeat):
            screener.screen_many(texts)
        batch_seconds = time.perf_counter() - started
    shutil.rmtree(scratch, ignore_errors=True)
    timings.sort()
    return {
        "build_seconds": build_seconds,
        "median": statistics.median(timings),
        "p99": percentile(timings, 0.99),
        "max": timings[-1],
        "per_second": len(texts) * repeat / batch_seconds,
        "caught": [v.action != "publish" for v in verdicts],
        "per_text": per_text,
    }


# --- SpamAssassin -------------------------------------------------------------


def as_mail(text: str, number: int) -> bytes:
    """A minimal, well-formed mail, so header rules (missing Date, Message-Id) score
    every text alike and the body is what SpamAssassin judges."""
    date = format_datetime(datetime(2026, 1, 1, 12, 0, tzinfo=UTC))
    headers = (
        "From: poster@example.org\r\n"
        "To: forum@example.org\r\n"
        "Subject: Forum post\r\n"
        f"Date: {date}\r\n"
        f"Message-ID: <post-{number}@example.org>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
    )
    return (headers + text.replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n").encode()


class Spamd:
    """A private spamd on a loopback port, started for this run and stopped after it."""

    def __init__(self, port: int, children: int):
        self.port = port
        self.children = children
        self.process: subprocess.Popen | None = None
        self.log = tempfile.TemporaryFile()

    def __enter__(self) -> Spamd:
        command = [
            "spamd",
            f"--listen=127.0.0.1:{self.port}",
            "--allowed-ips=127.0.0.1",
            "--local",  # no DNS blocklists, Razor or Pyzor: this machine is offline
            "--nouser-config",
            f"--max-children={self.children}",
            f"--min-children={self.children}",
            "--syslog=stderr",
        ]
        if os.geteuid() == 0:
            command.append("--username=nobody")
        self.process = subprocess.Popen(command, stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                raise SystemExit("spamd exited:\n" + self.log.read().decode()[-2000:])
            if self.ping():
                return self
            time.sleep(0.5)
        raise SystemExit("spamd did not answer within two minutes")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()

    def request(self, verb: str, mail: bytes = b"") -> str:
        """One exchange in spamd's own protocol, what ``spamc`` speaks, without the cost
        of starting a ``spamc`` process per message."""
        head = f"{verb} SPAMC/1.5\r\nContent-length: {len(mail)}\r\n\r\n".encode()
        with socket.create_connection(("127.0.0.1", self.port), timeout=120) as conn:
            conn.sendall(head + mail)
            conn.shutdown(socket.SHUT_WR)
            chunks = []
            while chunk := conn.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode("utf-8", "replace")

    def ping(self) -> bool:
        try:
            return "PONG" in self.request("PING")
        except OSError:
            return False

    def check(self, mail: bytes) -> tuple[bool, float, float]:
        """(spam at the default threshold, score, seconds) for one message."""
        started = time.perf_counter()
        answer = self.request("CHECK", mail)
        seconds = time.perf_counter() - started
        match = SPAM_HEADER.search(answer)
        if not answer.startswith("SPAMD/") or " EX_OK" not in answer or not match:
            raise RuntimeError(f"spamd answered {answer[:200]!r}")
        return match.group(1) == "True", float(match.group(2)), seconds


def spamassassin_version() -> str:
    out = subprocess.run(["spamassassin", "-V"], capture_output=True, text=True).stdout
    return out.splitlines()[0].replace("SpamAssassin version ", "") if out else "unknown"


def rules_note() -> str:
    updated = list(Path("/var/lib/spamassassin").glob("[0-9]*/updates_spamassassin_org/*.cf"))
    if updated:
        return "rules from sa-update"
    return (
        "the rules shipped in Debian's package (`sa-update` cannot reach the update "
        "mirrors from this machine)"
    )


def measure_spamassassin(texts: list[str], workers: int, latency_sample: int) -> dict:
    mails = [as_mail(text, i) for i, text in enumerate(texts)]
    with Spamd(SPAMD_PORT, max(2, workers)) as spamd:
        for mail in mails[:5]:  # the first messages pay for loading the rules
            spamd.check(mail)
        step = max(1, len(mails) // latency_sample)
        sequential = sorted(spamd.check(mail)[2] for mail in mails[::step][:latency_sample])
        started = time.perf_counter()
        with ThreadPoolExecutor(workers) as pool:
            results = list(pool.map(spamd.check, mails))
        wall = time.perf_counter() - started
    concurrent = sorted(seconds for _, _, seconds in results)
    return {
        "sequential_median": statistics.median(sequential),
        "sequential_p99": percentile(sequential, 0.99),
        "sequential_n": len(sequential),
        "concurrent_median": statistics.median(concurrent),
        "effective": wall / len(mails),
        "per_second": len(mails) / wall,
        "caught": [spam for spam, _, _ in results],
        "seconds": [seconds for _, _, seconds in results],
        "scores": [score for _, score, _ in results],
    }


# --- Rspamd -------------------------------------------------------------------

RSPAMD_REDIS = ("127.0.0.1", 6379)
# A Redis database of the bench's own, flushed before and after the run; 0-3 belong to
# other work on the same Redis.
RSPAMD_REDIS_DB = 9
# Modules that ask the network (DNS blocklists, rspamd.com's fuzzy storage, sender
# authentication, ASN and MX lookups, URL redirect following, DCC, external scanners).
RSPAMD_NETWORK_MODULES = (
    "rbl",
    "fuzzy_check",
    "spf",
    "dkim",
    "dmarc",
    "arc",
    "asn",
    "mx_check",
    "url_redirector",
    "dcc",
    "external_services",
)
# Every message gets it: nothing tells Rspamd the sending host's name, as an MTA would.
HOSTNAME_SYMBOL = "HFILTER_HOSTNAME_UNKNOWN"
# Rspamd's runs: its Bayes untrained, trained as rspamc learns, trained on every row.
RSPAMD_RUNS = {
    "stock": "Rspamd stock",
    "trained": "Rspamd trained",
    "trained_every_row": "Rspamd trained, every row",
}
# The actions that mark a mail as spam or refuse it; "held" is reaching the first of them.
HELD_ACTIONS = ("add header", "rewrite subject", "reject")
DNS_REQUESTS = re.compile(r"rspamd_task_write_log: .*, dns req: (\d+),")
HYPERSCAN_LOADED = re.compile(r"\(normal\).*hyperscan database of \d+ regexps has been loaded")


def free_port(kind: int = socket.SOCK_STREAM) -> int:
    """A loopback port nothing listens on now (a UDP one stays closed for the run, as
    nothing else on the machine asks for that port by number)."""
    with socket.socket(socket.AF_INET, kind) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_commands(*commands: tuple[str, ...]) -> bytes:
    """Send commands to the local Redis in its own protocol (no client library needed)
    and return the replies, assuming one line each (as PING, SELECT and FLUSHDB give)."""
    wire = "".join(
        f"*{len(cmd)}\r\n" + "".join(f"${len(arg)}\r\n{arg}\r\n" for arg in cmd) for cmd in commands
    )
    with socket.create_connection(RSPAMD_REDIS, timeout=10) as conn:
        conn.sendall(wire.encode())
        reply = b""
        while reply.count(b"\r\n") < len(commands) and (chunk := conn.recv(65536)):
            reply += chunk
    return reply


def flush_rspamd_redis_db() -> None:
    reply = redis_commands(("SELECT", str(RSPAMD_REDIS_DB)), ("FLUSHDB",))
    if reply != b"+OK\r\n+OK\r\n":
        raise RuntimeError(f"Redis answered {reply!r} to SELECT {RSPAMD_REDIS_DB}; FLUSHDB")


def redis_reachable() -> bool:
    try:
        return redis_commands(("PING",)).startswith(b"+PONG")
    except OSError:
        return False


def rspamd_config(directory: Path, normal: int, controller: int, dns: int) -> None:
    """A config tree of the run's own: Debian's stock modules and scores from /etc/rspamd,
    with workers on loopback, Bayes in its own Redis database, network modules off and
    DNS sent to a loopback port nobody listens on."""
    local = directory / "local.d"
    local.mkdir(parents=True)
    (directory / "db").mkdir()
    (directory / "rspamd.conf").write_text(
        f"""\
.include "$CONFDIR/common.conf"

options {{
    pidfile = "$RUNDIR/rspamd.pid";
    .include "$CONFDIR/options.inc"
    .include(try=true; priority=1,duplicate=merge) "$LOCAL_CONFDIR/local.d/options.inc"
}}

logging {{
    type = "file";
    filename = "$LOGDIR/rspamd.log";
    .include "$CONFDIR/logging.inc"
}}

worker "normal" {{
    bind_socket = "127.0.0.1:{normal}";
    .include "$CONFDIR/worker-normal.inc"
    count = 1;
}}

worker "controller" {{
    bind_socket = "127.0.0.1:{controller}";
    .include "$CONFDIR/worker-controller.inc"
    count = 1;
}}
"""
    )
    (local / "options.inc").write_text(
        f'dns {{\n    nameserver = ["127.0.0.1:{dns}"];\n    retransmits = 1;\n}}\n'
    )
    host, port = RSPAMD_REDIS
    (local / "classifier-bayes.conf").write_text(
        f'servers = "{host}:{port}";\ndb = "{RSPAMD_REDIS_DB}";\n'
    )
    for module in RSPAMD_NETWORK_MODULES:
        (local / f"{module}.conf").write_text("enabled = false;\n")
    # The phishing module's own checks stay; its Phishtank lookup is a DNS query per
    # link to rspamd.com, which here would only wait for the closed port (1 s a message).
    (local / "phishing.conf").write_text("phishtank_enabled = false;\n")


class Rspamd:
    """A private Rspamd on loopback ports, started for this run and stopped after it."""

    def __init__(self):
        self.directory: Path | None = None
        self.process: subprocess.Popen | None = None
        self.normal = self.controller = 0
        self.hyperscan = False
        self.output = tempfile.TemporaryFile()  # what rspamd says before its log is open

    def __enter__(self) -> Rspamd:
        try:
            self._start()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _start(self) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="mend-bench-rspamd-"))
        self.normal, self.controller = free_port(), free_port()
        rspamd_config(self.directory, self.normal, self.controller, free_port(socket.SOCK_DGRAM))
        flush_rspamd_redis_db()
        command = ["rspamd", "-f", "-c", str(self.directory / "rspamd.conf")]
        for name, value in (
            ("LOCAL_CONFDIR", self.directory),
            ("DBDIR", self.directory / "db"),
            ("RUNDIR", self.directory),
            ("LOGDIR", self.directory),
        ):
            command += ["--var", f"{name}={value}"]
        if os.geteuid() == 0:  # Rspamd will not run its workers as root
            shutil.chown(self.directory, "nobody", "nogroup")
            shutil.chown(self.directory / "db", "nobody", "nogroup")
            command += ["-u", "nobody", "-g", "nogroup"]
        self.process = subprocess.Popen(command, stdout=self.output, stderr=self.output)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("rspamd exited:\n" + self.log()[-3000:])
            if self.ping(self.normal) and self.ping(self.controller):
                break
            time.sleep(0.5)
        else:
            raise SystemExit("rspamd did not answer within three minutes:\n" + self.log()[-3000:])
        # Rspamd answers at once with its regexes run one by one; its hs_helper compiles
        # them into a Hyperscan database in the background and the worker then switches.
        # Time the worker as it runs for good.
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and not self.hyperscan:
            self.hyperscan = bool(HYPERSCAN_LOADED.search(self.log()))
            time.sleep(1)

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        try:
            flush_rspamd_redis_db()
        except (OSError, RuntimeError) as exc:
            print(f"could not flush Redis db {RSPAMD_REDIS_DB}: {exc}")
        if self.directory:
            shutil.rmtree(self.directory, ignore_errors=True)
        self.output.close()

    def log(self) -> str:
        self.output.seek(0)
        said = self.output.read().decode(errors="replace")
        try:
            return said + (self.directory / "rspamd.log").read_text(errors="replace")
        except (OSError, TypeError):
            return said

    def request(
        self, port: int, method: str, path: str, body: bytes = b"", headers: dict | None = None
    ) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            conn.request(method, path, body=body or None, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def ping(self, port: int) -> bool:
        try:
            return self.request(port, "GET", "/ping")[0] == 200
        except OSError:
            return False

    def actions(self) -> dict[str, float]:
        """Each action's score threshold, as the running Rspamd has them."""
        status, body = self.request(self.controller, "GET", "/actions")
        if status != 200:
            raise RuntimeError(f"rspamd /actions answered {status}: {body[:200]!r}")
        return {a["action"]: a["value"] for a in json.loads(body) if a.get("value") is not None}

    def check(self, mail: bytes) -> dict:
        """Rspamd's verdict on one message (action, score, symbols) and the round trip."""
        started = time.perf_counter()
        status, body = self.request(self.normal, "POST", "/checkv2", mail)
        seconds = time.perf_counter() - started
        if status != 200:
            raise RuntimeError(f"rspamd /checkv2 answered {status}: {body[:200]!r}")
        answer = json.loads(body)
        return {
            "action": answer["action"],
            "score": answer["score"],
            "symbols": {name: s.get("score", 0.0) for name, s in answer["symbols"].items()},
            "seconds": seconds,
        }

    def learn(self, mail: bytes, spam: bool, bulk: bool = False) -> str:
        """Learn one message as ``rspamc learn_spam``/``learn_ham`` does: "learned",
        "skipped" (fewer than the classifier's min_tokens, or its Bayes is already 95%
        sure of that class; ``bulk`` lifts the latter) or "duplicate" (the same message
        was learned before)."""
        path = "/learnspam" if spam else "/learnham"
        headers = {"Learn-Type": "bulk"} if bulk else None
        status, body = self.request(self.controller, "POST", path, mail, headers)
        outcome = {200: "learned", 204: "skipped", 208: "duplicate"}.get(status)
        if outcome is None:
            raise RuntimeError(f"rspamd {path} answered {status}: {body[:200]!r}")
        return outcome


def rspamd_version() -> str:
    out = subprocess.run(["rspamd", "--version"], capture_output=True, text=True).stdout
    return out.strip().rsplit(" ", 1)[-1] if out else "unknown"


def rspamd_min_learns() -> int | None:
    """The messages of each class Bayes must have learned before it scores anything."""
    try:
        match = re.search(r"min_learns\s*=\s*(\d+)", Path("/etc/rspamd/statistic.conf").read_text())
    except OSError:
        return None
    return int(match.group(1)) if match else None


def rspamd_pass(rspamd: Rspamd, mails: list[bytes], thresholds: dict[str, float]) -> dict:
    """Every mail checked one at a time; held with Rspamd's own action, and held again
    from the score less the missing-hostname symbol's weight."""
    results = [rspamd.check(mail) for mail in mails]
    held_at = min(thresholds[a] for a in HELD_ACTIONS if a in thresholds)
    without = [r["score"] - r["symbols"].get(HOSTNAME_SYMBOL, 0.0) for r in results]
    reject = thresholds.get("reject")
    return {
        "actions": [r["action"] for r in results],
        "caught": [r["action"] in HELD_ACTIONS for r in results],
        "caught_without": [score >= held_at for score in without],
        "rejected_without": [reject is not None and score >= reject for score in without],
        "seconds": [r["seconds"] for r in results],
        "hostname_symbol": sum(HOSTNAME_SYMBOL in r["symbols"] for r in results),
        "hostname_weight": max(
            (r["symbols"][HOSTNAME_SYMBOL] for r in results if HOSTNAME_SYMBOL in r["symbols"]),
            default=0.0,
        ),
        "bayes": sum(bool({"BAYES_SPAM", "BAYES_HAM"} & r["symbols"].keys()) for r in results),
        "on_every_message": {
            name: weight
            for name, weight in results[0]["symbols"].items()
            if weight and all(name in r["symbols"] for r in results)
        },
    }


def measure_rspamd(texts: list[str], training: list) -> dict:
    """Rspamd stock (its Bayes has learned nothing), then with its Bayes trained on the
    bundled corpus, every row learned as a mail."""
    mails = [as_mail(text, i) for i, text in enumerate(texts)]
    with Rspamd() as rspamd:
        thresholds = rspamd.actions()
        for mail in mails[:20]:  # the first messages pay for loading maps and regexes
            rspamd.check(mail)
        stock = rspamd_pass(rspamd, mails, thresholds)
        training_mails = [
            (row.label, as_mail(row.text, 1_000_000 + i)) for i, row in enumerate(training)
        ]
        started = time.perf_counter()
        learning = Counter(
            (label, rspamd.learn(mail, label == "spam")) for label, mail in training_mails
        )
        learn_seconds = time.perf_counter() - started
        trained = rspamd_pass(rspamd, mails, thresholds)
        # Again with "Learn-Type: bulk", which learns what Bayes was already sure of; the
        # rows learned above are refused as duplicates, so each row is learned once.
        bulk_learning = Counter(
            (label, rspamd.learn(mail, label == "spam", bulk=True))
            for label, mail in training_mails
        )
        trained_every_row = rspamd_pass(rspamd, mails, thresholds)
        hyperscan = rspamd.hyperscan
        dns = [int(n) for n in DNS_REQUESTS.findall(rspamd.log())]
    return {
        "thresholds": thresholds,
        "stock": stock,
        "trained": trained,
        "trained_every_row": trained_every_row,
        "learning": learning,
        "bulk_learning": bulk_learning,
        "learn_seconds": learn_seconds,
        "hyperscan": hyperscan,
        "tasks_logged": len(dns),
        "tasks_with_dns": sum(n > 0 for n in dns),
    }


def stratified_sample(rows: list, limit: int) -> list:
    """Every k-th row of each label, so a sample keeps the spam/ham mix."""
    if not limit or limit >= len(rows):
        return rows
    by_label: dict[str, list] = {}
    for row in rows:
        by_label.setdefault(row.label, []).append(row)
    sample = []
    for group in by_label.values():
        share = max(1, round(limit * len(group) / len(rows)))
        step = max(1, len(group) // share)
        sample.extend(group[::step][:share])
    return sample


def source_groups(rows: list) -> dict[tuple[str, str], list[int]]:
    """Row indices by (source, label): spam sources first, then ham, each by name."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i, row in enumerate(rows):
        groups.setdefault((row.source or "(no source)", row.label), []).append(i)
    return dict(sorted(groups.items(), key=lambda item: (item[0][1] != "spam", item[0][0])))


def share(flags: list[bool], indices: list[int]) -> str:
    hits = sum(flags[i] for i in indices)
    return f"{hits}/{len(indices)} ({hits / len(indices):.1%})" if indices else "—"


def quality_row(name: str, caught: list[bool], labels: list[str], timing: list[str]) -> list:
    q = quality(caught, labels)
    return [
        name,
        *timing,
        f"{q['precision']:.3f}",
        f"{q['recall']:.3f}",
        f"{q['f1']:.3f}",
        f"{q['fpr']:.4f}",
    ]


def rspamd_timing(seconds: list[float]) -> list[str]:
    ordered = sorted(seconds)
    return [
        f"{statistics.median(ordered) * 1000:.1f} ms",
        f"{percentile(ordered, 0.99) * 1000:.1f} ms",
        f"{len(ordered) / sum(ordered):.1f}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="labelled text,label CSV")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (ours)")
    parser.add_argument(
        "--sa-limit", type=int, default=0, help="SpamAssassin and Rspamd sample (0: all)"
    )
    parser.add_argument("--sa-workers", type=int, default=2, help="concurrent spamd clients")
    parser.add_argument(
        "--sa-latency-sample", type=int, default=100, help="messages timed one at a time"
    )
    parser.add_argument("--no-spamassassin", action="store_true")
    parser.add_argument("--no-rspamd", action="store_true")
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    args = parser.parse_args()

    from moderation.classifier import bundled_corpus_path
    from moderation.evaluation import read_labelled_csv

    data_path = args.data or default_data_path()
    rows = stratified_sample(read_labelled_csv(data_path), args.sa_limit)
    texts, labels = [r.text for r in rows], [r.label for r in rows]
    spam = labels.count("spam")
    print(f"{len(texts)} texts ({spam} spam, {len(texts) - spam} ham) from {data_path.name}")

    ours = measure_ours(texts, args.repeat)
    ours_q = quality(ours["caught"], labels)
    sa = None
    if not args.no_spamassassin and shutil.which("spamd"):
        print("SpamAssassin: starting spamd and checking every text (a few minutes)...")
        sa = measure_spamassassin(texts, args.sa_workers, args.sa_latency_sample)
    elif not args.no_spamassassin:
        print("spamd not found (apt-get install spamassassin); skipping it")
    rs = None
    if args.no_rspamd:
        pass
    elif not shutil.which("rspamd"):
        print("rspamd not found (apt-get install rspamd); skipping it")
    elif not redis_reachable():
        print(f"no Redis at {RSPAMD_REDIS[0]}:{RSPAMD_REDIS[1]} for Rspamd's Bayes; skipping it")
    else:
        print("Rspamd: starting it, checking every text, learning the corpus, checking again...")
        rs = measure_rspamd(texts, read_labelled_csv(bundled_corpus_path()))

    ms = 1000
    rows_out = [
        quality_row(
            "Mend `screen_post`",
            ours["caught"],
            labels,
            [
                f"{ours['median'] * ms:.3f} ms",
                f"{ours['p99'] * ms:.3f} ms",
                f"{ours['per_second']:.0f}",
            ],
        )
    ]
    if sa:
        sa_q = quality(sa["caught"], labels)
        rows_out.append(
            quality_row(
                "SpamAssassin (spamd)",
                sa["caught"],
                labels,
                [
                    f"{sa['sequential_median'] * ms:.1f} ms",
                    f"{sa['sequential_p99'] * ms:.1f} ms",
                    f"{sa['per_second']:.1f}",
                ],
            )
        )
    # (name, held flags, per-message seconds or None) for the per-source tables
    variants: list[tuple[str, list[bool], list[float] | None]] = [
        ("Mend", ours["caught"], [statistics.median(t) for t in ours["per_text"]])
    ]
    if sa:
        variants.append(("SpamAssassin", sa["caught"], sa["seconds"]))
    if rs:
        for kind, name in RSPAMD_RUNS.items():
            run = rs[kind]
            rows_out.append(quality_row(name, run["caught"], labels, rspamd_timing(run["seconds"])))
            rows_out.append(
                quality_row(
                    f"{name}, without {HOSTNAME_SYMBOL}",
                    run["caught_without"],
                    labels,
                    ["—", "—", "—"],
                )
            )
            variants.append((name, run["caught"], run["seconds"]))
            variants.append((f"{name}, without {HOSTNAME_SYMBOL}", run["caught_without"], None))
    headers = [
        "screener",
        "median / msg",
        "p99 / msg",
        "msgs/s (batch)",
        "precision",
        "recall",
        "F1",
        "ham FPR",
    ]
    result_table = table(headers, rows_out)

    groups = source_groups(rows)
    ham = [i for i, label in enumerate(labels) if label == "ham"]
    source_table = table(
        [
            "screener",
            *(f"{src} ({'recall' if lab == 'spam' else 'FPR'})" for src, lab in groups),
            "all ham (FPR)",
        ],
        [
            [name, *(share(held, idx) for idx in groups.values()), share(held, ham)]
            for name, held, _ in variants
        ],
    )
    time_table = table(
        ["median ms / msg", *(src for src, _ in groups)],
        [
            [
                name,
                *(
                    f"{statistics.median(seconds[i] for i in idx) * ms:.2f}"
                    for idx in groups.values()
                ),
            ]
            for name, _, seconds in variants
            if seconds is not None
        ],
    )
    tables = [
        result_table,
        "Per source of the data: recall on spam sources, false-positive rate on ham "
        "sources (held / texts).",
        source_table,
        "Per source: median time of one message.",
        time_table,
    ]
    if rs:
        action_names = ["no action", "greylist", "add header", "rewrite subject", "reject"]
        action_rows = []
        for kind, name in RSPAMD_RUNS.items():
            run = rs[kind]
            for label in ("spam", "ham"):
                idx = [i for i, lab in enumerate(labels) if lab == label]
                tally = Counter(run["actions"][i] for i in idx)
                action_rows.append(
                    [
                        f"{name}, {label}",
                        len(idx),
                        *(tally.get(a, 0) for a in action_names),
                        sum(run["caught_without"][i] for i in idx),
                        sum(run["rejected_without"][i] for i in idx),
                    ]
                )
        tables += [
            "Rspamd's actions by label (held = add header, rewrite subject or reject).",
            table(
                [
                    "Rspamd",
                    "texts",
                    *action_names,
                    f"held without {HOSTNAME_SYMBOL}",
                    f"reject without {HOSTNAME_SYMBOL}",
                ],
                action_rows,
            ),
        ]
    result_tables = "\n\n".join(tables)
    print()
    print(result_tables)

    notes = [
        f"Data: `{data_path.name}`, {len(texts)} texts ({spam} spam, {len(texts) - spam} ham); "
        "measurement only, nothing tuned to it.",
        f"Ours: `app.live_screener.screen_post` in an app context, {args.repeat} passes over "
        f"every text; the screener is built (default model trained on the bundled corpus) "
        f"in {ours['build_seconds']:.1f} s before timing. p99 {ours['p99'] * ms:.3f} ms, "
        f"max {ours['max'] * ms:.2f} ms. Batch: `Screener.screen_many`, one process.",
        "A post counts as caught when the action is not `publish` (hold threshold "
        "`HOLD_THRESHOLD` = 0.5, the default).",
    ]
    targets = [
        f"- median ≤ 2 ms: **{'met' if ours['median'] <= 0.002 else 'NOT met'}** "
        f"({ours['median'] * ms:.3f} ms)"
    ]
    if sa:
        ratio = sa["sequential_median"] / ours["median"]
        notes += [
            f"SpamAssassin {spamassassin_version()}, {rules_note()}, `spamd --local` "
            "(network tests off; this machine has no route to DNS blocklists), "
            "default threshold 5.0. Each text is wrapped as a minimal plain-text mail "
            "(From, To, Subject, Date, Message-ID, UTF-8 body). Its Bayes filter is "
            "untrained (no per-user database), as it is out of the box.",
            f"SpamAssassin per-message time: {sa['sequential_n']} messages sent one at a "
            "time: the round trip of a `CHECK` request to spamd on loopback, in spamd's "
            "protocol (what `spamc -c` sends). Quality and msgs/s: every text through "
            f"{args.sa_workers} concurrent clients and {max(2, args.sa_workers)} "
            f"spamd children; there a message's round trip had median "
            f"{sa['concurrent_median'] * ms:.0f} ms and the wall time per message was "
            f"{sa['effective'] * ms:.0f} ms. Its per-source times are those concurrent "
            "round trips.",
        ]
        spam_scores = sorted(
            sc for sc, lab in zip(sa["scores"], labels, strict=True) if lab == "spam"
        )
        ham_scores = sorted(
            sc for sc, lab in zip(sa["scores"], labels, strict=True) if lab == "ham"
        )
        notes.append(
            f"SpamAssassin scores: spam texts median {statistics.median(spam_scores):.1f}, "
            f"highest {spam_scores[-1]:.1f}; ham texts median "
            f"{statistics.median(ham_scores):.1f}, highest {ham_scores[-1]:.1f} "
            "(threshold 5.0)."
        )
        targets += [
            f"- ≥ 20× faster per message than SpamAssassin: "
            f"**{'met' if ratio >= 20 else 'NOT met'}** ({ratio:.0f}× by median)",
            f"- better F1 than SpamAssassin: **{'met' if ours_q['f1'] > sa_q['f1'] else 'NOT met'}"
            f"** ({ours_q['f1']:.3f} vs {sa_q['f1']:.3f})",
        ]
    if rs:
        notes += rspamd_notes(rs)
    load = os.getloadavg()
    cores = os.cpu_count() or 1
    notes.append(
        f"Load average (1, 5, 15 min) when the run ended: {load[0]:.2f}, {load[1]:.2f}, "
        f"{load[2]:.2f} on {cores} cores"
        + (
            ": a loaded machine, other work shared the cores, so every time above is noisy."
            if load[0] > cores
            else "."
        )
    )
    print("\n".join(targets))
    if not args.no_write:
        write_results("screening", "Screening", result_tables, targets, notes)


def rspamd_notes(rs: dict) -> list[str]:
    thresholds = ", ".join(f"{action} {value:g}" for action, value in rs["thresholds"].items())
    stock, trained = rs["stock"], rs["trained"]
    every = ", ".join(
        f"`{name}` ({weight:+g})" for name, weight in stock["on_every_message"].items()
    )
    learning, bulk = rs["learning"], rs["bulk_learning"]
    min_learns = rspamd_min_learns()
    learned = {label: learning[(label, "learned")] for label in ("spam", "ham")}
    passes = min_learns is not None and min(learned.values()) >= min_learns
    return [
        f"Rspamd {rspamd_version()} (Debian's package), the stock modules, rules and scores "
        "of `/etc/rspamd`, started for the run with a config tree of its own in a "
        "temporary directory: one normal worker and the controller on loopback ports, "
        f"Bayes statistics in Redis database {RSPAMD_REDIS_DB} of the local Redis "
        "(flushed before and after; no other module gets a Redis), the modules that ask "
        f"the network off ({', '.join(RSPAMD_NETWORK_MODULES)}) and DNS sent to a closed "
        "loopback port, so no lookup (nor any map download from rspamd.com) leaves the "
        "machine; the phishing module's Phishtank lookup (a DNS query per link) is off "
        f"too. Of the {rs['tasks_logged']} checks Rspamd logged, "
        f"{rs['tasks_with_dns']} still asked DNS (and got no answer). Action thresholds: "
        f"{thresholds}; held = `add header` or above.",
        "Rspamd per-message time: every text sent one at a time, the round trip of a "
        "`POST /checkv2` with the mail as body (new connection each) to the normal worker; "
        "msgs/s is the inverse of the mean. Timing starts after the first 20 messages and "
        + (
            "once the worker has loaded the Hyperscan database its hs_helper compiles."
            if rs["hyperscan"]
            else "without a Hyperscan database (none was reported loaded within 5 "
            "minutes): regexes ran one by one."
        ),
        f"Symbols on every message: {every or 'none'}; nothing tells Rspamd the sending "
        "host, as an MTA would, hence `HFILTER_HOSTNAME_UNKNOWN`. The rows without it "
        "take the score less that symbol's weight against the same thresholds.",
        f"Rspamd stock: its Bayes has learned nothing (no BAYES symbol on any message: "
        f"{stock['bayes']}). Trained: every row of the bundled `moderation/data/train.csv` "
        "sent as a mail to the controller's `/learnspam` or `/learnham` (what `rspamc "
        f"learn_spam`/`learn_ham` does), in {rs['learn_seconds']:.0f} s. Rspamd learned "
        f"{learned['spam']} spam and {learned['ham']} ham; it skipped "
        f"{learning[('spam', 'skipped')]} spam and {learning[('ham', 'skipped')]} ham "
        "(fewer than 11 tokens, or its Bayes already ≥ 95% sure of the class, as stock "
        f"learning does) and refused {learning[('spam', 'duplicate')]} spam and "
        f"{learning[('ham', 'duplicate')]} ham as already learned. Bayes scores nothing "
        f"until each class has `min_learns` = {min_learns} learned messages; the corpus "
        f"{'passes' if passes else 'does NOT pass'} it, and a BAYES symbol was on "
        f"{trained['bayes']} of {len(trained['caught'])} messages after training.",
        "Trained, every row: then every row sent again with `Learn-Type: bulk` (rspamc's "
        "`--header 'Learn-Type: bulk'`), which lifts the 95% check: Rspamd learned a "
        f"further {bulk[('spam', 'learned')]} spam and {bulk[('ham', 'learned')]} ham, "
        f"skipped {bulk[('spam', 'skipped')]} spam and {bulk[('ham', 'skipped')]} ham "
        f"(fewer than 11 tokens) and refused {bulk[('spam', 'duplicate')]} spam and "
        f"{bulk[('ham', 'duplicate')]} ham as learned already (Rspamd's learn cache "
        "does not refuse every row learned above, so a few are learned twice).",
    ]


if __name__ == "__main__":
    main()
