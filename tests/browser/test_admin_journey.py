"""An admin's journey in a real browser (headless Chromium): see a running job disable
the Train button, train a model, compare it
with the active one, activate it, train and activate a second, roll back twice (to
version 1, then to the bundled default), add and test a rule, preview thresholds. Every
page visited passes axe-core and fits a 390 px phone screen (``check_page``)."""

import pytest

from app.admin.training_jobs import claim_training
from app.forum.writing import create_thread
from app.mod.decisions import decide
from app.poster_identity import Poster
from models import StaffUser, TrainingJob, TrainingState, db
from tests.admin.conftest import admin_app, bundled_rows, small_corpus  # noqa: F401
from tests.browser.checks import check_page
from tests.conftest import SCAM, STAFF_PASSWORD, make_staff

TRAINING = 240_000  # ms: a training on the small corpus, on a busy machine


@pytest.fixture
def app(admin_app):  # noqa: F811 - the live server serves the admins' app
    return admin_app


def log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/admin/model")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Spam model").wait_for()


def train(page, version: int) -> None:
    page.get_by_role("button", name="Train new model").click()
    page.get_by_role("heading", name=f"Candidate version {version}").wait_for(timeout=TRAINING)


def see_a_running_job_disable_the_button(app, page) -> None:
    """While a job runs the Train button is disabled, looks it, and the page shows the
    job's progress as it goes, without a timed refresh."""
    enabled = page.get_by_role("button", name="Train new model")
    accent = enabled.evaluate("b => getComputedStyle(b).backgroundColor")
    with app.app_context():
        job_id = claim_training(None).id  # another admin's job, just started
    page.reload()
    button = page.get_by_role("button", name="Train new model")
    assert button.is_disabled() and button.get_attribute("aria-disabled") == "true"
    greyed = button.evaluate("b => getComputedStyle(b).backgroundColor")
    assert greyed != accent and button.evaluate("b => getComputedStyle(b).cursor") == (
        "not-allowed"
    )
    assert "Job #1 is running (0%)" in page.locator("#train-busy").inner_text()
    check_page(page)
    with app.app_context():
        job = db.session.get(TrainingJob, job_id)
        job.progress, job.message = 60, "Measuring on the held-out split."
        db.session.commit()
    page.locator("#training-job .job-progress", has_text="60%").wait_for()
    with app.app_context():  # it ends: the page reloads itself and offers the button
        db.session.get(TrainingJob, job_id).state = TrainingState.FAILED
        db.session.commit()
    page.locator("#training-job", has_text="failed").wait_for()
    assert page.get_by_role("button", name="Train new model").is_enabled()


def confirm(page, button: str) -> None:
    check_page(page)
    page.get_by_label("Yes, switch every worker to this model").check()
    page.get_by_role("button", name=button).click()


def label_a_scam(app) -> None:
    """A moderator's rejection: the next training has one more label, so a new model."""
    make_staff(app, "mo")
    with app.app_context():
        post, _ = create_thread(
            "He came back!", SCAM, Poster(key="journey-scammer-key-01", address_hash="j")
        )
        moderator = db.session.execute(
            db.select(StaffUser).where(StaffUser.username == "mo")
        ).scalar_one()
        decide(moderator, [post.id], "reject")


def test_an_admin_trains_compares_activates_rolls_back_and_edits_rules(app, live_server, browser):
    make_staff(app, "ada", "admin")
    page = browser.new_page()
    page.set_default_timeout(90_000)  # two cores shared by many: pages can be slow
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    log_in(page, live_server, "ada")
    check_page(page)
    assert page.get_by_role("link", name="Roll back").count() == 0
    see_a_running_job_disable_the_button(app, page)

    train(page, 1)
    check_page(page)  # the candidate beside the bundled model: metrics and chart
    compare = page.locator("section[aria-labelledby=compare-heading]")
    assert "False-positive rate" in compare.inner_text()
    assert compare.locator("svg.chart").count() == 1
    page.get_by_role("link", name="Activate version 1").click()
    confirm(page, "Activate")
    page.get_by_text("Version 1 is active.").wait_for()

    label_a_scam(app)
    train(page, 2)
    page.get_by_role("link", name="Activate version 2").click()
    confirm(page, "Activate")
    page.get_by_text("Version 2 is active.").wait_for()
    check_page(page)

    page.get_by_role("link", name="Roll back to version 1").click()
    confirm(page, "Roll back to version 1")
    page.get_by_text("Rolled back from version 2 to version 1.").wait_for()
    assert "Active: version 1." in page.locator(".lede").first.inner_text()
    page.get_by_role("link", name="Roll back to the bundled default model").click()
    confirm(page, "Roll back to the bundled default model")
    page.get_by_text("Rolled back from version 1 to the bundled default model.").wait_for()
    assert page.get_by_role("link", name="Roll back").count() == 0
    check_page(page)

    page.get_by_role("link", name="Rules", exact=True).click()
    check_page(page)
    page.get_by_role("link", name="Add a rule").click()
    check_page(page)
    page.get_by_label("Name").fill("tulip_seller")
    page.get_by_label("Pattern").fill(r"\btulips? for sale\b")
    page.get_by_label("Weight").fill("2")
    page.get_by_role("button", name="Save").click()  # the kind left unchosen
    page.get_by_text("Choose what kind of rule this is.").wait_for()
    check_page(page)
    page.get_by_label("Kind").select_option("offer")
    page.get_by_role("button", name="Test this rule").click()
    page.get_by_role("heading", name="Matches in the last").wait_for()
    check_page(page)
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Rule 'tulip_seller' saved").wait_for()
    row = page.locator("tr", has_text="tulip_seller")
    assert "offer" in row.inner_text()
    check_page(page)

    page.get_by_role("link", name="Thresholds").click()
    check_page(page)
    page.get_by_label("Hold threshold").fill("0.9")
    preview = page.locator("#threshold-preview")
    assert "at hold 0.90" in preview.inner_text()  # counted in the page as typed
    page.get_by_role("button", name="Preview only").click()
    page.locator("#threshold-preview", has_text="at hold 0.90").wait_for()
    check_page(page)
    assert errors == []
