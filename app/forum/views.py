from flask import (
    abort,
    current_app,
    flash,
    g,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from werkzeug.exceptions import Forbidden

from app.errors import unsent_text
from app.extensions import limiter
from app.forum import bp
from app.forum.authorship import is_author, own_posts, post_with_token, verified_own_posts
from app.forum.cards import post_cards
from app.forum.forms import (
    AddMineForm,
    AppealForm,
    DeleteForm,
    DeleteMineForm,
    EditForm,
    EditReplyForm,
    ReplyForm,
    ReportForm,
    RestoreMineForm,
    SaveMineForm,
    ThreadForm,
)
from app.forum.last_seen import SEEN_COOKIE, SEEN_COOKIE_MAX_AGE, parse_seen, seen_value
from app.forum.listing import (
    BadCursor,
    first_new_post,
    front_page,
    opening_post,
    page_count,
    page_of_post,
    pinned_threads,
    posts_up_to,
    thread_page,
)
from app.forum.mine import own_threads
from app.forum.recovery import NotACode, drop_code, restore, save_tokens, saved_code
from app.forum.reviews import (
    active_ban,
    appeal_of,
    appeal_post,
    banned_for,
    latest_outcome,
    report_post,
)
from app.forum.writing import create_reply, create_thread, delete_post, edit_post
from app.guards import row_id
from app.poster_identity import (
    REPORTING_ADDRESS,
    Poster,
    address_hash,
    current_poster,
    current_poster_key,
    forget_tokens,
    poster_hash,
    poster_limit_key,
    recent_address_hashes,
    remember_token,
    remembered_tokens,
    reporter_hash,
)
from app.reader_cache import cached_for_readers
from app.reader_view import quote_text, reader_body
from app.reasons import DECISION_REASONS
from app.rendering import forget_rendered, render_preview
from models import Post, PostStatus, Role, Thread, db


class PostingBanned(Forbidden):
    """A ban stops this post; the page says which kind and what the person can do."""

    def __init__(self, ban=None):
        super().__init__()
        self.ban = ban


@bp.errorhandler(PostingBanned)
def _posting_banned(error: PostingBanned):
    ban = error.ban
    by_address = ban is not None and ban.poster_hash is None
    return render_template(
        "forum/banned.html",
        by_address=by_address,
        until=ban.expires_at if ban is not None else None,
        # What the moderator chose as the reason, in the words authors see for it.
        reason=DECISION_REASONS.get(ban.reason) if ban is not None and ban.reason else None,
        appeal_post=None if ban is None or by_address else banned_for(ban),
        unsent=unsent_text(),
    ), 403


def _unbanned_poster() -> Poster:
    """The poster of this request, if no ban stops them writing. Checked before
    screening, so a banned poster's text is never stored."""
    poster = current_poster()
    addresses = recent_address_hashes(request.remote_addr)
    ban = active_ban(poster_hash(poster.key), addresses)
    if ban is not None:
        raise PostingBanned(ban)
    return poster


def _refuse_a_banned_browser() -> None:
    """Show the ban, if this browser (its poster key, if it has one) or its connection
    is banned; issues no poster key. The form needs no database: when it cannot be
    asked, the form is shown, and sending it is checked (and refused plainly) then."""
    key = current_poster_key()
    try:
        ban = active_ban(
            poster_hash(key) if key else "", recent_address_hashes(request.remote_addr)
        )
    except (OperationalError, PoolTimeoutError):
        db.session.rollback()
        return
    if ban is not None:
        raise PostingBanned(ban)


def _post_rate_limit() -> str:
    return current_app.config["POST_RATE_LIMIT"]


def _wants_preview() -> bool:
    """The form's Preview button was pressed: the page comes back with the text kept and
    shown as it would be posted; nothing is screened, stored or issued."""
    return request.method == "POST" and "preview" in request.form


# Two limits on writing: one per poster (cookie) and one per address, so dropping the
# cookie does not buy a fresh allowance. A preview writes nothing, so it counts for neither.
limit_posting = limiter.limit(
    _post_rate_limit, key_func=poster_limit_key, methods=["POST"], exempt_when=_wants_preview
)
limit_posting_by_address = limiter.limit(
    _post_rate_limit, methods=["POST"], scope="address", exempt_when=_wants_preview
)


def _remember(post_id: int, token: str) -> None:
    """Keep the token in the browser, and show it once on the next page."""
    remember_token(post_id, token)
    session["new_token"] = {"post_id": post_id, "token": token}


def _verified_token(post) -> str | None:
    """The token this browser's cookie holds for ``post``, only if it matches the stored
    hash: a cookie is a claim, and anyone can write one listing any ids."""
    token = remembered_tokens().get(post.id)
    return token if is_author(post, token) else None


def _after_posting(post):
    if post.status == PostStatus.PUBLISHED:
        return redirect(url_for("forum.show_post", post_id=post.id))
    return redirect(url_for("forum.post_status", post_id=post.id))


def _page_arg(name: str) -> int | None:
    value = request.args.get(name)
    if value is None:
        return None
    number = row_id(value)
    if number is None:
        abort(400, description="That page link is broken. Go back to the first page.")
    return number


def _published_or_404(model, row_id: int):
    """The thread or post readers may reply to or report: any other answers "not found"."""
    row = db.get_or_404(model, row_id)
    if row.status != PostStatus.PUBLISHED:
        abort(404)
    return row


@bp.get("/")
@cached_for_readers
def index():
    try:
        page = front_page(
            current_app.config["THREADS_PER_PAGE"],
            older=request.args.get("older"),
            newer=request.args.get("newer"),
        )
    except BadCursor:
        abort(400, description="That page link is broken. Go back to the first page.")
    first = not request.args.get("older") and not request.args.get("newer")
    return render_template("forum/index.html", page=page, pinned=pinned_threads() if first else [])


@bp.route("/new", methods=["GET", "POST"])
@limit_posting
@limit_posting_by_address
def new_thread():
    form = ThreadForm()
    if form.validate_on_submit():
        if _wants_preview():
            preview = render_preview(form.body.data)
            return render_template("forum/new_thread.html", form=form, preview=preview)
        poster = _unbanned_poster()
        post, token = create_thread(form.title.data, form.body.data, poster)
        _remember(post.id, token)
        return _after_posting(post)
    if not form.is_submitted():
        # A banned browser is told so before it writes anything, not after.
        _refuse_a_banned_browser()
    status = 400 if form.is_submitted() else 200
    return render_template("forum/new_thread.html", form=form), status


class ThreadLocked(Forbidden):
    """A reply to a locked thread: refused with the reason, the words kept on the page."""

    title = "This thread is locked"


def _thread_locked(thread) -> ThreadLocked:
    note = f" Their note: {thread.lock_note}" if thread.lock_note else ""
    return ThreadLocked(
        description="Moderators have locked this thread, so it takes no new replies."
        + note
        + " Your reply was not posted; its words are below if you want to keep them."
    )


def _staff_can_act() -> bool:
    return getattr(current_user, "is_authenticated", False) and current_user.has_role(
        Role.MODERATOR
    )


def _thread_url(thread_id: int, number: int, anchor: str = "") -> str:
    """A thread page's address; page 1 is the thread's own address."""
    url = url_for("forum.show_thread", thread_id=thread_id, page=number if number > 1 else None)
    return f"{url}#{anchor}" if anchor else url


def _render_thread(thread, reply_form, status=200, number: int | None = 1, preview=None):
    """Page ``number`` of the thread (None: its last page); ``preview``, the reply as it
    would look."""
    own = verified_own_posts(remembered_tokens(), thread.id)
    g.shows_own_posts = bool(own)  # such a page is never kept for others (reader_cache)
    page = thread_page(thread, current_app.config["POSTS_PER_PAGE"], number, own)
    # Page 1 starts with the opening post whenever this viewer may see it.
    first = page.items[0] if page.items else None
    if page.number == 1 and first is not None and first.is_opening:
        opening = first
    else:
        opening = opening_post(thread)
    if not opening.is_visible_to_readers and opening.id not in own:
        abort(404)
    if number is not None and number > page.count:
        # A page the thread no longer has (posts hidden or removed since): its end.
        return redirect(_thread_url(thread.id, page.count))
    # "New since your last visit", only in threads this browser has posted in.
    seen = parse_seen(request.cookies.get(SEEN_COOKIE)) if own else {}
    last_seen = seen.get(thread.id)
    new_from = first_new_post(thread, last_seen, own) if last_seen is not None else None
    response = make_response(
        render_template(
            "forum/thread.html",
            thread=thread,
            page=page,
            cards=post_cards(page.items, opening.poster_hash, own),
            own_post_ids=own,
            form=reply_form,
            new_from=new_from,
            new_here=new_from is not None and any(p.id == new_from for p in page.items),
            staff_can_act=_staff_can_act(),
            preview=preview,
        ),
        status,
    )
    if own and page.items:
        now_seen = seen_value(seen, thread.id, page.items[-1].id)
        g.seen_cookie = now_seen  # what the header's "Your posts" link counts from
        response.set_cookie(
            SEEN_COOKIE,
            now_seen,
            max_age=SEEN_COOKIE_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=current_app.config["POSTER_COOKIE_SECURE"],
        )
    return response


@bp.get("/t/<int:thread_id>")
@cached_for_readers
def show_thread(thread_id: int):
    thread = db.get_or_404(Thread, thread_id)
    per_page = current_app.config["POSTS_PER_PAGE"]
    # Links from before page numbers ("after" / "before" a post id): the page that
    # holds the next post, or the one before, as those pages began or ended with it.
    after, before = _page_arg("after"), _page_arg("before")
    if after is not None or before is not None:
        if after is not None:
            number = posts_up_to(thread, after) // per_page + 1
        else:
            number = max(posts_up_to(thread, before - 1) - 1, 0) // per_page + 1 if before else 1
        number = min(number, page_count(thread, per_page))
        return redirect(_thread_url(thread.id, number), 301)
    number = None if request.args.get("last") == "1" else (_page_arg("page") or 1)
    form = ReplyForm()
    quoted = _quotable(row_id(request.args.get("quote")), thread)
    if quoted is not None:
        form.body.data = quote_text(quoted, url_for("forum.show_post", post_id=quoted.id))
    return _render_thread(thread, form, number=number)


def _quotable(post_id: int | None, thread) -> Post | None:
    """The post a reply may quote: published, in this published thread, which takes
    replies. Any other id quotes nothing, so a held or removed post's words never reach
    the reply box."""
    post = db.session.get(Post, post_id) if post_id is not None else None
    if (
        post is None
        or post.thread_id != thread.id
        or post.status != PostStatus.PUBLISHED
        or thread.status != PostStatus.PUBLISHED
        or thread.locked
    ):
        return None
    return post


@bp.get("/p/<int:post_id>/quote")
def quote(post_id: int):
    """Start a reply quoting a post: its thread's page holding it, the reply box filled."""
    post = _published_or_404(Post, post_id)
    if _quotable(post.id, post.thread) is None:
        abort(404)
    number = page_of_post(post, current_app.config["POSTS_PER_PAGE"])
    url = url_for(
        "forum.show_thread",
        thread_id=post.thread_id,
        page=number if number > 1 else None,
        quote=post.id,
    )
    return redirect(f"{url}#reply")


@bp.post("/t/<int:thread_id>/reply")
@limit_posting
@limit_posting_by_address
def reply(thread_id: int):
    thread = _published_or_404(Thread, thread_id)
    if thread.locked:
        raise _thread_locked(thread)
    form = ReplyForm()
    if form.validate_on_submit():
        if _wants_preview():
            return _render_thread(thread, form, number=None, preview=render_preview(form.body.data))
        poster = _unbanned_poster()
        post, token = create_reply(thread, form.body.data, poster)
        _remember(post.id, token)
        return _after_posting(post)
    return _render_thread(thread, form, status=400, number=None)


def _post_url(post) -> str:
    """Where a post is read: its thread's page that holds it, at the post."""
    number = page_of_post(post, current_app.config["POSTS_PER_PAGE"])
    return _thread_url(post.thread_id, number, f"p{post.id}")


@bp.get("/p/<int:post_id>")
def show_post(post_id: int):
    """A post's permanent link: its place in the thread, or its status for its author."""
    post = db.get_or_404(Post, post_id)
    if not post.is_visible_to_readers:
        # Only its author learns that an unseen post exists: to anyone else a held id
        # answers exactly as an id that was never used.
        if _verified_token(post) is None:
            abort(404)
        return redirect(url_for("forum.post_status", post_id=post.id))
    return redirect(_post_url(post))


@bp.get("/p/<int:post_id>/status")
def post_status(post_id: int):
    post = db.get_or_404(Post, post_id)
    token = _verified_token(post)
    is_author = token is not None
    if not is_author and not post.is_visible_to_readers:
        abort(404)
    outcome = latest_outcome(post) if is_author else None
    return render_template(
        "forum/post_status.html",
        post=post,
        is_author=is_author,
        outcome=outcome,
        reasons=DECISION_REASONS,
        appeal=appeal_of(post) if is_author else None,
        appeal_form=_author_form(AppealForm, token) if is_author else None,
    )


def _author_form(form_class, remembered: str | None, **defaults):
    form = form_class(**defaults)
    if not form.is_submitted() and remembered:
        form.token.data = remembered
    return form


def _author_post(post_id: int):
    """The post an author page is about, and the token this browser verifiably holds.
    A post readers cannot see does not exist for anyone else: not its text, not its
    thread's title, not even its edit page. On a POST, a token typed in (from another
    device) proves authorship as well as the cookie does."""
    post = db.get_or_404(Post, post_id)
    token = _verified_token(post)
    if token is None and not post.is_visible_to_readers:
        typed = request.form.get("token", "") if request.method == "POST" else ""
        if not is_author(post, typed):
            abort(404)
    return post, token


def _refused(form) -> None:
    form.token.errors = [
        "That token does not match this post. Check you copied all of it, "
        "or use the browser you posted from."
    ]


def _delete(post) -> None:
    """Delete the post, and drop its words, as written and as readers saw them (masked),
    from this worker's rendered-text memos (other workers' copies expire on their own:
    see app/text_memo.py). Its card and cached pages went as the delete committed
    (app/shared_cache.py)."""
    shown = reader_body(post)
    forget_rendered(shown, *delete_post(post))


@bp.route("/p/<int:post_id>/edit", methods=["GET", "POST"])
@limit_posting
@limit_posting_by_address
def edit(post_id: int):
    post, token = _author_post(post_id)
    if post.status == PostStatus.DELETED:
        abort(410, description="This post was deleted by its author.")
    if token is not None:
        # An edit still waiting for a moderator is the author's latest draft.
        body = post.pending_body if post.pending_body is not None else post.body
        title = post.pending_title or post.thread.title
    else:
        body, title = reader_body(post), post.thread.title  # only what every reader sees
    if post.is_opening:
        form = _author_form(EditForm, token, title=title, body=body)
    else:
        form = _author_form(EditReplyForm, token, body=body)
    page = {"form": form, "post": post, "is_author": token is not None}
    if form.validate_on_submit():
        if not is_author(post, form.token.data):
            _refused(form)
            return render_template("forum/edit.html", **page), 403
        if _wants_preview():
            preview = render_preview(form.body.data)
            return render_template("forum/edit.html", **page, preview=preview)
        _unbanned_poster()
        title = form.title.data if post.is_opening else None
        edit_post(post, form.body.data, title)
        if post.pending_body is not None:
            flash("Your edit is saved and waits for a moderator; the earlier version stays up.")
        else:
            flash("Your changes are saved.")
        return _after_posting(post)
    status = 400 if form.is_submitted() else 200
    return render_template("forum/edit.html", **page), status


@bp.route("/p/<int:post_id>/delete", methods=["GET", "POST"])
@limit_posting
@limit_posting_by_address
def delete(post_id: int):
    post, token = _author_post(post_id)
    if post.status == PostStatus.DELETED:
        abort(410, description="This post was already deleted.")
    form = _author_form(DeleteForm, token)
    page = {"form": form, "post": post, "is_author": token is not None}
    if form.validate_on_submit():
        if not is_author(post, form.token.data):
            _refused(form)
            return render_template("forum/delete.html", **page), 403
        _delete(post)
        forget_tokens([post.id])
        flash("Your post is deleted. Replies to it keep their place in the thread.")
        return redirect(url_for("forum.show_thread", thread_id=post.thread_id))
    status = 400 if form.is_submitted() else 200
    return render_template("forum/delete.html", **page), status


@bp.route("/mine", methods=["GET", "POST"])
@limit_posting
@limit_posting_by_address
def delete_mine():
    """Every post this browser holds a token for, what became of each, and one button
    that deletes them all. Only the posts listed on the page the person saw go (the form
    names them), and only those whose tokens still verify. The recovery code this
    browser saved goes with them."""
    posts = own_posts(remembered_tokens())
    form = DeleteMineForm()
    if form.validate_on_submit() and "confirm" in request.form:
        listed = set(request.form.getlist("post_id"))
        gone = [post for post in posts if str(post.id) in listed]
        for post in gone:
            _delete(post)
        forget_tokens([post.id for post in gone])
        drop_code(current_poster_key())
        flash(f"Deleted {len(gone)} post{'s' if len(gone) != 1 else ''} from this browser.")
        return redirect(url_for("forum.delete_mine"))
    status = 400 if form.is_submitted() else 200
    return _render_mine(posts, status, form=form)


def _render_mine(posts, status=200, **forms):
    """The /mine page; ``forms`` replaces the blank forms with the one just sent."""
    tokens = remembered_tokens()
    page = {
        "posts": posts,
        "threads": own_threads(tokens, parse_seen(request.cookies.get(SEEN_COOKIE))),
        "saved": saved_code(current_poster_key()),
        "form": DeleteMineForm(formdata=None),
        "add_form": AddMineForm(formdata=None),
        "save_form": SaveMineForm(formdata=None),
        "restore_form": RestoreMineForm(formdata=None),
        "new_code": None,
        **forms,
    }
    response = make_response(render_template("forum/mine.html", **page), status)
    if page["new_code"]:
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/add-token")
@limit_posting
@limit_posting_by_address
def add_mine():
    """Remember a post made on another device in this browser, by its saved token."""
    add_form = AddMineForm()
    posts = own_posts(remembered_tokens())
    if not add_form.validate_on_submit():
        return _render_mine(posts, 400, add_form=add_form)
    post = post_with_token(add_form.token.data)
    if post is None:
        add_form.token.errors = [
            "No post of yours has that token. Check you copied all of it; a deleted "
            "post's token no longer works."
        ]
        return _render_mine(posts, 403, add_form=add_form)
    remember_token(post.id, add_form.token.data)
    flash("This browser now holds the token for that post: you can edit or delete it here.")
    return redirect(url_for("forum.delete_mine"))


@bp.post("/save-code")
@limit_posting
@limit_posting_by_address
def save_mine():
    """Seal this browser's tokens under a new recovery code, shown on this page once."""
    save_form = SaveMineForm()
    posts = own_posts(remembered_tokens())
    if not save_form.validate_on_submit():
        return _render_mine(posts, 400, save_form=save_form)
    saved = save_tokens(current_poster().key, remembered_tokens())
    if saved is None:
        flash("This browser holds no post to save.")
        return redirect(url_for("forum.delete_mine"))
    g.shows_secret = True
    return _render_mine(posts, 200, new_code=saved[0])


def _restore_rate_limit() -> str:
    return current_app.config["RESTORE_RATE_LIMIT"]


@bp.post("/restore-code")
@limiter.limit(_restore_rate_limit, methods=["POST"], scope="restore")
def restore_mine():
    """Give this browser the tokens a recovery code made on another device holds."""
    restore_form = RestoreMineForm()
    posts = own_posts(remembered_tokens())
    if not restore_form.validate_on_submit():
        return _render_mine(posts, 400, restore_form=restore_form)
    try:
        restored = restore(restore_form.code.data)
    except NotACode:
        restore_form.code.errors = [
            "That is not a recovery code: it has 25 letters and digits, in five groups "
            "of five. Check you copied all of it."
        ]
        return _render_mine(posts, 400, restore_form=restore_form)
    if restored is None:
        restore_form.code.errors = [
            "No saved posts have that code. Check it letter by letter; a code stops "
            "working when its browser saves a new one or deletes everything."
        ]
        return _render_mine(posts, 404, restore_form=restore_form)
    for post_id, token in restored.tokens.items():
        remember_token(post_id, token)
    count = len(restored.tokens)
    if count:
        flash(f"This browser now holds your {count} post{'s' if count != 1 else ''}.")
    else:
        flash("Every post that code saved has been deleted since: nothing to add.")
    return redirect(url_for("forum.delete_mine"))


@bp.route("/p/<int:post_id>/report", methods=["GET", "POST"])
@limit_posting
@limit_posting_by_address
def report(post_id: int):
    post = _published_or_404(Post, post_id)
    form = ReportForm()
    if form.validate_on_submit():
        poster = _unbanned_poster()
        recorded = report_post(
            post,
            reporter_hash(poster.key),
            address_hash(request.remote_addr, REPORTING_ADDRESS),
            form.reason.data,
            form.details.data or "",
            current_app.config["REPORT_HIDE_THRESHOLD"],
        )
        if not recorded:
            flash("You have already reported this post. A moderator will look at it.")
        elif post.is_visible_to_readers:
            flash("Thank you. A moderator will look at this post.")
        else:
            flash("Thank you. This post is hidden until a moderator looks at it.")
        return redirect(_after_report(post))
    status = 400 if form.is_submitted() else 200
    return render_template("forum/report.html", form=form, post=post), status


def _after_report(post) -> str:
    """Back to where the reader was: the post in its thread; if the report hid it, the
    page where it was; if that hid the whole thread (its opening post), the front page."""
    if post.is_visible_to_readers:
        return _post_url(post)
    if post.is_opening:
        return url_for("forum.index")
    return _thread_url(post.thread_id, page_of_post(post, current_app.config["POSTS_PER_PAGE"]))


@bp.post("/p/<int:post_id>/appeal")
@limit_posting
@limit_posting_by_address
def appeal(post_id: int):
    post = db.get_or_404(Post, post_id)
    form = AppealForm()
    if not form.validate_on_submit():
        abort(400, description="Write a few words for the moderators, then send it again.")
    if not is_author(post, form.token.data):
        abort(
            403,
            description="That token does not match this post. Send the appeal from "
            "the browser you posted from.",
        )
    if not appeal_post(post, form.message.data):
        abort(409, description="This post cannot be appealed (again).")
    flash("Your appeal is sent. A moderator will look at your post again.")
    return redirect(url_for("forum.post_status", post_id=post.id))
