from flask import abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_login import current_user

from app.audit import recent_events
from app.guards import row_id
from app.mod import bp, campaigns, decisions
from app.mod.check_ins import care_posts, mark_care_seen
from app.mod.decision_log import log_page, moderator_names, undo_effects
from app.mod.forms import (
    ADDRESS_BAN_HOURS,
    BAN_DAYS,
    LOG_ACTIONS,
    CampaignForm,
    CareSeenForm,
    DecisionForm,
    ReverseForm,
)
from app.mod.poster_history import poster_history
from app.mod.queue import (
    QUEUE_SORTS,
    QUEUE_VIEWS,
    claim,
    current_claims,
    queue_counts,
    queue_marks,
    queue_page,
    view_counts,
)
from app.mod.queue_entries import queue_entries_html, queue_version
from app.reasons import DECISION_REASONS, REPORT_REASONS
from models import Decision, DecisionAction, Post, db, utcnow

MAX_IDS = 1000
# What the queue forms send when Enter, not an action button, submits them.
NO_ACTION = "none"
DONE_WORDS = {
    "approve": "approved",
    "reject": "rejected as spam",
    "remove": "removed",
    "ban": "removed and their posters banned",
}
# The same for one post: "1 post removed and its poster banned".
DONE_WORDS_ONE = {**DONE_WORDS, "ban": "removed and its poster banned"}


def done_words(action: str, count: int) -> str:
    return (DONE_WORDS_ONE if count == 1 else DONE_WORDS)[action]


def _left_as_they_were(skipped: int) -> str:
    if skipped == 1:
        return " 1 had already been decided and was left as it was."
    return f" {skipped} had already been decided and were left as they were."


# What a confirmation asks and its button says, with the number of posts.
ASK_WORDS = {
    "approve": "Approve",
    "reject": "Reject as spam",
    "remove": "Remove",
    "ban": "Ban the posters of",
}
# The bulk form sends confirmed=no: its decision waits for a confirmation (a page, or
# mod.js's dialog showing that page), whose own form sends confirmed=yes.
ASK_FIRST = "no"


@bp.app_context_processor
def _staff_counts():
    """The queue counts in the header of every page a moderator sees."""
    if getattr(current_user, "is_authenticated", False):
        return {"staff_counts": queue_counts(g.get("queue_waiting"))}
    return {}


def _int_arg(name: str, default: int | None = None) -> int | None:
    value = request.args.get(name)
    if value is None or value == "":
        return default
    number = row_id(value)
    if number is None or number < 1:
        abort(400, description="That page link is broken.")
    return number


def _post_ids() -> list[int]:
    raw = request.form.getlist("post_id")
    if not raw:
        abort(400, description="Tick at least one post first.")
    ids = [row_id(value) for value in raw[: MAX_IDS + 1]]
    if len(raw) > MAX_IDS or None in ids:
        abort(400, description="That list of posts was not made by this page.")
    return ids


def _queue_place() -> dict:
    """Where in the queue the form was sent from (sort, filter, page), checked."""
    sort = request.form.get("sort")
    view = request.form.get("view")
    page = row_id(request.form.get("page")) or 0
    return {
        "sort": sort if sort in QUEUE_SORTS and sort != "score" else None,
        "view": view if view in QUEUE_VIEWS and view != "all" else None,
        "page": page if 1 < page < 10**6 else None,
    }


def _back_to_queue():
    return redirect(url_for("mod.queue", **_queue_place()))


@bp.get("/")
def home():
    return redirect(url_for("mod.queue"))


