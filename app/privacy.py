"""What Mend forgets, and when: address hashes past their use, and a private SQLite file.

Address hashes serve rate limits, reports and short address bans, all of which look back
days, not months. Rows older than ADDRESS_RETENTION_DAYS lose theirs (README, "Privacy
and what a stolen database reveals"). ``flask privacy purge`` does it on demand; each
worker also does it after a post, at most once an hour, so no cron job is needed.
"""

import os
import time
from datetime import datetime, timedelta
from pathlib import Path

import click
from flask import Flask, current_app, request
from flask.cli import AppGroup
from sqlalchemy import or_
from sqlalchemy.exc import SQLAlchemyError

from app.shared_cache import content_changed
from models import Ban, LoginFailure, Post, Report, db, utcnow

PURGE_EVERY_SECONDS = 3600
SQLITE_FILE_SUFFIXES = ("", "-wal", "-shm", "-journal")

privacy_cli = AppGroup("privacy", help="What Mend keeps about posters, and for how long.")


def purge_old_addresses(retention_days: int, now: datetime | None = None) -> dict[str, int]:
    """Forget the address hashes of rows older than ``retention_days``, and those of
    address bans that have ended. Returns how many of each were forgotten."""
    now = now or utcnow()
    cutoff = now - timedelta(days=retention_days)
    no_sync = {"synchronize_session": False}
    counts = {
        # Matches the partial index ix_posts_address_kept: only kept hashes are read.
        "posts": db.update(Post)
        .where(Post.address_hash != "", Post.created_at < cutoff)
        .values(address_hash=""),
        "reports": db.update(Report)
        .where(Report.address_hash.is_not(None), Report.created_at < cutoff)
        .values(address_hash=None),
        "bans": db.update(Ban)
        .where(
            Ban.address_hash.is_not(None),
            or_(Ban.expires_at.is_(None), Ban.expires_at <= now, Ban.created_at < cutoff),
        )
        .values(address_hash=None),
        "login failures": db.delete(LoginFailure).where(LoginFailure.created_at < cutoff),
    }
    done = {
        name: db.session.execute(statement, execution_options=no_sync).rowcount
        for name, statement in counts.items()
    }
    db.session.commit()
    if done["reports"]:  # the queue says from how many connections a post was reported
        content_changed(queue=True)
    return done


def _purge_after_posting(response):
    """At most once an hour per worker, after a successful post: cheap (an index holds
    only the hashes still kept) and it keeps the promise without a cron job."""
    if request.method != "POST" or request.blueprint != "forum" or response.status_code >= 400:
        return response
    state = current_app.extensions["privacy"]
    if time.monotonic() - state["last_purge"] < PURGE_EVERY_SECONDS:
        return response
    state["last_purge"] = time.monotonic()
    try:
        purge_old_addresses(current_app.config["ADDRESS_RETENTION_DAYS"])
    except SQLAlchemyError:  # the post is saved; the next hour tries again
        db.session.rollback()
        current_app.logger.warning("address hash purge failed", exc_info=True)
        state["last_purge"] -= PURGE_EVERY_SECONDS
    return response


@privacy_cli.command("purge")
def purge_command() -> None:
    """Delete address hashes older than ADDRESS_RETENTION_DAYS, and expired address bans'."""
    days = current_app.config["ADDRESS_RETENTION_DAYS"]
    counts = purge_old_addresses(days)
    forgotten = ", ".join(f"{count} {name}" for name, count in counts.items())
    click.echo(f"Forgot the address hashes older than {days} days: {forgotten}.")


def keep_sqlite_private(database: str | None) -> None:
    """Make the SQLite file (and its journal files) readable by its owner only, creating
    it that way, so a shared machine's other users cannot copy the forum. SQLite gives
    the WAL and shared-memory files it creates later the database file's mode."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    for suffix in SQLITE_FILE_SUFFIXES:
        try:
            os.chmod(f"{path}{suffix}", 0o600)
        except FileNotFoundError:
            pass


def register(app: Flask) -> None:
    # -inf: a new worker purges after its first post.
    app.extensions["privacy"] = {"last_purge": float("-inf")}
    app.after_request(_purge_after_posting)
    app.cli.add_command(privacy_cli)
