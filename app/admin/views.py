from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from app.admin import bp, model_versions
from app.admin.charts import pr_chart
from app.admin.forms import (
    ActionForm,
    ConfirmForm,
    HelplineForm,
    RuleForm,
    ThresholdForm,
    ToggleForm,
)
from app.admin.helplines import (
    HelplineFields,
    find_helpline,
    helpline_rows,
    save_helpline,
    set_helpline_enabled,
)
from app.admin.rules import (
    RULE_SAMPLE_POSTS,
    find_rule,
    rule_rows,
    save_rule,
    set_rule_enabled,
    try_rule_on_recent_posts,
)
from app.admin.settings import AdminError
from app.admin.thresholds import (
    current_thresholds,
    recent_scores,
    set_thresholds,
    threshold_preview,
)
from app.admin.training_jobs import UNFINISHED, latest_job, start_training
from models import TrainingState
from moderation.rules import Rule


@bp.get("/")
def home():
    return redirect(url_for("admin.model"))


# --- model versions ---------------------------------------------------------------


@bp.get("/model")
def model():
    overview = model_versions.model_overview()
    job = latest_job()
    curves = {}
    if overview.candidate is not None:
        metrics = overview.candidate.metrics
        curves = {
            "candidate": metrics["candidate"].get("pr_curve"),
            "active": (metrics.get("active") or {}).get("pr_curve"),
        }
    return render_template(
        "admin/model.html",
        overview=overview,
        job=job,
        running=job is not None and job.state in UNFINISHED,
        chart=pr_chart(curves, "Precision-recall, held-out split") if curves else None,
        form=ActionForm(),
    )


@bp.get("/model/job")
def training_job():
    """The latest job's state, for the model page to show its progress as it goes."""
    job = latest_job()
    if job is None:
        return jsonify(running=False)
    return jsonify(
        running=job.state in UNFINISHED,
        id=job.id,
        state=job.state,
        progress=job.progress,
        message=job.message,
    )


@bp.post("/model/train")
def train():
    if not ActionForm().validate_on_submit():
        abort(400, description="That action was not understood. Nothing was changed.")
    job = start_training(current_user)
    if job is None:
        flash("A training job is already running; this page shows its progress.")
    elif job.state == TrainingState.FAILED:
        flash(f"Training job #{job.id} could not start. {job.message}")
    else:
        flash(f"Training job #{job.id} started. This page refreshes until it is done.")
    return redirect(url_for("admin.model"))


@bp.route("/model/<int:version_id>/activate", methods=["GET", "POST"])
def activate(version_id: int):
    try:
        version = model_versions.get_version(version_id)
    except LookupError:
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            model_versions.activate(current_user, version_id)
        except AdminError as exc:
            flash(str(exc))
        else:
            flash(f"Version {version_id} is active. Every worker switches within seconds.")
        return redirect(url_for("admin.model"))
    return render_template(
        "admin/confirm.html",
        form=form,
        title=f"Activate model version {version_id}?",
        explanation=(
            f"Every post will be screened with version {version.id} (trained "
            f"{version.created_at:%d %b %Y %H:%M} UTC by {version.trained_by}) instead of "
            f"{model_versions.model_overview().serving}. You can roll back afterwards."
        ),
        action=url_for("admin.activate", version_id=version_id),
        button="Activate",
    )


@bp.route("/model/rollback", methods=["GET", "POST"])
def roll_back():
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            flash(model_versions.roll_back(current_user))
        except AdminError as exc:
            flash(str(exc))
        return redirect(url_for("admin.model"))
    overview = model_versions.model_overview()
    if not overview.can_roll_back:
        flash("Nothing to roll back: the bundled default model is in use.")
        return redirect(url_for("admin.model"))
    target = model_versions.version_name(overview.roll_back_to)
    return render_template(
        "admin/confirm.html",
        form=form,
        title=f"Roll back to {target}?",
        explanation=(
            f"Every post will be screened with {target}, the model activated before "
            f"{model_versions.version_name(overview.settings.active_version_id)}. Rolling "
            "back again goes one step further back."
        ),
        action=url_for("admin.roll_back"),
        button=f"Roll back to {target}",
    )


# --- thresholds -------------------------------------------------------------------


def _preview_value(name: str) -> float | None:
    raw = request.args.get(name, "")
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if 0.0 < value <= 1.0 else None


@bp.route("/thresholds", methods=["GET", "POST"])
def thresholds():
    hold, reject = current_thresholds()
    form = ThresholdForm(data={"hold": hold, "reject": reject})
    # Without script, "Preview only" posts the form like "Save" (a GET would put the
    # form's CSRF token in the address) and is answered with the count, nothing saved.
    previewing = "preview" in request.form
    preview_hold = _preview_value("hold") or hold
    preview_reject = _preview_value("reject") if request.args.get("hold") else reject
    if form.validate_on_submit():
        if previewing:
            preview_hold, preview_reject = form.hold.data, form.reject.data
        else:
            try:
                set_thresholds(current_user, form.hold.data, form.reject.data)
            except AdminError as exc:
                form.hold.errors = [str(exc)]
            else:
                flash("Thresholds saved. Every worker uses them within seconds.")
                return redirect(url_for("admin.thresholds"))
    scores = recent_scores()
    return render_template(
        "admin/thresholds.html",
        form=form,
        hold=hold,
        reject=reject,
        preview_hold=preview_hold,
        preview_reject=preview_reject,
        preview=threshold_preview(scores, preview_hold, preview_reject),
        scores=",".join(f"{score:.4f}" for score in scores),
    )