@bp.get("/queue")
def queue():
    sort = request.args.get("sort", "score")
    if sort not in QUEUE_SORTS:
        abort(400, description="The queue sorts by score or by age.")
    view = request.args.get("view", "all")
    if view not in QUEUE_VIEWS:
        abort(400, description="The queue filters by held, reported, appeals, edits or care.")
    version = queue_version()  # before anything it versions is read
    seen, last_decision = queue_marks(current_user)  # before the posts: later is news
    counts = view_counts()
    g.queue_waiting = counts["all"]  # for the staff bar
    page_size = current_app.config["MOD_QUEUE_PAGE_SIZE"]
    page = queue_page(sort, _int_arg("page", 1), page_size, view, counts[view])
    settings = {
        "report_reasons": REPORT_REASONS,
        "decision_reasons": DECISION_REASONS,
        "address_ban_hours": ADDRESS_BAN_HOURS,
        "ban_days": BAN_DAYS,
    }
    entries = queue_entries_html(
        page,
        version,
        current_claims(page.post_ids),
        current_user.id,
        {"sort": sort, "view": view, "page": page.page, "seen": seen},
        settings,
    )
    return render_template(
        "mod/queue.html",
        queue=page,
        entries=entries,
        sort=sort,
        view=view,
        views=QUEUE_VIEWS,
        counts=counts,
        seen=seen,
        last_decision=last_decision,
        **settings,
    )


@bp.get("/queue/claims")
def claims():
    """Who else is looking at which of these posts, for mod.js to keep the page fresh."""
    raw = (request.args.get("ids") or "").split(",")
    ids = [row_id(value) for value in raw[: MAX_IDS + 1]]
    if len(raw) > MAX_IDS or None in ids:
        abort(400, description="That list of posts was not made by this page.")
    return {
        str(post_id): {"name": name, "since": since.isoformat() + "Z"}
        for post_id, (staff_id, name, since) in current_claims(ids).items()
        if staff_id != current_user.id
    }


@bp.post("/queue/<int:post_id>/claim")
def claim_post(post_id: int):
    """mod.js says this moderator opened (moved to) a post: the others see it."""
    if not claim(current_user, post_id):
        return {"claimed": False}, 404
    return {"claimed": True}


@bp.post("/decide")
def decide():
    if request.form.get("action") == NO_ACTION:  # Enter, not a click on an action
        if request.form.getlist("post_id"):
            _post_ids()  # a list no page of ours makes is refused all the same
        flash("Nothing was changed: Enter does not act here. Press the button you mean.")
        return _back_to_queue()
    form = DecisionForm()
    if not form.validate_on_submit():
        abort(400, description="That action was not understood. Nothing was changed.")
    post_ids = _post_ids()
    action = form.action.data
    if request.form.get("confirmed") == ASK_FIRST:
        return _confirm_decision(form, post_ids)
    outcome = decisions.decide(
        current_user,
        post_ids,
        action,
        form.note.data,
        form.reason.data or None,
        address_ban=form.address_ban if action == "ban" else None,
        poster_ban=form.poster_ban if action == "ban" else None,
        seen_up_to=row_id(request.form.get("seen")),
    )
    message = ""
    if outcome.decided or not outcome.already_decided:
        message = f"{outcome.decided} post{'s' if outcome.decided != 1 else ''} "
        message += done_words(action, outcome.decided) + "."
    for post_id, (name, their_action) in outcome.already_decided.items():
        message += (
            f" Post #{post_id} was already decided by {name} ({done_words(their_action, 1)})"
            " since you opened the page: nothing was changed for it."
        )
    if outcome.skipped:
        message += _left_as_they_were(outcome.skipped)
    flash(message.strip() + _ban_words(outcome) + _paused_words(outcome))
    return _back_to_queue()


