"""Friendly error pages. A form that fails keeps the author's words on the page."""

from flask import render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from models import db

TITLES = {
    400: "Something in that request wasn't right",
    403: "That isn't yours to change",
    404: "We couldn't find that page",
    405: "That doesn't work here",
    409: "That has already been done",
    410: "That's gone",
    413: "That was too long to send",
    429: "Let's slow down a little",
    500: "Something went wrong on our side",
}


def _unsent_text() -> dict[str, str]:
    """What the person was trying to post, so an error never costs them their words."""
    if request.method != "POST" or request.content_length is None:
        return {}
    try:
        form = request.form
    except Exception:  # an unreadable body has nothing to give back
        return {}
    unsent = {k: form[k] for k in ("title", "body") if form.get(k, "").strip()}
    if "body" not in unsent and form.get("message", "").strip():
        unsent["body"] = form["message"]  # an appeal's words
    return unsent


def _render(code: int, message: str | None, title: str | None = None):
    return (
        render_template(
            "errors/error.html",
            code=code,
            title=title or TITLES.get(code, "Something went wrong"),
            message=message,
            unsent=_unsent_text() if code in (400, 403, 429) else {},
        ),
        code,
    )


def _http_error(error: HTTPException):
    # Our own descriptions are meant for people; werkzeug's defaults are not.
    own = error.description != type(error).description
    message = error.description if error.code in (400, 410) or own else None
    return _render(error.code or 500, message, getattr(error, "title", None))


def _csrf_error(error: CSRFError):
    return _render(
        400,
        "This form had expired or was sent from another site, so nothing was saved. "
        "Your text is below: copy it, go back, reload the page and try again.",
    )


def _server_error(error: InternalServerError):
    db.session.rollback()
    return _render(500, None)


def register(app) -> None:
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(InternalServerError, _server_error)
    app.register_error_handler(HTTPException, _http_error)
