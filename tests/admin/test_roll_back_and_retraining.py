"""Issue 13, item 6: "Roll back" walks back through the activations (v3, v2, v1, then the
bundled default) and says where it goes; training on data that trains an identical model
stores nothing new and says so, on the page, in the CLI and on the queued path; while a
job runs the Train button is disabled and the job's progress is shown. Item 7: a new rule
has no kind until the admin chooses one."""

import hashlib

import pytest

from app.admin.training_jobs import claim_training, run_queued_training
from app.live_screener import default_classifier, screener_state
from models import AdminEvent, ModelVersion, ScreeningRule, TrainingState, db
from tests.admin.conftest import wait_for_jobs
from tests.promises.forms import rendered_form, rendered_forms, submit_as_rendered

MEASURED = {
    "candidate": {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "false_positive_rate": 0.0,
        "roc_auc": 1.0,
        "confusion": {"tp": 1, "fn": 0, "fp": 0, "tn": 1},
        "pr_curve": [],
    },
    "active": None,
    "active_name": "bundled default",
    "split": {"train": 2, "held_out": 2, "measured": 2, "fitted": 2},
    "hold_threshold": 0.5,
}


@pytest.fixture
def three_versions(admin_app):
    """Three stored versions, all holding the session's default model (no training)."""
    with admin_app.app_context():
        artifact = default_classifier().to_bytes()
        ids = []
        for n in range(3):
            version = ModelVersion(
                trained_by=f"test{n}",
                artifact=artifact,
                sha256=hashlib.sha256(artifact).hexdigest(),
                sklearn_version="test",
                training_counts={"spam": 1, "ham": 1, "moderator_labels": 0},
                params={},
                metrics=MEASURED,
            )
            db.session.add(version)
            db.session.commit()
            ids.append(version.id)
        return ids


def activate(admin, version_id: int):
    page = f"/admin/model/{version_id}/activate"
    response = submit_as_rendered(admin, page, "/activate", {"confirm": "y"})
    assert response.status_code == 302
    return response


def roll_back_button(admin) -> str | None:
    """The words on the page's roll-back button, None if there is none."""
    html = admin.get("/admin/model").get_data(as_text=True)
    start = html.find('href="/admin/model/rollback">')
    if start == -1:
        return None
    return html[start:].split(">", 1)[1].split("</a>", 1)[0]


def roll_back(admin) -> str:
    confirm = admin.get("/admin/model/rollback").get_data(as_text=True)
    response = submit_as_rendered(admin, "/admin/model/rollback", "rollback", {"confirm": "y"})
    assert response.status_code == 302
    return confirm


def active_name(app) -> str:
    with app.app_context():
        return screener_state().model_name


def test_roll_back_walks_back_through_every_activation(admin_app, admin, three_versions):
    v1, v2, v3 = three_versions
    assert roll_back_button(admin) is None  # the bundled default: nowhere to go back to
    for version in (v1, v2, v3):
        activate(admin, version)
    assert active_name(admin_app) == f"version {v3}"

    # Each roll back goes one step further back, and the button says where.
    for current, target, words in (
        (v3, v2, f"Roll back to version {v2}"),
        (v2, v1, f"Roll back to version {v1}"),
        (v1, None, "Roll back to the bundled default model"),
    ):
        assert active_name(admin_app) == f"version {current}"
        assert roll_back_button(admin) == words
        assert words in roll_back(admin)  # the confirmation names the same target
        expected = "bundled default" if target is None else f"version {target}"
        assert active_name(admin_app) == expected

    assert roll_back_button(admin) is None
    again = admin.get("/admin/model/rollback", follow_redirects=True).get_data(as_text=True)
    assert "Nothing to roll back" in again
    with admin_app.app_context():
        summaries = db.session.execute(
            db.select(AdminEvent.summary)
            .where(AdminEvent.action == AdminEvent.ROLL_BACK)
            .order_by(AdminEvent.id)
        ).scalars()
        assert list(summaries) == [
            f"Rolled back from version {v3} to version {v2}.",
            f"Rolled back from version {v2} to version {v1}.",
            f"Rolled back from version {v1} to the bundled default model.",
        ]


def test_activating_after_a_roll_back_starts_from_where_it_stands(admin_app, admin, three_versions):
    v1, v2, v3 = three_versions
    activate(admin, v1)
    activate(admin, v2)
    roll_back(admin)  # v2 -> v1
    activate(admin, v3)
    # v2 was rolled back: it is not in the way back any more.
    assert roll_back_button(admin) == f"Roll back to version {v1}"
    roll_back(admin)
    assert active_name(admin_app) == f"version {v1}"


