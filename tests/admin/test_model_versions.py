"""Activating a version switches screening in every app instance sharing the database;
rolling back switches it back; both ask for confirmation and are logged. A corrupted
artifact falls back to a good model and posts are still screened and kept."""

import hashlib
import logging
import time

import pytest

from app.admin.model_versions import activate
from app.admin.training_jobs import train_and_store
from app.live_screener import screener_state
from models import AdminEvent, ModelVersion, Post, PostStatus, db
from tests.conftest import SCAM, log_in, make_staff, submit

GENUINE = (
    "It has been three weeks since she left and I still set two cups out in the morning. "
    "I know I need to stop checking her profile. How did you all get through the evenings?"
)


@pytest.fixture
def inverted_version(admin_app, inverted_corpus):
    """A stored, inactive version trained with every label swapped: it holds genuine posts."""
    with admin_app.app_context():
        return train_and_store("test", corpus=inverted_corpus).version.id


def wait_until_broken(app, version_id: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with app.app_context():
            if db.session.get(ModelVersion, version_id).broken_at is not None:
                return
        time.sleep(0.1)
    raise AssertionError(f"version {version_id} was not marked broken")


def post(client, body: str) -> Post:
    response = submit(client, "/new", {"title": "A post", "body": body})
    assert response.status_code == 302
    post_id = int(response.headers["Location"].split("/")[2])
    app = client.application
    with app.app_context():
        row = db.session.get(Post, post_id)
        db.session.expunge(row)
        return row


def test_activation_reaches_a_second_app_instance_and_roll_back_returns(
    admin_app, admin, make_app, inverted_version
):
    other = make_app(SCREENER_CHECK_SECONDS=0)  # another worker on the same database
    reader = other.test_client()
    assert post(reader, GENUINE).status == PostStatus.PUBLISHED

    # Without the tick nothing changes.
    refused = submit(admin, f"/admin/model/{inverted_version}/activate", {})
    assert refused.status_code == 200 and "Tick the box" in refused.get_data(as_text=True)
    assert post(reader, GENUINE).status == PostStatus.PUBLISHED

    url = f"/admin/model/{inverted_version}/activate"
    assert submit(admin, url, {"confirm": "y"}).status_code == 302
    assert post(reader, GENUINE).status == PostStatus.HELD
    with other.app_context():
        assert screener_state().model_name == f"version {inverted_version}"
    assert "active" in admin.get("/admin/model").get_data(as_text=True)

    page = admin.get("/admin/model/rollback").get_data(as_text=True)
    assert "bundled default model" in page
    assert submit(admin, "/admin/model/rollback", {"confirm": "y"}).status_code == 302
    assert post(reader, GENUINE).status == PostStatus.PUBLISHED

    with admin_app.app_context():
        events = db.session.execute(db.select(AdminEvent).order_by(AdminEvent.id)).scalars()
        actions = [(e.action, e.staff_name) for e in events]
    assert actions == [(AdminEvent.ACTIVATE, "ada"), (AdminEvent.ROLL_BACK, "ada")]
    log = admin.get("/mod/log").get_data(as_text=True)
    assert "Admin changes" in log and f"Activated model version {inverted_version}" in log
    assert "Rolled back from version" in log


def test_the_cli_lists_and_activates_versions(admin_app, inverted_version):
    runner = admin_app.test_cli_runner()
    listed = runner.invoke(args=["spam", "versions"])
    assert listed.exit_code == 0 and "bundled default model is active" in listed.output
    assert runner.invoke(args=["spam", "activate", str(inverted_version)]).exit_code == 0
    listed = runner.invoke(args=["spam", "versions"])
    assert f"*    {inverted_version}" in listed.output
    again = runner.invoke(args=["spam", "activate", str(inverted_version)])
    assert again.exit_code != 0 and "already active" in again.output
    assert runner.invoke(args=["spam", "activate", "999"]).exit_code != 0
    measured = runner.invoke(args=["spam", "evaluate", "--version", str(inverted_version)])
    assert measured.exit_code == 0 and "all" in measured.output


@pytest.mark.parametrize("damage", ["flip_bytes", "garbage_with_matching_checksum"])
def test_a_corrupted_active_model_falls_back_and_posts_are_kept(
    admin_app, admin, make_app, inverted_version, caplog, damage
):
    with admin_app.app_context():
        activate(None, inverted_version)
        version = db.session.get(ModelVersion, inverted_version)
        if damage == "flip_bytes":
            data = bytearray(version.artifact)
            data[len(data) // 2] ^= 0xFF
            version.artifact = bytes(data)
        else:
            version.artifact = b"PK\x03\x04 not really a model"
            version.sha256 = hashlib.sha256(version.artifact).hexdigest()
        db.session.commit()

    worker = make_app(SCREENER_CHECK_SECONDS=0)  # a worker starting after the damage
    with caplog.at_level(logging.ERROR, logger="app.live_screener"):
        scam, genuine = post(worker.test_client(), SCAM), post(worker.test_client(), GENUINE)
    assert "SCREENING MODEL UNUSABLE" in caplog.text
    # The bundled default screens instead: the scam is held, the genuine post is not.
    assert (scam.status, genuine.status) == (PostStatus.HELD, PostStatus.PUBLISHED)
    with worker.app_context():
        assert screener_state().model_name == "bundled default"
    wait_until_broken(admin_app, inverted_version)
    page = admin.get("/admin/model").get_data(as_text=True)
    assert "Model problem" in page or "broken" in page
    again = submit(admin, f"/admin/model/{inverted_version}/activate", {"confirm": "y"})
    assert again.status_code == 302


def test_an_admin_sees_the_pages_and_a_moderator_does_not(admin_app, admin):
    make_staff(admin_app, "mo", "moderator")
    moderator = admin_app.test_client()
    log_in(moderator, "mo")
    for url in ("/admin/model", "/admin/rules", "/admin/thresholds", "/admin/rules/new"):
        assert admin.get(url).status_code == 200, url
        assert moderator.get(url).status_code == 403, url
    assert "Admin</a>" in admin.get("/mod/queue").get_data(as_text=True)
    assert "Admin</a>" not in moderator.get("/mod/queue").get_data(as_text=True)
