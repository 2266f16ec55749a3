"""A post's text as the screener reads it, and what links it to a campaign: the contacts
found in it and its wording's fingerprint. Shared by the forum (posting, editing) and
the moderators (decisions on waiting edits)."""

import logging

from models import Post, PostContact, PostStatus, PostWording, db
from moderation import normalize
from moderation.near_duplicates import fingerprint, fingerprint_of_shingles, shingles

log = logging.getLogger(__name__)
CONTACT_VALUE_MAX = 255


def screened_text(is_opening: bool, body: str, title: str | None) -> str:
    """A post's text as the screener reads it: an opening post with its thread's title."""
    return f"{title}\n\n{body}" if is_opening and title else body


def store_contacts(post: Post, contacts: list[str]) -> None:
    """Index the contacts the screener found ("email:x@example.com") so one query finds
    every post of a campaign. Keeps rows that stay, so the unique key never clashes."""
    wanted = set()
    for contact in contacts:
        kind, sep, value = contact.partition(":")
        if sep and kind and value:
            wanted.add((kind[:16], value[:CONTACT_VALUE_MAX]))
    for row in list(post.contacts):
        if (row.kind, row.value) in wanted:
            wanted.discard((row.kind, row.value))
        else:
            post.contacts.remove(row)
    for kind, value in sorted(wanted):
        post.contacts.append(PostContact(kind=kind, value=value))


def wording_of(text: str) -> list[int]:
    """The fingerprint of a text's wording (no write: computed beside the verdict, before
    a post's transaction begins); ``[]`` if it cannot be read."""
    try:
        return fingerprint(text)
    except Exception:  # noqa: BLE001 - as in screening, a text must never fail a request
        log.exception("could not fingerprint post text")
        return []


def store_wording(post: Post, keys: list[int] | set[int]) -> None:
    """Index the band keys of the post's wording; keeps rows that stay."""
    wanted = set(keys)
    for row in list(post.wordings):
        if row.band_key in wanted:
            wanted.discard(row.band_key)
        else:
            post.wordings.remove(row)
    for key in sorted(wanted):
        post.wordings.append(PostWording(band_key=key))


def _links_in(text: str) -> tuple[list[str], list[int]]:
    """The contacts the screener would find in ``text`` (its own normaliser, so the
    same canonical form) and its wording's band keys, without scoring it again."""
    try:
        normalized = normalize(text)
        keys = fingerprint_of_shingles(shingles(normalized.redacted))
        return [str(contact) for contact in normalized.contacts], keys
    except Exception:  # noqa: BLE001 - as in screening, a text must never fail a request
        log.exception("could not read the contacts of post text")
        return [], []


def refresh_contacts(post: Post) -> None:
    """Index the contacts and the wording of the text the post shows and of any edit
    waiting beside it.

    While an edit waits, readers still see the published text: a campaign search must
    find the post by what is shown as well as by what is waiting. Call after the post's
    texts change (an edit held, an edit approved or refused, such a decision undone).
    """
    texts = [screened_text(post.is_opening, post.body, post.thread.title)]
    if post.pending_body is not None:
        texts.append(screened_text(post.is_opening, post.pending_body, post.pending_title))
    links = [_links_in(text) for text in texts]
    store_contacts(post, [contact for contacts, _ in links for contact in contacts])
    store_wording(post, {key for _, keys in links for key in keys})


def backfill_wording(batch_size: int = 500, everything: bool = False) -> tuple[int, int]:
    """Give posts written before wording fingerprints existed (migration 0010) theirs.

    Posts are read in id order, ``batch_size`` at a time, each batch committed on its
    own, so a large forum is filled without one long transaction and a run stopped
    half-way keeps what it did. Only posts without a fingerprint are read, unless
    ``everything``: then every post's contacts and wording are read again, as they
    would be today (after the normaliser changes how it spells a contact). Deleted
    posts are left alone: their words are gone. Running it twice changes nothing the
    second time. Returns (posts read, posts given band keys)."""
    read = filled = 0
    after = 0
    while True:
        query = db.select(Post).where(Post.id > after, Post.status != PostStatus.DELETED)
        if not everything:
            has_wording = db.select(PostWording.post_id).where(PostWording.post_id == Post.id)
            query = query.where(~has_wording.exists())
        posts = db.session.execute(query.order_by(Post.id).limit(batch_size)).scalars().all()
        if not posts:
            return read, filled
        for post in posts:
            had = {row.band_key for row in post.wordings}
            if everything:
                refresh_contacts(post)
            else:
                texts = [screened_text(post.is_opening, post.body, post.thread.title)]
                if post.pending_body is not None:
                    texts.append(
                        screened_text(post.is_opening, post.pending_body, post.pending_title)
                    )
                store_wording(post, {key for text in texts for key in wording_of(text)})
            read += 1
            filled += bool(post.wordings) and {row.band_key for row in post.wordings} != had
        after = posts[-1].id
        db.session.commit()
