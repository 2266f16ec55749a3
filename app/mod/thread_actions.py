"""Moderators' actions on a whole thread: lock it (no new replies; a note says why) and
pin it (it stays on top of the front page). Each is a row in the decision log, against
the thread's opening post, and the log's Undo puts the thread back as it was."""

from models import THREAD_ACTIONS, Decision, DecisionAction, Post, StaffUser, Thread, db

LOCK_NOTE_MAX = 500
# What the log shows as a thread's state before and after an action.
STATE_WORDS = {"locked": ("open", "locked"), "pinned": ("unpinned", "pinned")}


def _state_word(thread: Thread, attribute: str) -> str:
    return STATE_WORDS[attribute][bool(getattr(thread, attribute))]


def _set(thread: Thread, attribute: str, value: bool, note: str | None) -> None:
    setattr(thread, attribute, value)
    if attribute == "locked":
        thread.lock_note = note if value else None


def act_on_thread(
    moderator: StaffUser, thread_id: int, action: str, note: str | None = None
) -> Decision | None:
    """Lock, unlock, pin or unpin a thread, and log it. None if the thread already is
    as asked (another moderator got there first): nothing is logged twice."""
    attribute, value = THREAD_ACTIONS[DecisionAction(action)]
    thread = db.session.get(Thread, thread_id, with_for_update=True)
    if thread is None:
        raise LookupError(thread_id)
    if bool(getattr(thread, attribute)) == value:
        db.session.rollback()
        return None
    opening = db.session.execute(
        db.select(Post).where(Post.thread_id == thread.id, Post.is_opening)
    ).scalar_one()
    previous = _state_word(thread, attribute)
    _set(thread, attribute, value, note or None)
    decision = Decision(
        moderator=moderator,
        post=opening,
        action=action,
        note=note or None,
        previous_status=previous,
        new_status=_state_word(thread, attribute),
    )
    db.session.add(decision)
    db.session.commit()
    return decision


def thread_undo_effect(thread: Thread, decision: Decision) -> str:
    """What ``undo_thread_action`` will change, in the words the undo confirmation shows:
    the thread's state alone (no post goes back to the queue)."""
    attribute, value = THREAD_ACTIONS[DecisionAction(decision.action)]
    now, after = _state_word(thread, attribute), STATE_WORDS[attribute][not value]
    change = f"goes from {now} back to {after}" if now != after else f"stays {after}"
    consequence = {
        "open": "replies can be posted in it again",
        "locked": "it takes no new replies",
        "unpinned": "it takes its place among the other threads on the front page",
        "pinned": "it stays on top of the front page",
    }[after]
    return (
        f"The thread “{thread.title}” {change}: {consequence}. "
        "No post changes and nothing goes back to the queue."
    )


def undo_thread_action(thread: Thread, decision: Decision) -> tuple[str, str]:
    """Put the thread back as it was before ``decision``; the states before and after,
    for the log. Undoing an unlock locks the thread again with the note it had."""
    attribute, value = THREAD_ACTIONS[DecisionAction(decision.action)]
    previous = _state_word(thread, attribute)
    note = None
    if attribute == "locked" and not value:
        note = db.session.execute(
            db.select(Decision.note)
            .where(
                Decision.post_id == decision.post_id,
                Decision.action == DecisionAction.LOCK,
                Decision.id < decision.id,
            )
            .order_by(Decision.id.desc())
            .limit(1)
        ).scalar_one_or_none()
    _set(thread, attribute, not value, note)
    return previous, _state_word(thread, attribute)
