"""``flask`` commands. Each does what a button in the app does."""

import sys
import time

import click
from flask import Flask
from flask.cli import AppGroup

from app.admin import model_versions, training_queue
from app.admin.settings import AdminError
from app.admin.training_jobs import train_and_store
from app.auth import services as accounts
from app.demo import forum_is_empty, seed_demo_content
from app.live_screener import ArtifactError, get_screener, load_version
from app.post_contacts import backfill_wording
from models import Role
from moderation import Screener
from moderation.classifier import bundled_corpus_path
from moderation.evaluation import evaluate_by_source, read_labelled_csv

demo_cli = AppGroup("demo", help="Demo content for a first start.")
spam_cli = AppGroup("spam", help="The spam filter: train, measure, activate.")
users_cli = AppGroup("users", help="Staff accounts: moderators and admins.")
jobs_cli = AppGroup("jobs", help="Background jobs on Redis (REDIS_URL): training.")

FIRST_ADMIN_HINT = (
    "No staff account yet. Create the first admin with:\n"
    "  .venv/bin/flask --app wsgi users create --role admin YOUR_NAME"
)


@demo_cli.command("seed")
@click.option("--if-empty", is_flag=True, help="Only seed a forum with no posts yet.")
def seed_command(if_empty: bool) -> None:
    """Post a handful of demo threads and replies."""
    if if_empty and not forum_is_empty():
        click.echo("The forum already has posts; no demo content added.")
    else:
        count = seed_demo_content()
        click.echo(f"Added {count} demo threads.")
    if not accounts.has_staff():
        click.echo(FIRST_ADMIN_HINT)


def _read_password(from_stdin: bool, prompt: str = "Password") -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    # Said before asking, not after two typings of a password that was too short.
    prompt = f"{prompt} (at least {accounts.PASSWORD_MIN} characters)"
    return click.prompt(prompt, hide_input=True, confirmation_prompt=True)


@users_cli.command("create")
@click.argument("username")
@click.option(
    "--role", type=click.Choice(Role.ALL), default=Role.MODERATOR.value, show_default=True
)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create_user_command(username: str, role: str, password_stdin: bool) -> None:
    """Create a staff account. Asks for the password (twice) unless --password-stdin."""
    password = _read_password(password_stdin)
    try:
        user = accounts.create_staff_user(username, password, role)
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Created {user.role} {user.username!r}.")


@users_cli.command("list")
def list_users_command() -> None:
    """List staff accounts."""
    users = accounts.staff_users()
    if not users:
        click.echo(FIRST_ADMIN_HINT)
        return
    for user in users:
        state = "active" if user.active else "disabled"
        click.echo(
            f"{user.username:<24} {user.role:<10} {state:<9} since {user.created_at:%Y-%m-%d}"
        )


@users_cli.command("disable")
@click.argument("username")
def disable_user_command(username: str) -> None:
    """Disable a staff account: it can no longer log in, and its sessions end."""
    try:
        user = accounts.disable_staff_user(username)
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Disabled {user.username!r}; its sessions have ended.")


@users_cli.command("set-password")
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def set_password_command(username: str, password_stdin: bool) -> None:
    """Give a staff account a new password (asked twice unless --password-stdin). Every
    session of the account ends, on every device."""
    password = _read_password(password_stdin, "New password")
    try:
        user = accounts.set_staff_password(username, password)
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"New password set for {user.username!r}; its sessions have ended.")


def _metrics_row(name: str, m: dict) -> str:
    c = m["confusion"]

    def shown(value: float, defined: bool, width: int, places: int) -> str:
        # A ratio with nothing to divide by is not 0: say so.
        return f"{value:>{width}.{places}f}" if defined else f"{'n/a':>{width}}"

    flagged = c["tp"] + c["fp"]
    return (
        f"{name:<24} {m['spam']:>5} {m['ham']:>6} "
        f"{shown(m['precision'], flagged > 0, 9, 3)} {shown(m['recall'], m['spam'] > 0, 7, 3)} "
        f"{shown(m['f1'], flagged > 0 and m['spam'] > 0, 6, 3)} "
        f"{shown(m['false_positive_rate'], m['ham'] > 0, 7, 4)}   "
        f"tp={c['tp']} fp={c['fp']} tn={c['tn']} fn={c['fn']}"
    )


@spam_cli.command("evaluate")
@click.option(
    "--data",
    "data_path",
    type=click.Path(exists=True, dir_okay=False),
    help="A labelled CSV: text,label[,source] with labels spam/ham "
    "(default: the bundled test set).",
)
@click.option("--version", "version_id", type=int, help="A stored model version (default: active).")
@click.option("--show-errors", default=0, help="List up to N wrongly screened posts.")
def evaluate_command(data_path: str | None, version_id: int | None, show_errors: int) -> None:
    """Screen every post of a labelled CSV and print precision, recall, F1, the
    false-positive rate on genuine posts and the confusion matrix, per source."""
    try:
        rows = read_labelled_csv(data_path or bundled_corpus_path("test.csv"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise click.ClickException(str(exc)) from exc
    screener = get_screener()
    if version_id is not None:
        try:
            classifier = load_version(model_versions.get_version(version_id))
        except LookupError as exc:
            raise click.ClickException(f"There is no model version {version_id}.") from exc
        except ArtifactError as exc:
            raise click.ClickException(str(exc)) from exc
        screener = Screener(screener.engine.rules, classifier, screener.config)
    results = evaluate_by_source(screener, rows)
    click.echo(
        f"{'source':<24} {'spam':>5} {'ham':>6} {'precision':>9} {'recall':>7} "
        f"{'F1':>6} {'FPR':>7}   confusion"
    )
    for source, metrics in sorted(results.items(), key=lambda item: item[0] == "all"):
        click.echo(_metrics_row(source, metrics))
    for error in results["all"]["misclassified"][:show_errors]:
        kind = "missed spam" if error["label"] == "spam" else "held genuine post"
        snippet = " ".join(error["text"].split())[:80]
        click.echo(f"  {kind} (score {error['score']:.2f}): {snippet}")


def _model_metrics_row(name: str, m: dict | None) -> str:
    if not m:
        return f"{name:<24} (not measured)"
    auc = "—" if m.get("roc_auc") is None else f"{m['roc_auc']:.4f}"
    return _metrics_row(name, m) + f"   ROC-AUC={auc}"


@spam_cli.command("backfill-wording")
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1, 10_000))
@click.option(
    "--all",
    "everything",
    is_flag=True,
    help="Read every post's contacts and wording again, not only posts without a "
    "fingerprint (after an upgrade that spells contacts differently).",
)
def backfill_wording_command(batch_size: int, everything: bool) -> None:
    """Give posts written before wording fingerprints existed theirs, a batch at a
    time (safe to stop and run again), so campaigns by wording find them too."""
    read, filled = backfill_wording(batch_size, everything)
    click.echo(f"Read {read} {'post' if read == 1 else 'posts'}; {filled} got a new fingerprint.")


