"""Fixtures for the admins' pages: a small training corpus (training on it takes
seconds), an app that trains on it and checks for changed settings on every request,
and a logged-in admin."""

import csv
import random
import time

import pytest

from app.admin.training_jobs import UNFINISHED
from models import TrainingJob, db
from moderation.classifier import bundled_corpus_path
from tests.conftest import staff_client

SMALL_SPAM, SMALL_HAM = 100, 160


def _write(path, rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["text", "label"])
        writer.writerows(rows)


@pytest.fixture(scope="session")
def bundled_rows():
    with bundled_corpus_path().open(newline="", encoding="utf-8") as file:
        return [(row["text"], row["label"]) for row in csv.DictReader(file)]


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory, bundled_rows):
    """A few hundred posts of the bundled corpus, both classes."""
    rng = random.Random(5)
    spam = rng.sample([r for r in bundled_rows if r[1] == "spam"], SMALL_SPAM)
    ham = rng.sample([r for r in bundled_rows if r[1] == "ham"], SMALL_HAM)
    path = tmp_path_factory.mktemp("corpus") / "small.csv"
    _write(path, spam + ham)
    return path


@pytest.fixture(scope="session")
def inverted_corpus(tmp_path_factory, small_corpus):
    """The small corpus with every label swapped: a model that holds genuine posts."""
    with small_corpus.open(newline="", encoding="utf-8") as file:
        rows = [
            (r["text"], "ham" if r["label"] == "spam" else "spam") for r in csv.DictReader(file)
        ]
    path = tmp_path_factory.mktemp("corpus") / "inverted.csv"
    _write(path, rows)
    return path


@pytest.fixture
def admin_app(make_app, small_corpus):
    return make_app(TRAINING_CORPUS_PATH=small_corpus, SCREENER_CHECK_SECONDS=0)


@pytest.fixture
def admin(admin_app):
    """A client logged in as an admin."""
    return staff_client(admin_app, "ada", "admin")


def wait_for_jobs(app, timeout: float = 360.0) -> TrainingJob:
    """The latest training job, once no job is running any more."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with app.app_context():
            job = db.session.execute(
                db.select(TrainingJob).order_by(TrainingJob.id.desc()).limit(1)
            ).scalar()
            running = db.session.execute(
                db.select(TrainingJob).where(TrainingJob.state.in_(UNFINISHED))
            ).first()
            if job is not None and running is None:
                db.session.expunge(job)
                return job
        time.sleep(0.2)
    raise AssertionError("training did not finish in time")
