"""The session cookie and the CSRF token, signed as Flask and Flask-WTF sign them, for
less work per request.

Every page a reader gets from the cache (``app/reader_cache.py``) still needs a CSRF
token of their own and, for a new reader, the session cookie that holds it: two
signatures per request, which cost more than everything else such a request does. Two
things made them dear and are left out here, without changing what is signed or how:

- Flask and Flask-WTF build a new serializer object for every signature; these are
  built once per secret key and kept.
- itsdangerous tries to zlib-compress every payload and keeps the result only when it
  is shorter. A CSRF token (40 hex characters) or a session holding one never is, and
  each attempt allocates zlib's whole working memory. Payloads below
  ``COMPRESS_ABOVE`` bytes are sent uncompressed, which itsdangerous reads as before;
  larger ones are compressed as before.

The cookies and tokens made here are read and checked by the unchanged Flask and
Flask-WTF code (``validate_csrf``, ``open_session``), and theirs by it.
"""

from __future__ import annotations

import hashlib
import os

from flask import Flask, current_app, g, session
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer
from itsdangerous.encoding import base64_encode
from itsdangerous.serializer import Serializer

COMPRESS_ABOVE = 512
CSRF_SALT = "wtf-csrf-token"  # Flask-WTF's, so its validate_csrf reads our tokens


class _Serializer(URLSafeTimedSerializer):
    def dump_payload(self, obj) -> bytes:
        raw = Serializer.dump_payload(self, obj)  # the JSON, before URL-safe encoding
        if len(raw) < COMPRESS_ABOVE:
            return base64_encode(raw)
        return super().dump_payload(obj)


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, with its serializer kept per secret key."""

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        if not app.secret_key:
            return None
        keys = (*(app.config["SECRET_KEY_FALLBACKS"] or ()), app.secret_key)
        kept = app.extensions.get("session_serializer")
        if kept is None or kept[0] != keys:
            serializer = _Serializer(
                list(keys),
                salt=self.salt,
                serializer=self.serializer,
                signer_kwargs={
                    "key_derivation": self.key_derivation,
                    "digest_method": self.digest_method,
                },
            )
            kept = (keys, serializer)
            app.extensions["session_serializer"] = kept
        return kept[1]


def _csrf_serializer(secret_key) -> URLSafeTimedSerializer:
    extensions = current_app.extensions
    kept = extensions.get("csrf_serializer")
    if kept is None or kept[0] != secret_key:
        kept = (secret_key, _Serializer(secret_key, salt=CSRF_SALT))
        extensions["csrf_serializer"] = kept
    return kept[1]


def generate_csrf() -> str:
    """Flask-WTF's ``generate_csrf``: this request's signed token, made once per
    request from the raw token kept in the session (made on first use)."""
    config = current_app.config
    field_name = config.get("WTF_CSRF_FIELD_NAME") or "csrf_token"
    token = g.get(field_name)
    if token is None:
        secret_key = config.get("WTF_CSRF_SECRET_KEY") or current_app.secret_key
        raw = session.get(field_name)
        if not isinstance(raw, str):
            raw = session[field_name] = hashlib.sha1(os.urandom(64)).hexdigest()
        token = _csrf_serializer(secret_key).dumps(raw)
        setattr(g, field_name, token)
    return token


def register(app: Flask) -> None:
    """Call after CSRFProtect: templates' ``csrf_token()`` is this one too."""
    app.session_interface = SessionInterface()
    app.jinja_env.globals["csrf_token"] = generate_csrf