def test_roll_back_steps_over_a_broken_version(admin_app, admin, three_versions):
    v1, v2, v3 = three_versions
    for version in (v1, v2, v3):
        activate(admin, version)
    with admin_app.app_context():
        db.session.get(ModelVersion, v2).broken_at = db.func.now()
        db.session.commit()
    assert roll_back_button(admin) == f"Roll back to version {v1}"
    roll_back(admin)
    assert active_name(admin_app) == f"version {v1}"


def test_the_same_data_trains_no_second_version_on_the_page_the_cli_and_the_queue(admin_app, admin):
    train = rendered_form(admin.get("/admin/model").get_data(as_text=True), "/train")
    assert admin.post(train.action, data=train.data()).status_code == 302
    first = wait_for_jobs(admin_app)
    assert (first.state, first.model_version_id) == (TrainingState.DONE, 1)

    # Nothing changed in the corpus or the labels: the same model comes out.
    cli = admin_app.test_cli_runner().invoke(args=["spam", "train"])
    assert cli.exit_code == 0, cli.output
    assert "No change: the trained model is identical to version 1" in cli.output
    assert "Stored version" not in cli.output

    # What a `flask jobs worker` runs for a job queued on Redis.
    with admin_app.app_context():
        queued = claim_training(None, TrainingState.QUEUED, "Waiting for a training worker.").id
        run_queued_training(queued)
    job = wait_for_jobs(admin_app)
    assert (job.id, job.state, job.model_version_id) == (queued, TrainingState.DONE, 1)
    assert job.message.startswith("No change")
    with admin_app.app_context():
        assert db.session.execute(db.select(db.func.count(ModelVersion.id))).scalar() == 1
    page = admin.get("/admin/model").get_data(as_text=True)
    assert "No change: the trained model is identical to version 1" in page


def test_while_a_job_runs_the_train_button_is_disabled_and_says_why(admin_app, admin):
    with admin_app.app_context():
        job = claim_training(None)
        job.progress, job.message = 40, "Fitting the classifier."
        db.session.commit()
    html = admin.get("/admin/model").get_data(as_text=True)
    assert 'disabled aria-disabled="true"' in html
    assert "Job #1 is running (40%)" in html and 'value="40"' in html
    # The page follows the job by asking for its state, not by a timed refresh (which
    # axe-core refuses: it reloads under a screen reader's user every few seconds).
    assert 'http-equiv="refresh"' not in html and 'data-poll="/admin/model/job"' in html
    assert admin.get("/admin/model/job").get_json() == {
        "running": True,
        "id": 1,
        "state": "running",
        "progress": 40,
        "message": "Fitting the classifier.",
    }
    # A browser sends nothing from a disabled button: the form offers no way to train.
    (train,) = [f for f in rendered_forms(html) if f.action.endswith("/train")]
    assert train.buttons == []


def rule(**changes) -> dict:
    return {"name": "spell_words", "pattern": r"\bspell caster\b", "weight": "2", **changes}


def test_a_new_rule_has_no_kind_until_the_admin_chooses_one(admin_app, admin):
    form = rendered_form(admin.get("/admin/rules/new").get_data(as_text=True), "/rules/new")
    assert dict(form.fields)["kind"] == ""
    assert form.choices["kind"] == ["", "contact", "scam", "offer", "warning", "care"]

    untouched = submit_as_rendered(admin, "/admin/rules/new", "/rules/new", rule(), "Save")
    assert untouched.status_code == 422
    assert "Choose what kind of rule this is." in untouched.get_data(as_text=True)
    with admin_app.app_context():
        assert db.session.execute(db.select(ScreeningRule)).first() is None

    chosen = submit_as_rendered(admin, "/admin/rules/new", "/rules/new", rule(kind="scam"), "Save")
    assert chosen.status_code == 302
    with admin_app.app_context():
        saved = db.session.execute(db.select(ScreeningRule)).scalar_one()
        assert (saved.name, saved.kind) == ("spell_words", "scam")
    # Editing keeps the kind the rule has.
    edit = rendered_form(admin.get("/admin/rules/spell_words/edit").get_data(as_text=True), "edit")
    assert dict(edit.fields)["kind"] == "scam"
