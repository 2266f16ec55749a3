"""Promise: no rule an admin can save makes one post stall a worker, and a rule that
fires on every post is refused.

The attack is the one from issue 10: patterns whose nested, overlapping repetitions slip
past a backtracking check, typed into the rule form as rendered, then a post built to
make a backtracking engine try every way of splitting it. Each hostile pattern must be
refused with a reason, or saved and then screen that post quickly. The screening runs in
a child process with a generous time limit, because on a backtracking engine the failure
is a hang that no thread can interrupt (Python's engine holds the interpreter lock).
"""

import multiprocessing

import pytest

from app.live_screener import effective_rules
from models import Post, PostStatus, ScreeningRule, db
from moderation.normalize import normalize
from moderation.rules import RuleEngine
from tests.conftest import staff_client, submit
from tests.promises.forms import submit_as_rendered

HOSTILE = [
    (
        r"(?:call|text|whatsapp)\s*(?:\d+\s?)+\s*(?:now|today)",
        "whatsapp " + "12 " * 22 + "! today",
    ),
    # "spell" appears, so a shortcut that skips rules whose words are absent cannot help.
    ("love(?:a|aa)+spell", "a spell: love" + "a" * 40 + "!"),
    ("(?:💔+💔+)+y", "💔" * 40 + "!"),
]
# Generous: each post screens in milliseconds; a backtracking engine needs minutes.
SCREEN_LIMIT_SECONDS = 5.0


@pytest.fixture
def admin_app(make_app):
    # Workers check for changed rules on every request, so a saved rule applies at once.
    return make_app(SCREENER_CHECK_SECONDS=0)


@pytest.fixture
def admin(admin_app):
    return staff_client(admin_app, "ada", "admin")


def _screen(rules, text: str, sender) -> None:
    engine = RuleEngine(rules)
    sender.send([hit.rule.name for hit in engine.evaluate(normalize(text).text)])


def screen_in_child(rules, text: str) -> list[str]:
    """The names of the rules that fire on ``text``; fails the test on a stall.

    A forked child inherits the imported modules, so the time limit covers the
    screening alone, and a stalled child can be killed."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_screen, args=(rules, text, sender), daemon=True)
    child.start()
    try:
        if not receiver.poll(SCREEN_LIMIT_SECONDS):
            pytest.fail(f"screening one post took more than {SCREEN_LIMIT_SECONDS:g} s")
        return receiver.recv()
    finally:
        child.kill()
        child.join()


def saved_rules(app) -> list[ScreeningRule]:
    with app.app_context():
        rows = list(db.session.execute(db.select(ScreeningRule)).scalars())
        db.session.expunge_all()
        return rows


def fill_in(pattern: str, name: str = "hostile_rule") -> dict:
    return {"name": name, "kind": "scam", "pattern": pattern, "weight": "3"}


@pytest.mark.parametrize(("pattern", "post"), HOSTILE, ids=["digits", "overlap", "emoji"])
def test_a_hostile_rule_is_refused_or_screens_the_hostile_post_quickly(
    admin_app, admin, make_app, pattern, post
):
    # "Test this rule" first, as an admin would: it must answer, not stall the worker.
    tried = submit_as_rendered(
        admin, "/admin/rules/new", "/admin/rules/", fill_in(pattern), "Test this rule"
    )
    assert tried.status_code in (200, 422)
    saved = submit_as_rendered(admin, "/admin/rules/new", "/admin/rules/", fill_in(pattern), "Save")
    if saved.status_code != 302:
        assert saved.status_code == 422
        assert 'role="alert"' in saved.get_data(as_text=True)
        assert saved_rules(admin_app) == []
        return
    [row] = saved_rules(admin_app)
    assert row.pattern == pattern
    with admin_app.app_context():
        rules = effective_rules(db.session)
    screen_in_child(rules, post)  # completes in time, whatever it finds

    # Now that a stall is ruled out, the real path: a stranger posts it.
    reader = make_app(SCREENER_CHECK_SECONDS=0).test_client()
    response = submit(reader, "/new", {"title": "Hello", "body": post})
    assert response.status_code == 302
    with admin_app.app_context():
        post_id = int(response.headers["Location"].split("/")[2])
        assert db.session.get(Post, post_id).status in (PostStatus.PUBLISHED, PostStatus.HELD)


@pytest.mark.parametrize("pattern", [r"[\s\S]", ".*", "(?s).", r"\W|\w", "[^@]"])
def test_a_rule_that_fires_on_every_post_is_refused(admin_app, admin, client, pattern):
    submit(client, "/new", {"title": "Spring", "body": "We planted tulips every spring."})
    submit(client, "/new", {"title": "Week", "body": "Another hard week without him."})
    saved = submit_as_rendered(admin, "/admin/rules/new", "/admin/rules/", fill_in(pattern), "Save")
    assert saved.status_code == 422, pattern
    text = saved.get_data(as_text=True)
    assert "every post" in text or "matches empty text" in text
    assert saved_rules(admin_app) == []


def test_saving_a_rule_says_how_many_recent_posts_it_fires_on(admin_app, admin, client):
    submit(client, "/new", {"title": "Spring", "body": "We planted tulips every spring."})
    submit(client, "/new", {"title": "Week", "body": "Another hard week without him."})
    saved = submit_as_rendered(
        admin, "/admin/rules/new", "/admin/rules/", fill_in(r"\btulips?\b", "tulips"), "Save"
    )
    assert saved.status_code == 302
    page = admin.get(saved.headers["Location"]).get_data(as_text=True)
    assert "fires on 1 of the last 2 posts" in page


@pytest.mark.parametrize("pattern", [r"(spell)\s+\1", r"(?<!dr )caster", "(?=x)x"])
def test_a_pattern_the_engine_cannot_run_is_refused_in_the_form(admin_app, admin, pattern):
    for button in ("Test this rule", "Save"):
        answer = submit_as_rendered(
            admin, "/admin/rules/new", "/admin/rules/", fill_in(pattern), button
        )
        assert answer.status_code == 422, (pattern, button)
        text = answer.get_data(as_text=True)
        assert 'role="alert"' in text, (pattern, button)
    assert saved_rules(admin_app) == []


def test_a_nul_never_reaches_a_stored_pattern(admin_app, admin):
    # Forms drop NUL everywhere (app/guards.py); a pattern of nothing else is then empty.
    only_nul = submit_as_rendered(
        admin, "/admin/rules/new", "/admin/rules/", fill_in("\x00"), "Save"
    )
    assert only_nul.status_code == 422 and "Enter a pattern." in only_nul.get_data(as_text=True)
    saved = submit_as_rendered(
        admin, "/admin/rules/new", "/admin/rules/", fill_in("spell\x00caster"), "Save"
    )
    assert saved.status_code == 302
    assert [rule.pattern for rule in saved_rules(admin_app)] == ["spellcaster"]


def test_a_direction_override_in_a_pattern_cannot_flip_the_log(admin_app, admin):
    pattern = "caster\u202eredlof"
    saved = submit_as_rendered(admin, "/admin/rules/new", "/admin/rules/", fill_in(pattern), "Save")
    assert saved.status_code == 302
    for page in ("/mod/log", "/admin/rules"):
        html = admin.get(page).get_data(as_text=True)
        assert "caster\\u202eredlof" in html and "\u202e" not in html, page
