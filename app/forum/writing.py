"""What authors write: new threads and replies, edits and deletes."""

from app.forum.reviews import has_open_reports
from app.live_screener import screen_post
from app.post_contacts import (
    refresh_contacts,
    screened_text,
    store_contacts,
    store_wording,
    wording_of,
)
from app.poster_identity import (
    Poster,
    new_edit_token,
    poster_hash,
    pseudonym_candidate,
    token_hash,
)
from app.reader_view import fit_masks, keep_published_masks
from models import Appeal, Decision, Post, PostStatus, Report, Thread, db, utcnow

ACTION_TO_STATUS = {
    "publish": PostStatus.PUBLISHED,
    "hold": PostStatus.HELD,
    "reject": PostStatus.REMOVED,
}
# What a thread is called once its opening post is deleted: the title was its words too.
DELETED_TITLE = "[deleted by author]"


def _pseudonym_for(thread_id: int, poster: Poster, hashed_poster: str) -> str:
    known = db.session.execute(
        db.select(Post.pseudonym)
        .where(Post.thread_id == thread_id, Post.poster_hash == hashed_poster)
        .limit(1)
    ).scalar()
    if known:
        return known
    taken = set(
        db.session.execute(
            db.select(Post.pseudonym).where(Post.thread_id == thread_id).distinct()
        ).scalars()
    )
    attempt = 0
    while (name := pseudonym_candidate(thread_id, poster.key, attempt)) in taken:
        attempt += 1
    return name


def _new_post(
    thread: Thread,
    body: str,
    verdict,
    wording: list[int],
    poster: Poster,
    is_opening: bool = False,
) -> tuple[Post, str]:
    """A post built from a screening verdict made before any write."""
    token = new_edit_token()
    hashed_poster = poster_hash(poster.key)
    post = Post(
        thread=thread,
        is_opening=is_opening,
        body=body,
        pseudonym=_pseudonym_for(thread.id, poster, hashed_poster),
        poster_hash=hashed_poster,
        address_hash=poster.address_hash,
        edit_token_hash=token_hash(token),
        score=verdict.score,
        verdict=verdict.to_dict(),
        care=verdict.care,
    )
    status = ACTION_TO_STATUS[verdict.action]
    post.set_status(status, awaiting_review=status != PostStatus.PUBLISHED)
    store_contacts(post, verdict.contacts)
    store_wording(post, wording)
    return post, token


def create_thread(title: str, body: str, poster: Poster) -> tuple[Post, str]:
    """Start a thread. Returns its opening post and the author's private token."""
    # Screened first: no write transaction is open (holding SQLite's one write lock, or
    # PostgreSQL's locks) while the screener works.
    text = screened_text(True, body, title)
    verdict, wording = fit_masks(screen_post(text), body, title), wording_of(text)
    now = utcnow()
    thread = Thread(title=title, created_at=now, last_activity_at=now)
    db.session.add(thread)
    db.session.flush()  # the pseudonym is keyed on the thread's id
    post, token = _new_post(thread, body, verdict, wording, poster, is_opening=True)
    post.created_at = now
    db.session.add(post)
    db.session.commit()
    return post, token


def create_reply(thread: Thread, body: str, poster: Poster) -> tuple[Post, str]:
    # Before any write, as for a thread.
    verdict, wording = fit_masks(screen_post(body), body, None), wording_of(body)
    post, token = _new_post(thread, body, verdict, wording, poster)
    db.session.add(post)
    db.session.flush()
    thread.refresh_stats()
    db.session.commit()
    return post, token


def edit_post(post: Post, body: str, title: str | None = None) -> Post:
    """Replace a post's text; the new text is screened like a new post.

    An edit of a published post that screening would hold waits beside it: readers
    keep seeing the published version until a moderator approves the edit. A post a
    moderator did not publish goes back to the queue whatever its new score.
    """
    thread = post.thread
    new_title = title if post.is_opening and title is not None else thread.title
    # Screened before the post is changed, so nothing is flushed while it runs.
    text = screened_text(post.is_opening, body, new_title)
    verdict = fit_masks(screen_post(text), body, new_title if post.is_opening else None)
    wording = wording_of(text)
    screened_status = ACTION_TO_STATUS[verdict.action]
    staged = post.status in (PostStatus.PUBLISHED, PostStatus.HIDDEN) and (
        screened_status != PostStatus.PUBLISHED
    )
    if staged:
        verdict = keep_published_masks(verdict, post)
    post.edited_at = utcnow()
    post.score = verdict.score
    post.verdict = verdict.to_dict()
    post.care = verdict.care
    if staged:
        post.stage_edit(body, new_title)
        refresh_contacts(post)
        db.session.commit()
        return post
    store_contacts(post, verdict.contacts)
    store_wording(post, wording)
    post.apply_edit(body, new_title)
    if post.status == PostStatus.REMOVED:
        status = PostStatus.HELD  # resubmitted: a person looks again
    elif post.status == PostStatus.HIDDEN:  # reported posts stay hidden until reviewed
        status = PostStatus.HIDDEN
    else:
        status = screened_status
    post.set_status(
        status, awaiting_review=status != PostStatus.PUBLISHED or has_open_reports(post)
    )
    thread.refresh_stats()
    db.session.commit()
    return post


def delete_post(post: Post) -> list[str]:
    """The author's own delete: the words go from everywhere Mend keeps them; a
    placeholder stays in the thread so the replies keep their context.

    Gone: the text and any edit waiting, an opening post's thread title, the screener's
    verdict (it quotes what it matched), the contacts found and the fingerprint of its
    wording, the text each moderator decision kept (so it is no longer training data),
    moderators' notes on it, readers' report details and the author's appeal message.
    Kept: that the post existed, where, when, and what moderators decided (action,
    reason, who, when).

    Returns the texts that were shown, for the caller to drop from its caches.
    """
    snapshots = db.session.execute(
        db.select(Decision.previous_body, Decision.pending_body).where(Decision.post_id == post.id)
    ).all()
    shown = [post.body, post.pending_body, *(text for row in snapshots for text in row)]
    post.set_status(PostStatus.DELETED, awaiting_review=False)
    post.body = ""
    post.pending_body = post.pending_title = None
    post.verdict = None
    post.label = None  # a deleted post is no one's training example
    post.edited_at = utcnow()
    post.contacts.clear()
    post.wordings.clear()  # the fingerprint of its words goes with them
    if post.is_opening:
        post.thread.title = DELETED_TITLE
    db.session.execute(
        db.update(Decision)
        .where(Decision.post_id == post.id)
        .values(text=None, previous_body=None, pending_body=None, note=None)
    )
    db.session.execute(db.update(Report).where(Report.post_id == post.id).values(details=""))
    db.session.execute(db.update(Appeal).where(Appeal.post_id == post.id).values(message=""))
    post.thread.refresh_stats()
    db.session.commit()
    return [text for text in shown if text]