@spam_cli.command("train")
@click.option(
    "--corpus",
    type=click.Path(exists=True, dir_okay=False),
    help="The labelled text,label CSV to start from (default: the bundled corpus).",
)
def train_command(corpus: str | None) -> None:
    """Train a candidate on the bundled corpus plus moderators' labels, print its
    metrics beside the active model's, and store it as an inactive version."""
    started = time.perf_counter()

    def progress(percent: int, message: str) -> None:
        click.echo(f"[{time.perf_counter() - started:6.1f}s] {percent:3d}%  {message}")

    try:
        trained = train_and_store("cli", progress, corpus)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    if not trained.new:
        click.echo(trained.summary)
        return
    version = trained.version
    metrics, counts = version.metrics, version.training_counts
    click.echo(
        f"Stored version {version.id} (inactive): {counts['spam']} spam, {counts['ham']} "
        f"genuine, {counts['moderator_labels']} from moderators, "
        f"{counts['duplicates_dropped']} near-duplicates dropped."
    )
    click.echo(
        f"Held-out split: {metrics['split']['held_out']} posts "
        f"({metrics['split']['measured']} screened), hold threshold "
        f"{metrics['hold_threshold']:.2f}"
    )
    click.echo(
        f"{'model':<24} {'spam':>5} {'ham':>6} {'precision':>9} {'recall':>7} "
        f"{'F1':>6} {'FPR':>7}   confusion"
    )
    click.echo(_model_metrics_row(f"candidate v{version.id}", metrics["candidate"]))
    click.echo(_model_metrics_row(metrics.get("active_name") or "active", metrics["active"]))
    click.echo(f"Activate it with: flask spam activate {version.id}")


@spam_cli.command("activate")
@click.argument("version_id", type=int)
def activate_command(version_id: int) -> None:
    """Make a stored version the active model in every worker."""
    try:
        model_versions.activate(None, version_id)
    except LookupError as exc:
        raise click.ClickException(f"There is no model version {version_id}.") from exc
    except AdminError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Version {version_id} is active; every worker switches within seconds.")


@spam_cli.command("rollback")
def rollback_command() -> None:
    """Go back to the model that was active before the current one."""
    try:
        click.echo(model_versions.roll_back(None))
    except AdminError as exc:
        raise click.ClickException(str(exc)) from exc


@spam_cli.command("versions")
def versions_command() -> None:
    """List stored model versions, newest first."""
    overview = model_versions.model_overview()
    active_id = overview.active.id if overview.active else None
    if not overview.versions:
        click.echo("No stored versions; the bundled default model is in use.")
        return
    click.echo(
        f"{'':2}{'id':>4}  {'trained (UTC)':<16}  {'by':<12} {'spam':>6} {'ham':>6} "
        f"{'prec':>6} {'recall':>6} {'FPR':>7}  sha256"
    )
    for v in overview.versions:
        m = v.metrics["candidate"]
        # A broken version shows "!" even while active: screening has fallen back.
        mark = "! " if v.broken_at else ("* " if v.id == active_id else "  ")
        click.echo(
            f"{mark}{v.id:>4}  {v.created_at:%Y-%m-%d %H:%M}  {v.trained_by:<12} "
            f"{v.training_counts['spam']:>6} {v.training_counts['ham']:>6} "
            f"{m['precision']:>6.3f} {m['recall']:>6.3f} {m['false_positive_rate']:>7.4f}  "
            f"{v.sha256[:12]}"
        )
    if active_id is None:
        click.echo("(* none: the bundled default model is active)")
    if any(v.broken_at for v in overview.versions):
        click.echo("(! broken: failed its checksum, could not be read or failed in use)")


@jobs_cli.command("worker")
@click.option("--burst", is_flag=True, help="Stop once the queue is empty.")
def worker_command(burst: bool) -> None:
    """Run queued jobs (training) in this process until stopped. Needs REDIS_URL and the
    same DATABASE_URL as the web servers; run one or more beside them."""
    if not training_queue.queue_enabled():
        raise click.ClickException(
            "REDIS_URL is not set: without it, training runs inside the web process."
        )
    training_queue.run_worker(burst=burst)


def register(app: Flask) -> None:
    app.cli.add_command(demo_cli)
    app.cli.add_command(jobs_cli)
    app.cli.add_command(spam_cli)
    app.cli.add_command(users_cli)
