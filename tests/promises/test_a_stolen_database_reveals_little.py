"""README, "Privacy and what a stolen database reveals": no IP address is stored; each
kind of hash has its own key; address hashes change every period and are deleted after
the retention period; the SQLite file is readable by its owner only.

The attack: read the database after the fact, as someone who copied it would, and try to
link rows (a report to its reporter's posts, a login failure to a poster, one address
across weeks) or recover addresses.
"""

import os
import stat
from datetime import timedelta

from sqlalchemy import select, text, update

from app.poster_identity import address_hash
from app.privacy import purge_old_addresses
from models import Ban, LoginFailure, Post, Report, db, utcnow
from tests.conftest import submit
from tests.mod.test_decisions import decide, post_scam

HOME = "198.51.100.77"


def browser_at(app, address):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def all_text_in_database(app) -> str:
    """Every value in every table, as one string: what a dump holds."""
    with app.app_context():
        values = []
        for table in db.metadata.sorted_tables:
            for row in db.session.execute(select(table)):
                values.extend(str(v) for v in row)
        return "\n".join(values)


def test_no_address_is_stored_and_each_purpose_has_its_own_hash(app):
    person = browser_at(app, HOME)
    submit(person, "/new", {"title": "Mine", "body": "My own thread"})
    submit(browser_at(app, "192.0.2.9"), "/new", {"title": "Theirs", "body": "Someone else"})
    submit(person, "/p/2/report", {"reason": "abuse", "details": ""})
    submit(person, "/login", {"username": "nobody", "password": "wrong password"})

    dump = all_text_in_database(app)
    assert HOME not in dump
    with app.app_context():
        own_post = db.session.get(Post, 1)
        report = db.session.execute(select(Report)).scalar_one()
        failure = db.session.execute(select(LoginFailure)).scalar_one()
    # A report cannot be tied to its reporter's posts, by browser or by address...
    assert report.reporter_hash != own_post.poster_hash
    assert report.address_hash and report.address_hash != own_post.address_hash
    # ...nor a failed staff login to a poster.
    assert failure.address_hash != own_post.address_hash
    assert len({own_post.poster_hash, own_post.address_hash, report.reporter_hash}) == 3


def test_address_hashes_change_every_period(app):
    with app.app_context():
        now = utcnow()
        week = timedelta(days=app.config["ADDRESS_HASH_DAYS"])
        this_week = address_hash(HOME, now=now)
        assert address_hash(HOME, now=now) == this_week  # stable within a period
        assert address_hash(HOME, now=now - week) != this_week
        assert address_hash(HOME, now=now + week) != this_week
        assert address_hash("192.0.2.1", now=now) != this_week


def backdate(app, days):
    """Pretend every row so far was written ``days`` ago."""
    then = utcnow() - timedelta(days=days)
    with app.app_context():
        for model in (Post, Report, Ban, LoginFailure):
            db.session.execute(update(model).values(created_at=then))
        address_bans = update(Ban).where(Ban.address_hash.is_not(None))
        db.session.execute(address_bans.values(expires_at=then + timedelta(days=1)))
        db.session.commit()


def stored_address_hashes(app) -> list[str]:
    with app.app_context():
        rows = [
            *db.session.execute(select(Post.address_hash)).scalars(),
            *db.session.execute(select(Report.address_hash)).scalars(),
            *db.session.execute(select(Ban.address_hash)).scalars(),
            *db.session.execute(select(LoginFailure.address_hash)).scalars(),
        ]
    return [value for value in rows if value]


def fill_with_address_hashes(app, moderator):
    scammer = browser_at(app, HOME)
    scam = post_scam(scammer)
    submit(browser_at(app, "192.0.2.9"), "/new", {"title": "Theirs", "body": "Words"})
    submit(scammer, "/p/2/report", {"reason": "abuse", "details": ""})
    submit(scammer, "/login", {"username": "nobody", "password": "wrong password"})
    decide(moderator, [scam], "ban", ban_address="y", address_hours="24")
    # The moderator's own login leaves no failure, but the scammer's does.
    assert len(stored_address_hashes(app)) >= 5


def test_purge_deletes_address_hashes_older_than_the_retention(app, moderator):
    fill_with_address_hashes(app, moderator)
    backdate(app, app.config["ADDRESS_RETENTION_DAYS"] + 1)
    submit(browser_at(app, "192.0.2.10"), "/new", {"title": "Today", "body": "New words"})

    result = app.test_cli_runner().invoke(args=["privacy", "purge"])
    assert result.exit_code == 0, result.output
    assert "address hashes" in result.output

    with app.app_context():
        cutoff = utcnow() - timedelta(days=app.config["ADDRESS_RETENTION_DAYS"])
        old_posts = select(Post.address_hash).where(Post.created_at < cutoff)
        assert set(db.session.execute(old_posts).scalars()) == {""}
        today = db.session.execute(select(Post).where(Post.created_at >= cutoff)).scalar_one()
        assert today.address_hash  # recent ones stay, for rate limits and bans
    assert stored_address_hashes(app) == [today.address_hash]
    # Everything else survives: the posts, the report, the poster's ban.
    with app.app_context():
        assert db.session.execute(select(Report)).scalar_one().reason == "abuse"
        assert db.session.execute(select(Ban.poster_hash).where(Ban.poster_hash.is_not(None)))


def test_expired_address_bans_lose_their_hash_at_once(app, moderator):
    fill_with_address_hashes(app, moderator)
    with app.app_context():
        db.session.execute(update(Ban).values(expires_at=utcnow() - timedelta(minutes=1)))
        db.session.commit()
        counts = purge_old_addresses(app.config["ADDRESS_RETENTION_DAYS"])
        assert counts["bans"] == 1
        assert db.session.execute(select(Ban.address_hash)).scalars().all() == [None, None]


def test_posting_purges_old_address_hashes_without_a_cron_job(app, make_app, moderator):
    fill_with_address_hashes(app, moderator)
    backdate(app, app.config["ADDRESS_RETENTION_DAYS"] + 1)
    another_worker = make_app()  # it has not purged yet in its life
    submit(browser_at(another_worker, "192.0.2.10"), "/new", {"title": "Today", "body": "Hi"})
    assert len(stored_address_hashes(app)) == 1


def test_the_sqlite_file_is_private_to_its_owner(tmp_path, base_config):
    from app import create_app

    path = tmp_path / "mend.sqlite3"
    app = create_app({**base_config, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with app.app_context():
        with db.engine.begin() as connection:  # a write: WAL and shared-memory files appear
            connection.execute(text("CREATE TABLE probe (x INTEGER)"))
            connection.execute(text("INSERT INTO probe VALUES (1)"))
        files = [p for p in tmp_path.iterdir() if p.name.startswith("mend.sqlite3")]
        assert path in files and len(files) >= 2
        for file in files:
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
        db.engine.dispose()

    # A file left readable by an older version is made private on the next start.
    os.chmod(path, 0o644)
    app = create_app({**base_config, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
