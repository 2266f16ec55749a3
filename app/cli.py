"""``flask`` commands. Each does what a button in the app does."""

import sys

import click
from flask import Flask
from flask.cli import AppGroup

from app.auth import services as accounts
from app.demo import forum_is_empty, seed_demo_content
from models import Role

demo_cli = AppGroup("demo", help="Demo content for a first start.")
spam_cli = AppGroup("spam", help="The spam filter: measure it.")
users_cli = AppGroup("users", help="Staff accounts: moderators and admins.")

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


@users_cli.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice(Role.ALL), default=Role.MODERATOR, show_default=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create_user_command(username: str, role: str, password_stdin: bool) -> None:
    """Create a staff account. Asks for the password (twice) unless --password-stdin."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
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
    click.echo(f"Disabled {user.username!r}.")


def _metrics_row(name: str, m: dict) -> str:
    c = m["confusion"]
    return (
        f"{name:<24} {m['spam']:>5} {m['ham']:>6} {m['precision']:>9.3f} {m['recall']:>7.3f} "
        f"{m['f1']:>6.3f} {m['false_positive_rate']:>7.4f}   "
        f"tp={c['tp']} fp={c['fp']} tn={c['tn']} fn={c['fn']}"
    )


@spam_cli.command("evaluate")
@click.option(
    "--data",
    "data_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="A labelled CSV: text,label[,source] with labels spam/ham.",
)
@click.option("--show-errors", default=0, help="List up to N wrongly screened posts.")
def evaluate_command(data_path: str, show_errors: int) -> None:
    """Screen every post of a labelled CSV and print precision, recall, F1, the
    false-positive rate on genuine posts and the confusion matrix, per source."""
    from app.screening import get_screener
    from moderation.evaluation import evaluate_by_source, read_labelled_csv

    try:
        rows = read_labelled_csv(data_path)
    except (ValueError, UnicodeDecodeError) as exc:
        raise click.ClickException(str(exc)) from exc
    results = evaluate_by_source(get_screener(), rows)
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


def register(app: Flask) -> None:
    app.cli.add_command(demo_cli)
    app.cli.add_command(spam_cli)
    app.cli.add_command(users_cli)
