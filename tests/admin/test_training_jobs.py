"""An admin trains a new model from the admin page: it runs in the background, its
job row shows progress, a second click does nothing, and the stored version carries its
metrics. Moderators' rejections teach the next model a scam the corpus never saw."""

from app.admin.training_data import moderator_examples
from app.admin.training_jobs import STALE_JOB, claim_training
from models import ModelVersion, Post, TrainingJob, TrainingState, db
from moderation.classifier import SpamClassifier, classifier_text
from tests.admin.conftest import SMALL_HAM, SMALL_SPAM, wait_for_jobs
from tests.conftest import log_in, make_staff, submit


def test_train_button_runs_in_background_and_stores_an_inactive_measured_version(admin_app, admin):
    first = submit(admin, "/admin/model", {}, "/admin/model/train")
    assert first.status_code == 302
    # Clicked again while the first job runs: nothing new starts.
    second = submit(admin, "/admin/model", {}, "/admin/model/train")
    assert second.status_code == 302
    page = admin.get("/admin/model").get_data(as_text=True)
    assert "Job #1" in page
    job = wait_for_jobs(admin_app)
    assert (job.state, job.progress, job.model_version_id) == (TrainingState.DONE, 100, 1)

    with admin_app.app_context():
        assert db.session.execute(db.select(db.func.count(TrainingJob.id))).scalar() == 1
        version = db.session.get(ModelVersion, 1)
        counts, metrics = version.training_counts, version.metrics
        assert (counts["spam"], counts["ham"]) == (SMALL_SPAM, SMALL_HAM)
        assert version.trained_by == "ada" and len(version.sha256) == 64
        assert version.activated_at is None and version.sklearn_version
        # The candidate learned from 80 spam posts spread over some twenty families, a
        # handful each, so it holds fewer of the held-out ones than the bundled model.
        for model, least_recall in (("candidate", 0.7), ("active", 0.9)):
            m = metrics[model]
            assert m["spam"] + m["ham"] == metrics["split"]["measured"] == 52
            assert least_recall <= m["recall"] <= 1.0 and m["false_positive_rate"] <= 0.05
            assert m["roc_auc"] > 0.95 and len(m["pr_curve"]) > 2
        assert metrics["active_name"] == "bundled default"
        # The stored artifact is the safe format and loads back.
        assert SpamClassifier.from_bytes(version.artifact).predict_proba(["hello"]).shape == (1,)

    page = admin.get("/admin/model").get_data(as_text=True)
    assert "Candidate version 1" in page and "<svg" in page and "Confusion" in page
    assert "Activate version 1" in page and "False-positive rate" in page
    assert "done" in page and "data-poll=" not in page


def test_a_second_claim_while_a_job_runs_gets_nothing(admin_app):
    make_staff(admin_app, "ada", "admin")
    with admin_app.app_context():
        first = claim_training(None)
        assert first is not None
        assert claim_training(None) is None
        # A job that stopped beating for long is taken over.
        db.session.get(TrainingJob, first.id).heartbeat_at -= STALE_JOB * 2
        db.session.commit()
        again = claim_training(None)
        assert again is not None and again.id != first.id
        assert db.session.get(TrainingJob, first.id).state == TrainingState.FAILED


# A scam family the corpus never saw, worded like an ordinary friendly tip.
LAVENDER = [
    "Lorna at Harborview sells lavender journaling kits, order {n} and feel calm again",
    "The Harborview lavender journaling kit from Lorna is on offer, {n} left this week",
    "Ask Lorna about Harborview lavender journaling sets, shipping in {n} days",
    "Harborview journaling kits with lavender candles, Lorna has {n} in stock",
    "Lorna's lavender journaling bundle at Harborview is half price for {n} buyers",
    "Get a Harborview lavender journaling kit from Lorna, only {n} dollars",
    "Lorna ships the Harborview lavender journaling box worldwide within {n} days",
    "Harborview lavender journals by Lorna, buy {n} and the second is free",
    "Message Lorna for the Harborview lavender journaling starter kit, {n} colours",
    "Lorna from Harborview restocked {n} lavender journaling kits today",
    "Harborview lavender journaling pens and kits, Lorna takes {n} orders a day",
    "Treat yourself to Lorna's Harborview lavender journaling set, code {n}",
]
UNSEEN = "Lorna at Harborview has a new lavender journaling kit for anyone who wants one"


def test_moderators_rejections_change_the_next_models_predictions(
    admin_app, admin, client, small_corpus
):
    make_staff(admin_app, "mo", "moderator")
    moderator = admin_app.test_client()
    log_in(moderator, "mo")
    # Hold everything, so the moderator sees these posts whatever the model thinks.
    submit(admin, "/admin/thresholds", {"hold": "0.01", "reject": ""})
    before = admin_app.test_cli_runner().invoke(args=["spam", "train"])
    assert before.exit_code == 0, before.output
    assert "Stored version 1" in before.output and "ROC-AUC" in before.output

    for n, template in enumerate(LAVENDER, start=2):
        body = template.format(n=n) + " WhatsApp +1 555 0100 77" + str(n)
        assert submit(client, "/new", {"title": f"It works {n}", "body": body}).status_code == 302
    genuine = submit(client, "/new", {"title": "Still sad", "body": "I miss her every day."})
    assert genuine.status_code == 302
    with admin_app.app_context():
        posts = db.session.execute(db.select(Post.id, Post.body)).all()
    scams = [pid for pid, body in posts if "Lorna" in body]
    others = [pid for pid, body in posts if "Lorna" not in body]
    decide = {"action": "reject", "post_id": [str(i) for i in scams]}
    assert submit(moderator, "/mod/queue", decide, "/mod/decide").status_code == 302
    decide = {"action": "remove", "post_id": [str(i) for i in others], "reason": "other"}
    assert submit(moderator, "/mod/queue", decide, "/mod/decide").status_code == 302

    with admin_app.app_context():
        examples = moderator_examples()
        # Rejections are spam labels; the removal is no label at all.
        assert len(examples) == len(LAVENDER) and {e.label for e in examples} == {"spam"}
    after = admin_app.test_cli_runner().invoke(args=["spam", "train"])
    assert after.exit_code == 0, after.output
    assert f"{len(LAVENDER)} from moderators" in after.output
    with admin_app.app_context():
        old = SpamClassifier.from_bytes(db.session.get(ModelVersion, 1).artifact)
        new = SpamClassifier.from_bytes(db.session.get(ModelVersion, 2).artifact)
    unseen = classifier_text(UNSEEN)
    p_old, p_new = old.predict_proba([unseen])[0], new.predict_proba([unseen])[0]
    assert p_old < 0.5 < p_new, (p_old, p_new)
