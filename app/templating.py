"""Jinja filters and globals shared by every template."""

import unicodedata
from datetime import datetime

from flask import g, session

from app.reader_view import mask_start_before, reader_body
from app.rendering import render_post_markup, render_post_text
from models import utcnow
from moderation.normalize import REDACTION_WORDS

_PLACEHOLDER_NAMES = {word: f"[{kind}]" for kind, word in REDACTION_WORDS.items()}

UNITS = (
    (365 * 24 * 3600, "year"),
    (30 * 24 * 3600, "month"),
    (7 * 24 * 3600, "week"),
    (24 * 3600, "day"),
    (3600, "hour"),
    (60, "minute"),
)


def relative_time(moment: datetime, now: datetime | None = None) -> str:
    seconds = int(((now or utcnow()) - moment).total_seconds())
    if seconds < 60:
        return "just now"
    for size, unit in UNITS:
        if seconds >= size:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''} ago"
    return "just now"


def excerpt(text: str, length: int = 180) -> str:
    """The text on one line, cut at a word before ``length`` characters; never inside
    "[contact removed]", which would leave "[contact…" for the reader to puzzle over."""
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    cut = mask_start_before(flat, length)
    if flat[cut] != " ":  # inside a word: the word goes
        cut = len(flat[:cut].rsplit(" ", 1)[0])
    # The word that went may have been the end of a mask ("removed],").
    return flat[: mask_start_before(flat, cut)].rstrip() + "…"


def classifier_term(term: str) -> str:
    """A classifier feature as a moderator reads it: ``word:spell`` is "spell",
    ``word:zzphone`` is "[phone]", ``chars: cas`` is the fragment in quotes."""
    kind, _, value = term.partition(":")
    if kind == "word":
        return " ".join(_PLACEHOLDER_NAMES.get(part, part) for part in value.split())
    if "zz" in value:  # a piece of a contact placeholder
        return "[contact details]"
    return f"“{value}”"


def show_invisible(text: str) -> str:
    """Invisible format and control characters written out (U+202E as "\\u202e"), for
    text staff read as typed (rule patterns and their log lines): a right-to-left
    override there cannot flip or hide what an admin reads."""
    return "".join(
        f"\\u{ord(char):04x}" if unicodedata.category(char) in ("Cf", "Cc") else char
        for char in text
    )


def _new_token():
    """A freshly made edit token, shown once and then forgotten by the session."""
    token = session.pop("new_token", None)
    if token is not None:
        g.shows_secret = True
    return {"new_token": token}


def _keep_secrets_out_of_caches(response):
    # The page with a new token must not come back from the browser's cache (Back, a
    # restored tab) once the session has forgotten it: "shown only this once".
    if g.pop("shows_secret", False):
        response.headers["Cache-Control"] = "no-store"
    return response


def register(app) -> None:
    app.add_template_filter(relative_time)
    app.add_template_filter(excerpt)
    app.add_template_filter(classifier_term)
    app.add_template_filter(show_invisible)
    app.add_template_filter(render_post_text, "post_text")
    app.add_template_filter(render_post_markup, "post_markup")
    app.add_template_filter(reader_body)
    app.context_processor(_new_token)
    app.after_request(_keep_secrets_out_of_caches)
