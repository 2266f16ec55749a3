"""A post's text as the screener reads it, and the contacts found in it: shared by the
forum (posting, editing) and the moderators (decisions on waiting edits)."""

import logging

from models import Post, PostContact
from moderation import normalize

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


def _contacts_in(text: str) -> list[str]:
    """The contacts the screener would find in ``text`` (its own normaliser, so the
    same canonical form), without scoring it again."""
    try:
        return [str(contact) for contact in normalize(text).contacts]
    except Exception:  # noqa: BLE001 - as in screening, a text must never fail a request
        log.exception("could not read the contacts of post text")
        return []


def refresh_contacts(post: Post) -> None:
    """Index the contacts of the text the post shows and of any edit waiting beside it.

    While an edit waits, readers still see the published text: a campaign search must
    find the post by what is shown as well as by what is waiting. Call after the post's
    texts change (an edit held, an edit approved or refused, such a decision undone).
    """
    texts = [screened_text(post.is_opening, post.body, post.thread.title)]
    if post.pending_body is not None:
        texts.append(screened_text(post.is_opening, post.pending_body, post.pending_title))
    store_contacts(post, [contact for text in texts for contact in _contacts_in(text)])
