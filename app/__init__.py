"""Mend: a moderated, anonymous peer-support forum."""

from pathlib import Path

from flask import Flask
from sqlalchemy import event
from werkzeug.middleware.proxy_fix import ProxyFix

from app import (
    cli,
    errors,
    guards,
    host_check,
    poster_identity,
    privacy,
    security_headers,
    shared_cache,
    signing,
    templating,
)
from app.admin import bp as admin_bp
from app.auth import bp as auth_bp
from app.auth.sessions import load_session_user
from app.config import load_config
from app.extensions import cache, csrf, limiter, login_manager, migrate
from app.forum import badge, cards
from app.forum import bp as forum_bp
from app.mod import bp as mod_bp
from app.privacy import keep_sqlite_private
from app.reader_cache import ReaderCache
from app.search import bp as search_bp
from app.sqlite_driver import engine_options
from models import db

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
    )
    app.config.update(load_config(Path(app.instance_path)))
    if config:
        app.config.update(config)
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = engine_options(
        app.config["SQLALCHEMY_DATABASE_URI"], app.config.get("SQLALCHEMY_ENGINE_OPTIONS")
    )
    host_check.register(app)
    if app.config["TRUSTED_PROXIES"]:
        n = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)

    guards.register(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    signing.register(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    cache.init_app(app)
    shared_cache.register()
    app.extensions["reader_cache"] = ReaderCache()
    _configure_sqlite(app)

    login_manager.user_loader(load_session_user)
    app.register_blueprint(forum_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(mod_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(search_bp)

    errors.register(app)
    templating.register(app)
    cards.register(app)
    badge.register(app)
    cli.register(app)
    privacy.register(app)
    poster_identity.register(app)
    security_headers.register(app)
    return app


def _configure_sqlite(app: Flask) -> None:
    """WAL and a busy timeout let several workers write one SQLite file safely; the
    file is the whole forum, so only its owner may read it."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
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
