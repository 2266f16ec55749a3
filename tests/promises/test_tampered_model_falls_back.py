"""Promise: a stored model that cannot be trusted never stops posting. Whatever an
artifact holds (its checksum matching, as it would when the attacker can write the
database row), loading or using it either works or marks the version broken, logs it,
and screens with the previous good version, the bundled default or the rules alone.

Each artifact here is a real stored model taken apart and rebuilt with one thing wrong,
stored with the sha256 of the crafted bytes and made active in the database (as an
attacker who can write the row would, after an admin activated it), then posted against
through the forum's own form. Activating one through the admin page is refused."""

import hashlib
import io
import json
import logging
import time
import zipfile

import numpy as np
import pytest
from sqlalchemy import update

from app.admin.model_versions import activate
from app.admin.settings import ensure_settings
from app.live_screener import screener_state
from models import SETTINGS_ID, ModelVersion, Post, PostStatus, ScreeningSettings, db
from moderation.classifier import load_or_train_default
from tests.conftest import SCAM, staff_client
from tests.promises.forms import submit_as_rendered

GENUINE = (
    "It has been three weeks since she left and I still set two cups out in the morning. "
    "I know I need to stop checking her profile. How did you all get through the evenings?"
)


# --- crafting artifacts ------------------------------------------------------------


@pytest.fixture(scope="session")
def good_artifact(model_cache) -> bytes:
    return load_or_train_default(model_cache).to_bytes()


def members(artifact: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(artifact)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pack(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def npy(array: np.ndarray, allow_pickle: bool = False) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=allow_pickle)
    return buffer.getvalue()


def array_of(parts: dict[str, bytes], name: str) -> np.ndarray:
    return np.load(io.BytesIO(parts[f"{name}.npy"]), allow_pickle=False)


def with_array(artifact: bytes, name: str, change) -> bytes:
    parts = members(artifact)
    parts[f"{name}.npy"] = npy(change(array_of(parts, name)))
    return pack(parts)


def with_header(artifact: bytes, change) -> bytes:
    def edit(array: np.ndarray) -> np.ndarray:
        header = json.loads(array.tobytes().decode())
        change(header)
        return np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)

    return with_array(artifact, "header", edit)


def without(artifact: bytes, name: str) -> bytes:
    parts = members(artifact)
    del parts[f"{name}.npy"]
    return pack(parts)


def renamed(artifact: bytes, name: str, new_name: str) -> bytes:
    parts = members(artifact)
    parts[new_name] = parts.pop(f"{name}.npy")
    return pack(parts)


def nan_at(array: np.ndarray) -> np.ndarray:
    array = array.copy()
    array[0, 3] = np.nan
    return array


def huge_declared_shape(artifact: bytes) -> bytes:
    # A tiny member whose .npy header claims a trillion float64s.
    parts = members(artifact)
    header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,), }"
    header = header.ljust(117) + "\n"
    parts["word_idf.npy"] = (
        b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + (header.encode())
    )
    return pack(parts)


def huge_member(artifact: bytes) -> bytes:
    # 80 MB of zeros compress to under a hundred kilobytes.
    parts = members(artifact)
    parts["word_idf.npy"] = npy(np.zeros(10_000_000))
    return pack(parts)


def object_array(artifact: bytes) -> bytes:
    parts = members(artifact)
    parts["coef.npy"] = npy(np.array([[{"run": "code"}]], dtype=object), allow_pickle=True)
    return pack(parts)


def setting(key: str, field: str, value):
    return lambda header: header[key].__setitem__(field, value)