def _ban_words(outcome: decisions.Outcome) -> str:
    if not outcome.banned:
        return ""
    if outcome.banned_until is None:
        return " The ban lasts until a moderator lifts it."
    return f" The ban ends {outcome.banned_until:%d %b %Y %H:%M} UTC."


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def _confirm_decision(form: DecisionForm, post_ids: list[int]):
    """The question before a bulk decision: which posts, what will happen to them."""
    posts = list(
        db.session.execute(
            db.select(Post).where(Post.id.in_(post_ids), Post.awaiting_review).order_by(Post.id)
        ).scalars()
    )
    count = len(posts)
    noun = f"{count} post{'s' if count != 1 else ''}"
    action = form.action.data
    ask = "Ban the poster of" if action == "ban" and count == 1 else ASK_WORDS[action]
    return render_template(
        "mod/confirm.html",
        question=f"{ask} {noun}?",
        button=f"{ask} {noun}",
        action=action,
        posts=posts,
        gone=len(set(post_ids)) - count,
        reason=form.reason.data or "",
        note=form.note.data or "",
        ban_for=form.ban_for.data or "permanent",
        ban_words=BAN_DAYS[form.ban_for.data or "permanent"],
        ban_address=action == "ban" and form.ban_address.data,
        address_hours=form.address_hours.data or "",
        address_ban_words=ADDRESS_BAN_HOURS.get(form.address_hours.data or "24"),
        seen=row_id(request.form.get("seen")),
        place=_queue_place(),
        back=url_for("mod.queue", **_queue_place()),
    )


def _paused_words(outcome: decisions.Outcome) -> str:
    words = ""
    if outcome.paused:
        until = outcome.paused_until
        words += f" New posts from their connection are paused until {until:%d %b %H:%M} UTC."
    if outcome.too_old_to_pause:
        words += (
            f" {outcome.too_old_to_pause} connection(s) could not be paused: Mend no longer"
            " keeps where those posts came from."
        )
    return words


@bp.get("/posts/<int:post_id>/history")
def history(post_id: int):
    try:
        found = poster_history(post_id)
    except LookupError:
        abort(404)
    return render_template(
        "mod/poster_history.html",
        history=found,
        decision_reasons=DECISION_REASONS,
        now=utcnow(),
    )


def _campaign_seed(contact: str | None, post: str | None) -> campaigns.Seed:
    """Where a campaign starts, from a link or a form: a contact or a post id."""
    if contact:
        parsed = campaigns.parse_contact(contact)
        if parsed is not None and not post:
            return campaigns.Seed(contact=parsed)
    elif post and (post_id := row_id(post)) is not None and post_id > 0:
        return campaigns.Seed(post_id=post_id)
    abort(400, description="That campaign link is broken.")


def _render_campaign(campaign: campaigns.Campaign, form: CampaignForm):
    return render_template(
        "mod/campaign.html",
        campaign=campaign,
        form=form,
        address_ban_hours=ADDRESS_BAN_HOURS,
        ban_days=BAN_DAYS,
    )


@bp.get("/campaign")
def campaign():
    seed = _campaign_seed(request.args.get("contact"), request.args.get("post"))
    found = campaigns.find_campaign(seed)
    if seed.post_id is not None and not found.posts:
        abort(404)
    return _render_campaign(found, CampaignForm(formdata=None, **seed.query))


def _campaign_plan() -> tuple[CampaignForm, campaigns.Campaign, campaigns.Plan]:
    """The campaign a form names and the plan for its ticked posts, or a 400."""
    form = CampaignForm()
    if not form.validate_on_submit():
        abort(400, description="That action was not understood. Nothing was changed.")
    seed = _campaign_seed(form.contact.data, form.post.data)
    found = campaigns.find_campaign(seed)
    try:
        plan = campaigns.plan_action(found, _post_ids())
    except campaigns.NotInCampaign:
        abort(400, description="That list of posts was not made by this page.")
    return form, found, plan


def _render_confirmation(form, found, plan, changed: bool = False):
    return render_template(
        "mod/campaign_confirm.html",
        campaign=found,
        plan=plan,
        form=form,
        changed=changed,
        ban_words=BAN_DAYS[form.ban_for.data or "permanent"],
        address_hours=ADDRESS_BAN_HOURS.get(form.address_hours.data or "24"),
    )


