"""A real server for load tests: gunicorn in a subprocess, several workers, on a fresh
database of the kind this run uses (SQLite file, or a new PostgreSQL database)."""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import create_engine, make_url, text

from app import create_app
from app.live_screener import screen_post
from models import db
from tests.conftest import TEST_SECRET

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 4
READY = "mend load worker ready"  # what serve.py prints once a worker has its model


@pytest.fixture
def fresh_database_url(tmp_path):
    """An empty database of this run's kind, made for one test and dropped after it."""
    shared = os.environ.get("TEST_DATABASE_URL")
    if not shared:
        yield f"sqlite:///{tmp_path / 'load.sqlite3'}"
        return
    url = make_url(shared)
    name = f"mend_load_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _migrate_and_warm_up(database_url: str, model_cache: Path) -> None:
    """Schema by the real migrations; the model trained once so workers only load it."""
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SECRET_KEY": TEST_SECRET,
            "MODEL_CACHE_PATH": model_cache,
        }
    )
    with app.app_context():
        upgrade()
        screen_post("warming up the model cache")
        db.engine.dispose()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_ready(process, log: Path, workers: int, timeout: float = 90.0) -> None:
    """Every worker has loaded the model (see ``serve.py``)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text()}")
        if log.read_text(errors="replace").count(READY) >= workers:
            return
        time.sleep(0.2)
    raise RuntimeError(f"server did not start in {timeout} s:\n{log.read_text()}")


@pytest.fixture
def start_server(tmp_path, fresh_database_url, model_cache):
    """Start gunicorn on a free loopback port with extra environment; returns its
    address ("127.0.0.1:port"). Every server started is stopped after the test."""
    _migrate_and_warm_up(fresh_database_url, model_cache)
    processes = []

    def _start(workers: int = WORKERS, **environment: str) -> str:
        port = _free_port()
        log = tmp_path / f"server-{port}.log"
        env = {
            **os.environ,
            "DATABASE_URL": fresh_database_url,
            "SECRET_KEY": TEST_SECRET,
            "MEND_TEST_MODEL_CACHE": str(model_cache),
            # Fifty posters share one address here; the limit is not what is under test.
            "POST_RATE_LIMIT": "100000 per minute",
        }
        env.pop("REDIS_URL", None)
        env.update(environment)
        command = [
            sys.executable, "-m", "gunicorn",
            "--workers", str(workers), "--threads", "4", "--worker-class", "gthread",
            "--bind", f"127.0.0.1:{port}", "--timeout", "60", "--graceful-timeout", "2",
            "tests.load.serve:app",
        ]  # fmt: skip
        with log.open("wb") as log_file:
            process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT
            )
        processes.append(process)
        _wait_until_ready(process, log, workers)
        return f"127.0.0.1:{port}"

    yield _start
    for process in processes:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def gunicorn_server(start_server, fresh_database_url, tmp_path):
    """The default server; yields (address, database URL, log path)."""
    address = start_server()
    yield address, fresh_database_url, tmp_path / f"server-{address.rsplit(':', 1)[1]}.log"
