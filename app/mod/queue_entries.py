"""Queue entries rendered once per version of what they show, for every moderator.

An entry (a waiting post with its thread, reasons, contacts, reports and appeal) looks
the same to every moderator, apart from a few slots: who else is looking at it (the
claim, per viewer and changing every few seconds), the CSRF token, and where in the
queue the page is (sort, filter, page, the newest decision seen). Each entry is kept in
the shared cache (``app/shared_cache.py``) as the pieces around those slots, with a
stamp: the queue's content version, which any committed change to a post, thread,
report, appeal, contact or wording moves on (so a decision, a report, an appeal, an
edit or a new post with the same contact all re-render the entries at the next load),
the post's status, score and edit time, and its relative age ("3 hours ago"). An entry
whose stamp differs is rendered again and replaced; the slots are filled for each
request.

Without a reachable cache (``content_version`` is None) every entry is rendered and
none is kept.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from flask import current_app
from markupsafe import Markup, escape

from app.mod.queue import QueuePage, queue_entries
from app.shared_cache import QUEUE, content_version, get_many, queue_entry_key, set_many
from app.signing import generate_csrf
from app.templating import relative_time
from models import utcnow

ENTRY_TEMPLATES = ("mod/_entry.html", "mod/_actions.html")
# A slot in a rendered entry is marked with a random value made for that rendering, so
# no text a poster wrote can pass for one.
SLOT_NAMES = ("claim_class", "claim", "csrf", "sort", "view", "page", "seen")
# How many entries each worker keeps in its own memory besides the shared cache.
LOCAL_ENTRIES = 2000


def _format(settings: dict) -> str:
    """Entries rendered by another release's templates or wording are not reused."""
    app = current_app._get_current_object()
    found = app.extensions.get("queue_entry_format")
    if found is None:
        sources = [app.jinja_loader.get_source(app.jinja_env, n)[0] for n in ENTRY_TEMPLATES]
        kept_as = "texts between slots, slot names"  # how an entry is stored
        settings_text = repr(sorted((k, repr(v)) for k, v in settings.items()))
        text = "\0".join([*sources, settings_text, kept_as])
        found = hashlib.blake2b(text.encode(), digest_size=12).hexdigest()
        app.extensions["queue_entry_format"] = found
    return found


def _slots() -> tuple[dict[str, Markup], re.Pattern]:
    """Marks for the slots, and the pattern that finds them."""
    mark = secrets.token_hex(8)
    slots = {name: Markup(f"[slot {mark} {name}]") for name in SLOT_NAMES}
    return slots, re.compile(rf"\[slot {mark} ([a-z_]+)\]")


def _claim(claim, viewer_id: int) -> tuple[str, Markup]:
    if not claim or claim[0] == viewer_id:
        return "", Markup("")
    _, name, since = claim
    return " claimed", Markup(
        '<span class="claim" role="note"><strong>{}</strong> is looking at this (since {})</span>'
    ).format(name, relative_time(since))


def queue_entries_html(
    page: QueuePage,
    version: str | None,
    claims: dict,
    viewer_id: int,
    place: dict,
    settings: dict,
) -> list[Markup]:
    """The HTML of each entry on ``page``, in order, for this moderator. ``version``:
    the queue's content version, read before the page's rows; ``place``: sort, view,
    page and seen, as the page's forms send them back; ``settings``: what the action
    controls list (reasons, ban lengths)."""
    now = utcnow()
    stamp_format = _format(settings)
    stamps = {
        row.id: (
            stamp_format,
            version,
            row.status,
            row.edited_at,
            row.score,
            relative_time(row.created_at, now),
        )
        for row in page.rows
    }
    # This worker's own copies first (no unpickling), then the shared cache.
    local = _local_entries(version)
    kept_here = {row.id: local.get(row.id) for row in page.rows} if version is not None else {}
    texts: dict[int, tuple[list[str], list[str]]] = {
        post_id: kept[1]
        for post_id, kept in kept_here.items()
        if kept is not None and kept[0] == stamps[post_id]
    }
    elsewhere = [row.id for row in page.rows if row.id not in texts]
    if elsewhere and version is not None:
        stored = get_many([queue_entry_key(post_id) for post_id in elsewhere])
        for post_id, kept in zip(elsewhere, stored, strict=True):
            if kept is not None and kept[0] == stamps[post_id]:
                texts[post_id] = kept[1]
                local[post_id] = kept
    missing = [row.id for row in page.rows if row.id not in texts]
    if missing:
        module = current_app.jinja_env.get_template("mod/_entry.html").make_module(settings)
        slots, slot = _slots()
        fresh = {}
        for post_id, entry in queue_entries(missing).items():
            texts[post_id] = _split(slot, str(module.queue_entry(entry, slots)))
            fresh[queue_entry_key(post_id)] = (stamps[post_id], texts[post_id])
            if version is not None:
                local[post_id] = fresh[queue_entry_key(post_id)]
        if version is not None:
            set_many(fresh)
    values = {name: str(escape(value)) for name, value in place.items()}
    values["csrf"] = str(escape(generate_csrf()))
    html = []
    for row in page.rows:
        text = texts.get(row.id)
        if text is None:  # decided and gone between the page's rows and its entries
            continue
        values["claim_class"], values["claim"] = _claim(claims.get(row.id), viewer_id)
        texts_between, names = text
        parts = list(texts_between)
        parts[1::2] = [values[name] for name in names]
        html.append(Markup("".join(parts)))
    return html


def _split(slot: re.Pattern, html: str) -> tuple[list[str], list[str]]:
    """The rendered entry as the texts between its slots (with a place kept for each
    slot's value) and the slots' names, in order."""
    pieces = slot.split(html)
    names = pieces[1::2]
    pieces[1::2] = [""] * len(names)
    return pieces, names


def _local_entries(version: str | None) -> dict:
    """This worker's copies of the entries it rendered or fetched under the queue's
    current version, by post id; all dropped when the version moves on (so a deleted
    post's words leave this worker's memory at its next queue load), or beyond
    LOCAL_ENTRIES."""
    kept = current_app.extensions.get("queue_entries")
    if kept is None or kept[0] != version or len(kept[1]) > LOCAL_ENTRIES:
        kept = current_app.extensions["queue_entries"] = (version, {})
    return kept[1]


def queue_version() -> str | None:
    return content_version(QUEUE)