@bp.post("/campaign/confirm")
def confirm_campaign():
    """What acting on the ticked posts would change, shown before anything changes."""
    form, found, plan = _campaign_plan()
    return _render_confirmation(form, found, plan)


@bp.post("/campaign")
def reject_campaign():
    form, found, plan = _campaign_plan()
    if form.check.data != plan.check:
        # The posts changed since the moderator confirmed: show what would happen now.
        return _render_confirmation(form, found, plan, changed=True), 409
    outcome = campaigns.reject_campaign(
        current_user, plan, form.note.data, form.address_ban, form.poster_ban
    )
    message = (
        f"Campaign: {_count(outcome.decided, 'post')} rejected, "
        f"{_count(outcome.banned, 'poster')} banned"
    )
    if plan.appeals:
        message += f", {_count(plan.appeals, 'open appeal')} refused"
    message += "."
    if plan.untouched:
        untouched = len(plan.untouched)
        message += f" {_count(untouched, 'post')} left unticked, "
        message += "as it was." if untouched == 1 else "as they were."
    if outcome.skipped:
        message += _left_as_they_were(outcome.skipped)
    flash(message + _ban_words(outcome) + _paused_words(outcome))
    return redirect(url_for("mod.queue"))


@bp.get("/check-in")
def check_in():
    posts = care_posts(current_app.config["MOD_QUEUE_PAGE_SIZE"])
    return render_template("mod/check_in.html", posts=posts, form=CareSeenForm())


@bp.post("/check-in/seen")
def care_seen():
    form = CareSeenForm()
    if not form.validate_on_submit():
        abort(400, description="That action was not understood. Nothing was changed.")
    count = mark_care_seen(current_user, _post_ids(), form.note.data)
    flash(f"{count} post{'s' if count != 1 else ''} marked as seen.")
    return redirect(url_for("mod.check_in"))


@bp.get("/log")
def log():
    moderator = request.args.get("moderator") or None
    action = request.args.get("action") or None
    if action is not None and action not in LOG_ACTIONS:
        abort(400, description="There is no such action.")
    if moderator is not None and len(moderator) > 64:
        abort(400, description="There is no such moderator.")
    before = _int_arg("before")
    page = log_page(current_app.config["MOD_LOG_PAGE_SIZE"], moderator, action, before)
    return render_template(
        "mod/log.html",
        page=page,
        moderator=moderator,
        action=action,
        actions=LOG_ACTIONS,
        moderators=moderator_names(),
        form=ReverseForm(),
        decision_reasons=DECISION_REASONS,
        admin_events=recent_events() if before is None else [],
    )


@bp.post("/log/<int:decision_id>/reverse")
def reverse(decision_id: int):
    form = ReverseForm()
    if not form.validate_on_submit():
        abort(400, description="That action was not understood. Nothing was changed.")
    try:
        decisions.reverse(current_user, decision_id, form.note.data)
    except LookupError:
        abort(404)
    except decisions.NotReversible:
        abort(409, description="That decision has already been undone, or is itself an undo.")
    flash(f"Decision #{decision_id} is undone.")
    back = request.form.get("back")
    if back in ("queue", "log"):  # from the confirmation page
        return redirect(url_for(f"mod.{back}"))
    return redirect(request.referrer if _same_site(request.referrer) else url_for("mod.log"))


@bp.get("/log/<int:decision_id>/undo")
def confirm_undo(decision_id: int):
    """What undoing a decision will change, and the button that does it."""
    decision = db.session.get(Decision, decision_id)
    if decision is None:
        abort(404)
    if decision.action == DecisionAction.REVERSE or decision.reversed_by_id is not None:
        abort(409, description="That decision has already been undone, or is itself an undo.")
    return render_template(
        "mod/undo.html",
        decision=decision,
        effects=undo_effects(decision),
        form=ReverseForm(),
        back="queue" if request.args.get("back") == "queue" else "log",
    )


def _same_site(url: str | None) -> bool:
    return bool(url) and url.startswith(request.host_url + "mod/log")
