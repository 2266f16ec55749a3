"""Mend: a moderated, anonymous peer-support forum."""

from pathlib import Path

from flask import Flask, g
from werkzeug.middleware.proxy_fix import ProxyFix

from app import guards
from app.anonymity import (
    POSTER_COOKIE,
    POSTER_COOKIE_MAX_AGE,
    TOKENS_COOKIE,
    remembered_tokens,
    tokens_cookie_value,
)
from app.config import load_config
from app.extensions import csrf, limiter, login_manager, migrate
from app.reader_cache import ReaderCache
from models import db

ROOT = Path(__file__).resolve().parent.parent

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


def create_app(config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
    )
    app.config.update(load_config(Path(app.instance_path)))
    if config:
        app.config.update(config)
    if app.config["TRUSTED_PROXIES"]:
        n = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)

    guards.register(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    app.extensions["reader_cache"] = ReaderCache()
    _configure_sqlite(app)

    from app.admin import bp as admin_bp
    from app.auth import bp as auth_bp
    from app.auth.sessions import load_session_user
    from app.forum import bp as forum_bp
    from app.mod import bp as mod_bp

    login_manager.user_loader(load_session_user)
    app.register_blueprint(forum_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(mod_bp)
    app.register_blueprint(admin_bp)

    from app import cli, errors, privacy, templating

    errors.register(app)
    templating.register(app)
    cli.register(app)
    privacy.register(app)
    app.after_request(_set_cookies_and_headers)
    return app


def _configure_sqlite(app: Flask) -> None:
    """WAL and a busy timeout let several workers write one SQLite file safely; the
    file is the whole forum, so only its owner may read it."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    from sqlalchemy import event

    from app.privacy import keep_sqlite_private

    with app.app_context():
        keep_sqlite_private(db.engine.url.database)

        @event.listens_for(db.engine, "connect")
        def _on_connect(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=10000")
            cursor.execute("PRAGMA foreign_keys=ON")
            # Deleted and overwritten text is zeroed in the file, not left in free space.
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.close()


def _set_cookies_and_headers(response):
    from flask import current_app

    secure = current_app.config["POSTER_COOKIE_SECURE"]
    new_key = g.pop("new_poster_key", None)
    if new_key:
        response.set_cookie(
            POSTER_COOKIE,
            new_key,
            max_age=POSTER_COOKIE_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=secure,
        )
    remembered = g.pop("remember_token", None)
    forgotten = g.pop("forget_tokens", ())  # posts deleted: their tokens have no use
    if remembered or forgotten:
        tokens = remembered_tokens()
        if remembered:
            tokens[remembered[0]] = remembered[1]
        for post_id in forgotten:
            tokens.pop(post_id, None)
        response.set_cookie(
            TOKENS_COOKIE,
            tokens_cookie_value(tokens),
            max_age=POSTER_COOKIE_MAX_AGE if tokens else 0,
            httponly=True,
            samesite="Lax",
            secure=secure,
        )
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if current_app.config["STRICT_TRANSPORT_SECURITY"]:  # production only
        response.headers.setdefault(
            "Strict-Transport-Security", current_app.config["STRICT_TRANSPORT_SECURITY"]
        )
    return response