TAMPERED = {
    "member without .npy": lambda a: renamed(a, "coef", "coef"),
    "missing member": lambda a: without(a, "intercept"),
    "extra member": lambda a: pack({**members(a), "extra.npy": npy(np.zeros(1))}),
    "coef as float32": lambda a: with_array(a, "coef", lambda x: x.astype(np.float32)),
    "coef big-endian": lambda a: with_array(a, "coef", lambda x: x.astype(">f8")),
    "coef one short": lambda a: with_array(a, "coef", lambda x: x[:, :-1]),
    "coef flat": lambda a: with_array(a, "coef", lambda x: x.ravel()),
    "NaN coefficient": lambda a: with_array(a, "coef", nan_at),
    "huge coefficient": lambda a: with_array(a, "coef", lambda x: x * 1e300),
    "infinite intercept": lambda a: with_array(a, "intercept", lambda x: x + np.inf),
    "zero idf": lambda a: with_array(a, "char_idf", lambda x: x * 0),
    "idf one short": lambda a: with_array(a, "word_idf", lambda x: x[:-1]),
    "vocabulary as floats": lambda a: with_array(a, "word_terms", lambda x: x.astype(float)),
    "vocabulary not UTF-8": lambda a: with_array(
        a, "char_terms", lambda x: np.concatenate([x, np.array([0xFF], dtype=np.uint8)])
    ),
    "hostile token pattern": lambda a: with_header(
        a, setting("word_settings", "token_pattern", r"(?:\w+\w+)+!")
    ),
    "other analyzer": lambda a: with_header(a, setting("word_settings", "analyzer", "char")),
    "wide n-grams": lambda a: with_header(a, setting("char_settings", "ngram_range", [1, 10])),
    "string calibration": lambda a: with_header(a, lambda h: h.__setitem__("calibration", "x")),
    "huge calibration": lambda a: with_header(
        a, lambda h: h.__setitem__("calibration", [1e308, 0])
    ),
    "deeply nested header": lambda a: with_array(
        a, "header", lambda x: np.frombuffer(b"[" * 100_000 + b"]" * 100_000, dtype=np.uint8)
    ),
    "huge declared shape": huge_declared_shape,
    "huge member": huge_member,
    "pickled object array": object_array,
}


# --- storing and activating ----------------------------------------------------------


def store(app, artifact: bytes) -> int:
    with app.app_context():
        version = ModelVersion(
            trained_by="attacker",
            artifact=artifact,
            sha256=hashlib.sha256(artifact).hexdigest(),
            sklearn_version="1",
            training_counts={"spam": 1, "ham": 1},
            params={},
            metrics={"candidate": {"precision": 1.0, "recall": 1.0, "false_positive_rate": 0.0}},
        )
        db.session.add(version)
        db.session.commit()
        return version.id


def activate_in_database(app, version_id: int, previous: int | None = None) -> None:
    with app.app_context():
        ensure_settings()
        db.session.execute(
            update(ScreeningSettings)
            .where(ScreeningSettings.id == SETTINGS_ID)
            .values(
                active_version_id=version_id,
                previous_version_id=previous,
                revision=ScreeningSettings.revision + 1,
            )
        )
        db.session.commit()


def is_broken(app, version_id: int, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        with app.app_context():
            if db.session.get(ModelVersion, version_id).broken_at is not None:
                return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)


def post(client, body: str) -> Post:
    response = submit_as_rendered(
        client, "/new", "/new", {"title": "A post for the screener", "body": body}
    )
    assert response.status_code == 302, response.status_code
    post_id = int(response.headers["Location"].split("/")[2])
    with client.application.app_context():
        row = db.session.get(Post, post_id)
        db.session.expunge(row)
        return row


@pytest.fixture
def worker(make_app):
    """A worker that looks at the screening settings before every post."""
    return make_app(SCREENER_CHECK_SECONDS=0)


@pytest.mark.parametrize("damage", sorted(TAMPERED))
def test_a_tampered_artifact_is_marked_broken_and_posts_are_screened(
    worker, good_artifact, damage, caplog
):
    version_id = store(worker, TAMPERED[damage](good_artifact))
    activate_in_database(worker, version_id)

    client = worker.test_client()
    with caplog.at_level(logging.ERROR, logger="app.live_screener"):
        started = time.monotonic()
        scam, genuine = post(client, SCAM), post(client, GENUINE)
        assert time.monotonic() - started < 20
    assert "UNUSABLE" in caplog.text
    # The bundled default screened them: the scam is held, the genuine post is not.
    assert (scam.status, genuine.status) == (PostStatus.HELD, PostStatus.PUBLISHED)
    with worker.app_context():
        assert screener_state().model_name == "bundled default"
    assert is_broken(worker, version_id)
    listed = worker.test_cli_runner().invoke(args=["spam", "versions"])
    assert listed.exit_code == 0
    assert f"! {version_id:>4}" in listed.output