# --- rules -----------------------------------------------------------------------


@bp.get("/rules")
def rules():
    return render_template("admin/rules.html", rows=rule_rows(), form=ToggleForm())


def _rule_from(form: RuleForm) -> Rule:
    return Rule(
        name=form.name.data,
        kind=form.kind.data,
        pattern=form.pattern.data,
        weight=float(form.weight.data),
        description=form.description.data or "",
        enabled=bool(form.enabled.data),
    )


def _rule_page(form: RuleForm, original: str | None):
    tryout, problem = None, None
    if form.validate_on_submit():
        rule = _rule_from(form)
        try:
            if "test" in request.form:
                tryout = try_rule_on_recent_posts(rule)
            else:
                saved = save_rule(current_user, rule, original)
                flash(
                    f"Rule {rule.name!r} saved: it fires on {len(saved.posts)} of the last "
                    f"{saved.sampled} posts. Every worker uses it within seconds."
                )
                return redirect(url_for("admin.rules"))
        except ValueError as exc:  # AdminError too: the message is for the admin
            problem = str(exc)
    refused = problem is not None or bool(form.errors)
    return render_template(
        "admin/rule_form.html",
        form=form,
        original=original,
        trial=tryout.posts if tryout else None,
        problem=problem,
        sample_size=tryout.sampled if tryout else RULE_SAMPLE_POSTS,
    ), (422 if refused else 200)


@bp.route("/rules/new", methods=["GET", "POST"])
def new_rule():
    return _rule_page(RuleForm(), None)


@bp.route("/rules/<name>/edit", methods=["GET", "POST"])
def edit_rule(name: str):
    rule = find_rule(name)
    if rule is None:
        abort(404)
    form = RuleForm(
        data={
            "name": rule.name,
            "kind": rule.kind,
            "pattern": rule.pattern,
            "weight": rule.weight,
            "description": rule.description,
            "enabled": rule.enabled,
        }
    )
    return _rule_page(form, name)


@bp.post("/rules/<name>/toggle")
def toggle_rule(name: str):
    if not ToggleForm().validate_on_submit():
        abort(400, description="That action was not understood. Nothing was changed.")
    rule = find_rule(name)
    if rule is None:
        abort(404)
    set_rule_enabled(current_user, name, not rule.enabled)
    flash(f"Rule {name!r} {'disabled' if rule.enabled else 'enabled'}.")
    return redirect(url_for("admin.rules"))


# --- helpline allow-list -----------------------------------------------------------


@bp.get("/helplines")
def helplines():
    return render_template("admin/helplines.html", rows=helpline_rows(), form=ToggleForm())


def _helpline_page(form: HelplineForm, entry_id: int | None):
    problem = None
    if form.validate_on_submit():
        fields = HelplineFields(
            name=form.name.data,
            country=(form.country.data or "").upper(),
            numbers=form.numbers.data or "",
            emails=form.emails.data or "",
            domains=form.domains.data or "",
            enabled=bool(form.enabled.data),
        )
        try:
            save_helpline(current_user, fields, entry_id)
        except AdminError as exc:
            problem = str(exc)
        except LookupError:
            abort(404)
        else:
            flash(f"Helpline {fields.name!r} saved. Every worker uses it within seconds.")
            return redirect(url_for("admin.helplines"))
    refused = problem is not None or bool(form.errors)
    return render_template(
        "admin/helpline_form.html", form=form, entry_id=entry_id, problem=problem
    ), (422 if refused else 200)


@bp.route("/helplines/new", methods=["GET", "POST"])
def new_helpline():
    return _helpline_page(HelplineForm(), None)


@bp.route("/helplines/<int:entry_id>/edit", methods=["GET", "POST"])
def edit_helpline(entry_id: int):
    row = find_helpline(entry_id)
    if row is None:
        abort(404)
    form = HelplineForm(
        data={
            "name": row.name,
            "country": row.country,
            "numbers": row.numbers,
            "emails": row.emails,
            "domains": row.domains,
            "enabled": row.enabled,
        }
    )
    return _helpline_page(form, entry_id)


@bp.post("/helplines/<int:entry_id>/toggle")
def toggle_helpline(entry_id: int):
    if not ToggleForm().validate_on_submit():
        abort(400, description="That action was not understood. Nothing was changed.")
    row = find_helpline(entry_id)
    if row is None:
        abort(404)
    # Decided before the change: ``row`` may be the stored row the change updates.
    enabled = not row.enabled
    name = set_helpline_enabled(current_user, entry_id, enabled)
    flash(f"Helpline {name!r} {'enabled' if enabled else 'disabled'}.")
    return redirect(url_for("admin.helplines"))


@bp.app_context_processor
def _admin_link():
    user = current_user
    if getattr(user, "is_authenticated", False) and user.has_role("admin"):
        return {"show_admin_link": True}
    return {}
