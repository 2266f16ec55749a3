"""With REDIS_URL set, "Train new model" queues the job on Redis and a separate
``flask jobs worker`` process trains it: the web process never trains. A worker killed
mid-training leaves its job failed, and the next click starts another that a new worker
finishes. Real Redis (db 2), real worker processes."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import redis
from rq import Queue

from app.admin.training_queue import QUEUE_NAME, queue_job_id
from app.live_screener import get_screener
from models import ModelVersion, TrainingJob, TrainingState, db
from tests.admin.conftest import wait_for_jobs
from tests.conftest import TEST_SECRET, staff_client, submit
from tests.redis_db import redis_url

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = redis_url(2)
HEARTBEAT_SECONDS = 0.5


def _redis_up() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        return False


pytestmark = pytest.mark.skipif(not _redis_up(), reason=f"no Redis at {REDIS_URL}")


@pytest.fixture
def queue_redis():
    """Redis db 2, empty before and after the test."""
    connection = redis.Redis.from_url(REDIS_URL)
    connection.flushdb()
    yield connection
    connection.flushdb()
    connection.close()


@pytest.fixture
def queue_app(make_app, small_corpus, queue_redis):
    app = make_app(
        REDIS_URL=REDIS_URL,
        TRAINING_CORPUS_PATH=small_corpus,
        SCREENER_CHECK_SECONDS=0,
        TRAINING_HEARTBEAT_SECONDS=HEARTBEAT_SECONDS,
    )
    with app.app_context():
        get_screener()  # the session's default model is cached before any worker starts
    return app


@pytest.fixture
def start_worker(queue_app, database_url, model_cache, tmp_path):
    """Start ``flask --app wsgi jobs worker`` on the test database; every worker started
    is stopped after the test (before its tables are emptied)."""
    workers = []

    def _start(corpus: Path | None) -> subprocess.Popen:
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "REDIS_URL": REDIS_URL,
            "SECRET_KEY": TEST_SECRET,
            "MODEL_CACHE_PATH": str(model_cache),
            "TRAINING_HEARTBEAT_SECONDS": str(HEARTBEAT_SECONDS),
        }
        env.pop("TRAINING_CORPUS_PATH", None)
        if corpus is not None:
            env["TRAINING_CORPUS_PATH"] = str(corpus)
        log = tmp_path / f"worker-{len(workers)}.log"
        with log.open("wb") as log_file:
            worker = subprocess.Popen(
                [sys.executable, "-m", "flask", "--app", "wsgi", "jobs", "worker"],
                cwd=ROOT,
                env=env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        workers.append(worker)
        return worker

    yield _start
    for worker in workers:
        if worker.poll() is None:
            worker.terminate()
            try:
                worker.wait(timeout=15)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()


def _job(app, job_id: int) -> TrainingJob:
    with app.app_context():
        job = db.session.get(TrainingJob, job_id)
        db.session.expunge(job)
        return job


def _wait_for(condition, timeout: float = 120.0, what: str = "the job") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"{what} did not happen in {timeout} s")


def test_the_train_button_queues_the_job_and_a_worker_process_trains_it(
    queue_app, queue_redis, start_worker, small_corpus
):
    admin = staff_client(queue_app, "ada", "admin")
    assert submit(admin, "/admin/model", {}, "/admin/model/train").status_code == 302
    # A second click while the job waits starts nothing.
    assert submit(admin, "/admin/model", {}, "/admin/model/train").status_code == 302
    page = admin.get("/admin/model").get_data(as_text=True)
    assert "Job #1" in page and "queued" in page and "Waiting for a training worker." in page
    assert "data-poll=" in page and "disabled" in page

    # Nothing trains here: the job waits in Redis until a worker takes it.
    time.sleep(1.0)
    assert not [t for t in threading.enumerate() if t.name.startswith("training-")]
    queue = Queue(QUEUE_NAME, connection=queue_redis)
    assert queue.job_ids == [queue_job_id(1)]
    with queue_app.app_context():
        assert db.session.execute(db.select(db.func.count(TrainingJob.id))).scalar() == 1
        assert db.session.get(TrainingJob, 1).state == TrainingState.QUEUED
        assert db.session.execute(db.select(ModelVersion)).first() is None

    start_worker(small_corpus)
    job = wait_for_jobs(queue_app)
    assert (job.id, job.state, job.progress, job.model_version_id) == (
        1,
        TrainingState.DONE,
        100,
        1,
    )
    with queue_app.app_context():
        version = db.session.get(ModelVersion, 1)
        assert version.trained_by == "ada" and version.activated_at is None
        assert version.training_counts["spam"] + version.training_counts["ham"] == 260
    page = admin.get("/admin/model").get_data(as_text=True)
    assert "Candidate version 1" in page and "Stored candidate version 1." in page
    assert "data-poll=" not in page


def test_a_worker_killed_mid_training_leaves_the_job_failed_and_a_new_click_retries(
    queue_app, start_worker, small_corpus
):
    admin = staff_client(queue_app, "ada", "admin")
    assert submit(admin, "/admin/model", {}, "/admin/model/train").status_code == 302
    # The bundled corpus, so training lasts long enough to be killed in the middle.
    worker = start_worker(None)
    _wait_for(lambda: _job(queue_app, 1).progress > 0, what="training to start")
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    assert _job(queue_app, 1).state == TrainingState.RUNNING  # nobody told the database

    # Three missed heartbeats later the page says the job failed, and offers the button.
    time.sleep(HEARTBEAT_SECONDS * 4)
    page = admin.get("/admin/model").get_data(as_text=True)
    assert "failed" in page and "Stopped: its worker went away." in page
    assert "data-poll=" not in page and "disabled" not in page
    assert _job(queue_app, 1).state == TrainingState.FAILED

    assert submit(admin, "/admin/model", {}, "/admin/model/train").status_code == 302
    assert _job(queue_app, 2).state == TrainingState.QUEUED
    start_worker(small_corpus)
    job = wait_for_jobs(queue_app)
    assert (job.id, job.state, job.model_version_id) == (2, TrainingState.DONE, 1)
    # The killed job is not run again by the new worker.
    assert _job(queue_app, 1).state == TrainingState.FAILED
    with queue_app.app_context():
        assert db.session.execute(db.select(db.func.count(ModelVersion.id))).scalar() == 1


def test_with_redis_unreachable_the_click_says_so_and_frees_the_slot(make_app, small_corpus):
    app = make_app(REDIS_URL="redis://127.0.0.1:9/0", TRAINING_CORPUS_PATH=small_corpus)
    admin = staff_client(app, "ada", "admin")
    response = submit(admin, "/admin/model", {}, "/admin/model/train", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Training job #1 could not start." in page and "job queue is unavailable" in page
    assert "disabled" not in page
    with app.app_context():
        job = db.session.get(TrainingJob, 1)
        assert job.state == TrainingState.FAILED and job.finished_at is not None
        assert db.session.execute(db.select(ModelVersion)).first() is None
    # The slot is free: the next click gets a job of its own.
    submit(admin, "/admin/model", {}, "/admin/model/train")
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(TrainingJob.id))).scalar() == 2


def test_the_worker_command_needs_redis(app):
    result = app.test_cli_runner().invoke(args=["jobs", "worker", "--burst"])
    assert result.exit_code != 0 and "REDIS_URL is not set" in result.output
