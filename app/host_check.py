"""A request whose Host is not a host name gets a plain 400 before Flask sees it.

Flask builds its URL adapter from the Host header as the request context is pushed,
before any view, error handler or ``before_request`` runs, and Werkzeug fails there on
an empty label (``a..b``), a label over 63 letters or an ``xn--`` label that IDNA
refuses: a bare 500 on every path, static files and feeds included. Only a forged
request sends such a Host, so it is refused here, with the usual security headers.
"""

import re

from flask import Flask
from werkzeug.wrappers import Response

from app.security_headers import add_security_headers

LABEL = re.compile(r"(?!-)[a-z0-9_-]{1,63}(?<!-)", re.IGNORECASE)  # "_": container names
PORT = re.compile(r"[0-9]{1,5}")
IPV6 = re.compile(r"\[[0-9a-f:.]{2,45}\]", re.IGNORECASE)
MAX_HOST_LENGTH = 253
REFUSAL = "That request named no valid host (the Host header). Check the address and try again.\n"


def _valid_label(label: str) -> bool:
    if not LABEL.fullmatch(label):
        return False
    if label[2:4] != "--":
        return True
    if not label.lower().startswith("xn--"):
        return False  # "ab--" labels are reserved for IDNA's own forms
    try:
        decoded = label.encode("ascii").decode("idna")
        return decoded.encode("idna").decode("ascii").lower() == label.lower()
    except UnicodeError:
        return False


def valid_host(host: str) -> bool:
    """Whether ``host`` is a host name, an IPv4 or a bracketed IPv6 address, with an
    optional port, as a browser sends it."""
    name, port = host, None
    if IPV6.match(host):
        name, _, rest = host.partition("]")
        name += "]"
        if rest and not rest.startswith(":"):
            return False
        port = rest[1:] if rest else None
    elif ":" in host:
        name, _, port = host.rpartition(":")
    if port is not None and not (PORT.fullmatch(port) and int(port) <= 65535):
        return False
    if name.startswith("["):
        return bool(IPV6.fullmatch(name))
    name = name.removesuffix(".")
    return 0 < len(name) <= MAX_HOST_LENGTH and all(_valid_label(x) for x in name.split("."))


class HostCheck:
    """WSGI middleware: refuse a Host (or, without one, a SERVER_NAME) that is not valid."""

    def __init__(self, wsgi_app, app: Flask):
        self.wsgi_app = wsgi_app
        self.app = app

    def __call__(self, environ, start_response):
        host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
        if valid_host(host):
            return self.wsgi_app(environ, start_response)
        response = Response(REFUSAL, status=400, mimetype="text/plain")
        add_security_headers(response, self.app.config)
        return response(environ, start_response)


def register(app: Flask) -> None:
    """Call before ProxyFix wraps the app, so a forwarded Host is checked as well."""
    app.wsgi_app = HostCheck(app.wsgi_app, app)
