"""What every benchmark shares: the machine it ran on, percentiles, Markdown tables, and
the one place figures are written (``bench/RESULTS.md``, one section per benchmark)."""

from __future__ import annotations

import os
import platform
import re
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "RESULTS.md"
VENV_BIN = Path(sys.executable).parent
PG_ADMIN_URL = os.environ.get("BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")

# Benchmarks import the app's packages from the checkout they live in.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# Other work on the same machine shows up in every figure; the load is recorded with them.
START_LOAD = os.getloadavg()

RESULTS_HEADER = """# Benchmark results

Written by the scripts in `bench/` (`make bench` runs them all with their default sizes;
each script's `--help` shows the flags for the full sizes). Each section is replaced
when its benchmark runs again and says which machine and which command produced it.
Benchmarks are measurements, not tests: they do not run in CI.
"""


def percentile(sorted_values: list[float], fraction: float) -> float:
    index = min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))
    return sorted_values[index]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram() -> str:
    try:
        meminfo = Path("/proc/meminfo").read_text()
        kib = int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1))
        return f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        return "unknown"


def postgres_version(url: str = PG_ADMIN_URL) -> str:
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=3) as conn:
            return conn.execute("SHOW server_version").fetchone()[0]
    except Exception as exc:  # noqa: BLE001 (a benchmark without PostgreSQL still runs)
        return f"not reachable ({type(exc).__name__})"


def _app_sqlite_version() -> str:
    """The SQLite the app opens its database with (app/sqlite_driver.py), and Python's
    own when that is another."""
    from app.sqlite_driver import sqlite_module

    version = sqlite_module().sqlite_version
    if version == sqlite3.sqlite_version:
        return version
    return f"{version} (sqlean-py; Python's own {sqlite3.sqlite_version})"


def machine() -> dict[str, str]:
    return {
        "CPU": _cpu_model(),
        "cores": str(os.cpu_count()),
        "RAM": _ram(),
        "OS": _os_name(),
        "Python": platform.python_version(),
        "SQLite": _app_sqlite_version(),
        "PostgreSQL": postgres_version(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load average (1 min) at start/end": f"{START_LOAD[0]:.1f} / {os.getloadavg()[0]:.1f}",
    }


def _os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return platform.platform()


def machine_line(info: dict[str, str] | None = None) -> str:
    info = info or machine()
    return "Machine: " + "; ".join(f"{key} {value}" for key, value in info.items())


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A Markdown table, which also reads well in a terminal."""
    cells = [[str(c) for c in row] for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def command_line() -> str:
    args = " ".join(sys.argv[1:])
    script = Path(sys.argv[0]).resolve()
    try:
        script = script.relative_to(REPO)
    except ValueError:
        pass
    return f".venv/bin/python {script} {args}".strip()


def write_section(name: str, title: str, body: str) -> None:
    """Replace (or append) the section ``name`` of RESULTS.md with ``body``."""
    begin, end = f"<!-- begin {name} -->", f"<!-- end {name} -->"
    section = f"{begin}\n## {title}\n\n{body.strip()}\n{end}"
    text = RESULTS.read_text() if RESULTS.exists() else RESULTS_HEADER
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _match: section, text)
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    RESULTS.write_text(text)
    print(f"\nwrote the '{title}' section of {RESULTS.relative_to(REPO)}")


def write_results(
    name: str,
    title: str,
    result_table: str,
    targets: list[str],
    notes: list[str],
    extra: tuple[str, ...] = (),
) -> None:
    """Write a benchmark's section of RESULTS.md in the common shape: how it was run, on
    what, the figures, the targets, the notes, then any ``extra`` parts."""
    body = "\n\n".join(
        [
            f"Command: `{command_line()}`",
            machine_line(),
            result_table,
            "Targets:\n" + "\n".join(targets),
            "\n".join(f"- {note}" for note in notes),
            *extra,
        ]
    )
    write_section(name, title, body)


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kwargs)


def recreate_postgres_database(name: str) -> str:
    """Drop and create a dedicated database; return its SQLAlchemy URL."""
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    return base.replace("postgresql://", "postgresql+psycopg://", 1) + "/" + name


def migrate(database_url: str, secret_key: str = "bench-secret-key") -> None:
    """Build the schema the way production does: the real migrations."""
    env = os.environ | {"DATABASE_URL": database_url, "SECRET_KEY": secret_key}
    run([str(VENV_BIN / "flask"), "--app", "wsgi", "db", "upgrade"], cwd=REPO, env=env)
