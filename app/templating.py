"""Jinja filters and globals shared by every template."""

from datetime import datetime

from flask import session

from app.rendering import render_post_text
from models import utcnow

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


def _new_token():
    """A freshly made edit token, shown once and then forgotten by the session."""
    return {"new_token": session.pop("new_token", None)}


def register(app) -> None:
    app.add_template_filter(relative_time)
    app.add_template_filter(excerpt)
    app.add_template_filter(render_post_text, "post_text")
    app.context_processor(_new_token)
