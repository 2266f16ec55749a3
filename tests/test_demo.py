"""The demo content a newcomer sees on first start."""

from sqlalchemy import func, select

from app.demo import DEMO_THREADS
from models import Post, PostStatus, Thread, db


def test_demo_seed_fills_an_empty_forum_once(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["demo", "seed", "--if-empty"])
    assert result.exit_code == 0, result.output
    assert f"Added {len(DEMO_THREADS)} demo threads" in result.output
    again = runner.invoke(args=["demo", "seed", "--if-empty"])
    assert "already has posts" in again.output
    with app.app_context():
        assert db.session.scalar(select(func.count(Thread.id))) == len(DEMO_THREADS)


def test_every_demo_post_passes_the_real_screener(app):
    # The demo is written in the voice of people after a break-up, warnings about
    # spell casters included: the screener must publish all of it.
    app.test_cli_runner().invoke(args=["demo", "seed"])
    with app.app_context():
        statuses = db.session.execute(select(Post.status, Post.body)).all()
    held = [body[:60] for status, body in statuses if status != PostStatus.PUBLISHED]
    assert held == []
    client = app.test_client()
    front = client.get("/").get_data(as_text=True)
    for title, _story, _replies in DEMO_THREADS:
        assert title.replace("'", "&#39;") in front
