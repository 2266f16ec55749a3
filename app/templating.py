"""Jinja filters and globals shared by every template."""

from datetime import datetime

from flask import session

from app.rendering import render_post_text
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
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    return flat[:length].rsplit(" ", 1)[0] + "…"


def classifier_term(term: str) -> str:
    """A classifier feature as a moderator reads it: ``word:spell`` is "spell",
    ``word:zzphone`` is "[phone]", ``chars: cas`` is the fragment in quotes."""
    kind, _, value = term.partition(":")
    if kind == "word":
        return " ".join(_PLACEHOLDER_NAMES.get(part, part) for part in value.split())
    if "zz" in value:  # a piece of a contact placeholder
        return "[contact details]"
    return f"“{value}”"


def _new_token():
    """A freshly made edit token, shown once and then forgotten by the session."""
    return {"new_token": session.pop("new_token", None)}


def register(app) -> None:
    app.add_template_filter(relative_time)
    app.add_template_filter(excerpt)
    app.add_template_filter(classifier_term)
    app.add_template_filter(render_post_text, "post_text")
    app.context_processor(_new_token)