def test_the_previous_good_version_screens_when_the_active_one_is_tampered(worker, good_artifact):
    good = store(worker, good_artifact)
    bad = store(worker, TAMPERED["member without .npy"](good_artifact))
    activate_in_database(worker, bad, previous=good)
    assert post(worker.test_client(), SCAM).status == PostStatus.HELD
    with worker.app_context():
        assert screener_state().model_name == f"version {good}"
    assert is_broken(worker, bad)


def test_an_admin_activating_a_tampered_artifact_is_refused_and_told_why(worker, good_artifact):
    admin = staff_client(worker, "ada", "admin")
    version_id = store(worker, TAMPERED["hostile token pattern"](good_artifact))
    url = f"/admin/model/{version_id}/activate"
    response = submit_as_rendered(admin, url, url, {"confirm": "y"}, follow_redirects=True)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f"Version {version_id} cannot be used and is now marked broken" in page
    assert "token_pattern" in page
    assert is_broken(worker, version_id, timeout=0)
    with worker.app_context():
        settings = db.session.get(ScreeningSettings, SETTINGS_ID)
        assert settings is None or settings.active_version_id is None
    assert post(worker.test_client(), GENUINE).status == PostStatus.PUBLISHED
    # Once marked broken it cannot be activated either.
    again = submit_as_rendered(admin, url, url, {"confirm": "y"}, follow_redirects=True)
    assert f"Version {version_id} is marked broken" in again.get_data(as_text=True)


def test_a_model_that_fails_while_scoring_is_dropped_for_the_fallback(worker, good_artifact):
    version_id = store(worker, good_artifact)
    with worker.app_context():
        activate(None, version_id)
    client = worker.test_client()
    assert post(client, GENUINE).status == PostStatus.PUBLISHED
    with worker.app_context():
        state = screener_state()
        assert state.model_name == f"version {version_id}"
        # The loaded model goes wrong in memory (as a bug or a bad library upgrade
        # would make it): every use of it now raises.
        state.screener.classifier.pipeline = None
        state.screener.classifier._scorer = None
    scam, genuine = post(client, SCAM), post(client, GENUINE)
    assert (scam.status, genuine.status) == (PostStatus.HELD, PostStatus.PUBLISHED)
    assert is_broken(worker, version_id)
    with worker.app_context():
        assert screener_state().model_name == "bundled default"
        settings = db.session.get(ScreeningSettings, SETTINGS_ID)
        assert settings.active_version_id == version_id  # an admin's choice stays visible


def test_when_the_bundled_default_fails_while_scoring_the_rules_screen_alone(worker):
    client = worker.test_client()
    assert post(client, GENUINE).status == PostStatus.PUBLISHED
    with worker.app_context():
        state = screener_state()
        assert state.model_name == "bundled default"
        state.screener.classifier.pipeline = None
        state.screener.classifier._scorer = None
    scam, genuine = post(client, SCAM), post(client, GENUINE)
    assert (scam.status, genuine.status) == (PostStatus.HELD, PostStatus.PUBLISHED)
    with worker.app_context():
        assert screener_state().model_name == "rules only"


def test_when_nothing_can_screen_a_post_it_is_held_for_a_moderator(worker, good_artifact):
    version_id = store(worker, good_artifact)
    with worker.app_context():
        activate(None, version_id)
    client = worker.test_client()
    assert post(client, GENUINE).status == PostStatus.PUBLISHED
    with worker.app_context():
        screener_state().screener.engine = None  # the rules themselves go wrong
    assert post(client, GENUINE).status == PostStatus.HELD
    # Not the model's fault: it stays in use.
    assert not is_broken(worker, version_id, timeout=1)
