"""Friendly error pages. A form that fails keeps the author's words on the page."""

from flask import current_app, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
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
    503: "Mend can't reach its database right now",
}
# Fields a "try again" form sends back as they came: the words, and what goes with them.
RESENT_TEXT = ("title", "body", "message", "details")
RESENT_HIDDEN = ("token", "reason", "confirm")
RETRY_AFTER_SECONDS = 30


def unsent_text() -> dict[str, str]:
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


def _resendable() -> tuple[dict[str, str], dict[str, str]]:
    """The posted form again (text fields, hidden fields), for a "try again" button."""
    if not unsent_text():
        return {}, {}
    form = request.form
    return (
        {k: form[k] for k in RESENT_TEXT if k in form},
        {k: form[k] for k in RESENT_HIDDEN if k in form},
    )


def _render(code: int, message: str | None, title: str | None = None):
    resend_text, resend_hidden = _resendable() if code == 503 else ({}, {})
    return (
        render_template(
            "errors/error.html",
            code=code,
            title=title or TITLES.get(code, "Something went wrong"),
            message=message,
            unsent=unsent_text() if code in (400, 403, 429) else {},
            resend_text=resend_text,
            resend_hidden=resend_hidden,
        ),
        code,
    )


def _http_error(error: HTTPException):
    # Our own descriptions are meant for people; werkzeug's defaults are not.
    own = error.description != type(error).description
    message = error.description if error.code in (400, 410) or own else None
    page, code = _render(error.code or 500, message, getattr(error, "title", None))
    # Keep what the error says to clients, such as the methods a 405 allows.
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    return page, code, headers


def _csrf_error(error: CSRFError):
    return _render(
        400,
        "This form had expired or was sent from another site, so nothing was saved. "
        "Your text is below: copy it, go back, reload the page and try again.",
    )


def _server_error(error: InternalServerError):
    db.session.rollback()
    return _render(500, None)


def _database_unavailable(error: OperationalError | PoolTimeoutError):
    """The database is down, unreachable or busy: a passing state, so 503 and "try again",
    with the poster's words in a form that sends them again."""
    try:
        db.session.rollback()
    except Exception:  # the connection may be gone; the session is discarded anyway
        current_app.logger.debug("rollback after a database outage failed", exc_info=True)
    cause = getattr(error, "orig", None) or error  # the driver's one-line reason
    current_app.logger.error("database unavailable, answered 503: %s", cause)
    page, code = _render(
        503,
        "Nothing was saved. This usually passes within a minute: please try again.",
    )
    return page, code, {"Retry-After": str(RETRY_AFTER_SECONDS), "Cache-Control": "no-store"}


def register(app) -> None:
    app.register_error_handler(OperationalError, _database_unavailable)
    app.register_error_handler(PoolTimeoutError, _database_unavailable)
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(InternalServerError, _server_error)
    app.register_error_handler(HTTPException, _http_error)
