"""A post keeps its own state right: its thread's copy of the opening post's status,
whether it waits for a moderator, and an edit waiting beside the published text."""

from datetime import timedelta

import pytest

from models import Post, PostStatus, Role, StaffUser, Thread, db, utcnow


@pytest.fixture
def session(app):
    with app.app_context():
        yield db.session


def _thread(session, opening_status=PostStatus.PUBLISHED) -> tuple[Thread, Post]:
    thread = Thread(title="A hard week", status=opening_status)
    opening = Post(
        thread=thread,
        is_opening=True,
        body="It has been a hard week.",
        status=opening_status,
        pseudonym="Calm Otter",
        poster_hash="p1",
        address_hash="a1",
        edit_token_hash="t1",
    )
    session.add_all([thread, opening])
    session.flush()
    return thread, opening


def _reply(session, thread: Thread, body: str, status=PostStatus.PUBLISHED, **fields) -> Post:
    reply = Post(
        thread=thread,
        body=body,
        status=status,
        pseudonym="Kind Heron",
        poster_hash="p2",
        address_hash="a2",
        edit_token_hash="t2",
        **fields,
    )
    session.add(reply)
    session.flush()
    return reply


def test_the_thread_follows_its_opening_post_but_not_its_replies(session):
    thread, opening = _thread(session)
    reply = _reply(session, thread, "Hang in there.")

    opening.set_status(PostStatus.HELD, awaiting_review=True)
    assert (thread.status, opening.awaiting_review) == (PostStatus.HELD, True)

    opening.set_status(PostStatus.PUBLISHED, awaiting_review=False)
    reply.set_status(PostStatus.REMOVED, awaiting_review=False)
    assert thread.status == PostStatus.PUBLISHED


def test_a_deleted_opening_post_leaves_its_thread_readable(session):
    thread, opening = _thread(session)
    opening.set_status(PostStatus.DELETED, awaiting_review=False)
    assert thread.status == PostStatus.PUBLISHED
    assert opening.is_visible_to_readers


def test_a_post_is_hidden_only_once_enough_readers_report_it(session):
    thread, opening = _thread(session)
    assert not opening.hide_if_reported(reporting_readers=2, hide_threshold=3)
    assert opening.status == PostStatus.PUBLISHED

    assert opening.hide_if_reported(reporting_readers=3, hide_threshold=3)
    assert (opening.status, thread.status) == (PostStatus.HIDDEN, PostStatus.HIDDEN)
    assert opening.awaiting_review

    held = _reply(session, thread, "Call me", status=PostStatus.HELD)
    assert not held.hide_if_reported(reporting_readers=9, hide_threshold=3)
    assert held.status == PostStatus.HELD


def test_an_approved_edit_replaces_the_text_and_undoing_it_puts_it_back(session):
    thread, opening = _thread(session)
    opening.stage_edit("Better now.", "A better week")
    assert opening.awaiting_review
    assert (opening.body, thread.title) == ("It has been a hard week.", "A hard week")

    assert opening.approve_edit() == "It has been a hard week."
    assert (opening.body, thread.title) == ("Better now.", "A better week")
    assert opening.pending_body is opening.pending_title is None

    opening.reopen_edit("It has been a hard week.", None)
    assert (opening.body, opening.pending_body) == ("It has been a hard week.", "Better now.")


def test_a_refused_edit_leaves_the_text_and_undoing_it_makes_it_wait_again(session):
    thread, _opening = _thread(session)
    reply = _reply(session, thread, "Hang in there.")
    reply.stage_edit("Call drx@example.com", "ignored for a reply")
    assert reply.pending_title is None

    assert reply.refuse_edit() == "Call drx@example.com"
    assert (reply.body, reply.pending_body) == ("Hang in there.", None)

    reply.reopen_edit(None, "Call drx@example.com")
    assert (reply.body, reply.pending_body) == ("Hang in there.", "Call drx@example.com")


def test_thread_stats_count_only_published_replies(session):
    thread, _opening = _thread(session)
    start = thread.created_at
    _reply(session, thread, "One.", created_at=start + timedelta(minutes=5))
    _reply(session, thread, "Held.", status=PostStatus.HELD, created_at=utcnow() + timedelta(1))
    thread.refresh_stats()
    assert thread.reply_count == 1
    assert thread.last_activity_at == start + timedelta(minutes=5)


def test_states_are_the_strings_the_database_stores(session):
    _, opening = _thread(session, PostStatus.HELD)
    session.commit()
    session.expire_all()
    stored = session.get(Post, opening.id)
    assert stored.status == "held" == PostStatus.HELD


def test_an_admin_may_do_what_a_moderator_may_and_not_the_reverse():
    admin = StaffUser(username="ada", role=Role.ADMIN)
    moderator = StaffUser(username="mo", role="moderator")
    unknown = StaffUser(username="x", role="janitor")
    assert admin.has_role(Role.MODERATOR) and admin.has_role("admin")
    assert moderator.has_role("moderator") and not moderator.has_role(Role.ADMIN)
    assert not unknown.has_role("moderator")
