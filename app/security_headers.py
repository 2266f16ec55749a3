"""The headers every response carries, whatever view or error made it."""

from flask import Flask, Response, current_app

SECURITY_HEADERS = {
    # Pages need no inline script at all; user text can never become script.
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def add_security_headers(response: Response, config) -> Response:
    """The headers above, and HSTS where the configuration sets it, unless the response
    already has its own."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if config["STRICT_TRANSPORT_SECURITY"]:  # production only
        response.headers.setdefault(
            "Strict-Transport-Security", config["STRICT_TRANSPORT_SECURITY"]
        )
    return response


def _add_security_headers(response: Response) -> Response:
    return add_security_headers(response, current_app.config)


def register(app: Flask) -> None:
    app.after_request(_add_security_headers)
