"""The thread actions' route: moderators lock and pin threads from the thread page."""

from flask import abort, flash, redirect, url_for
from flask_login import current_user

from app.mod import bp
from app.mod.forms import ThreadActionForm
from app.mod.thread_actions import act_on_thread

DONE_WORDS = {
    "lock": "locked: no new replies",
    "unlock": "unlocked: replies are open again",
    "pin": "pinned to the top of the front page",
    "unpin": "unpinned",
}


@bp.post("/thread/<int:thread_id>")
def thread_action(thread_id: int):
    form = ThreadActionForm()
    if not form.validate_on_submit():
        abort(400, description="That action was not understood. Nothing was changed.")
    action = form.action.data
    try:
        decision = act_on_thread(current_user, thread_id, action, form.note.data)
    except LookupError:
        abort(404)
    if decision is None:
        flash("Nothing was changed: the thread already was as asked.")
    else:
        flash(f"Thread {DONE_WORDS[action]}. The log can undo it (#{decision.id}).")
    return redirect(url_for("forum.show_thread", thread_id=thread_id))
