"""Configuration, read from environment variables in this one place.

The embedded default (no environment at all) is a SQLite file and a generated secret
key under ``instance/``, with in-memory rate limits. ``MEND_ENV=production`` turns
missing secrets into errors instead of defaults.
"""

import os
import secrets
from pathlib import Path

from moderation.training import MODERATOR_LABEL_WEIGHT

DEFAULT_CARE_MESSAGE = (
    "If you are thinking about hurting yourself, you don't have to carry it alone. "
    "Please talk to someone today: in the UK and Ireland call Samaritans on 116 123, "
    "in the US call or text 988, or find a helpline in your country at "
    "https://findahelpline.com. If you are in danger right now, call your local "
    "emergency number."
)


REDIS_TIMEOUT_SECONDS = 1.0


class ConfigError(RuntimeError):
    """A setting needed to start the app is missing or unusable."""


def _secret_key(instance_path: Path, production: bool) -> str:
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if production:
        raise ConfigError("SECRET_KEY must be set when MEND_ENV=production")
    # Embedded mode: generate once and keep it, so pseudonyms, tokens and sessions
    # survive restarts.
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(48))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def _database_url(instance_path: Path, production: bool) -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        if production:
            raise ConfigError("DATABASE_URL must be set when MEND_ENV=production")
        instance_path.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{instance_path / 'mend.sqlite3'}"
    # Hosting platforms hand out postgres:// URLs; SQLAlchemy wants a driver name.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _number(name: str, default, kind, what: str):
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return kind(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be {what}, not {raw!r}") from exc


def _int(name: str, default: int) -> int:
    return _number(name, default, int, "a whole number")


def _days(name: str, default: int) -> int:
    days = _int(name, default)
    if days < 1:
        raise ConfigError(f"{name} must be at least 1 (days), not {days}")
    return days


def _float(name: str, default: float) -> float:
    return _number(name, default, float, "a number")


def _cache_config(redis_url: str | None) -> dict:
    shared = {
        "CACHE_KEY_PREFIX": "mend:",
        # A card is rendered again at the latest after this long, in every worker.
        "CACHE_DEFAULT_TIMEOUT": _int("POST_CARD_SECONDS", 300),
    }
    if not redis_url:
        # Per worker: a few thousand cards of a few KB each.
        return shared | {"CACHE_TYPE": "SimpleCache", "CACHE_THRESHOLD": 5000}
    return shared | {
        "CACHE_TYPE": "RedisCache",
        "CACHE_REDIS_URL": redis_url,
        # As for the rate limits: a Redis that stops answering costs a request a second
        # at most, then the page is rendered without the cache (app/shared_cache.py).
        "CACHE_OPTIONS": {
            "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
            "socket_timeout": REDIS_TIMEOUT_SECONDS,
        },
    }


def _positive_float(name: str, default: float) -> float:
    value = _float(name, default)
    if not 0 < value < float("inf"):
        raise ConfigError(f"{name} must be a positive number, not {value}")
    return value


def load_config(instance_path: Path) -> dict:
    production = os.environ.get("MEND_ENV", "development") == "production"
    redis_url = os.environ.get("REDIS_URL")
    return {
        "MEND_ENV": "production" if production else "development",
        "SECRET_KEY": _secret_key(instance_path, production),
        "SQLALCHEMY_DATABASE_URI": _database_url(instance_path, production),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        # Bodies larger than this are refused with 413 before they are parsed. 10,000
        # characters of emoji, percent-encoded, take about 120 KB.
        "MAX_CONTENT_LENGTH": _int("MAX_CONTENT_LENGTH", 256 * 1024),
        "THREADS_PER_PAGE": _int("THREADS_PER_PAGE", 20),
        "SEARCH_RANK_WINDOW": _int("SEARCH_RANK_WINDOW", 2000),
        # How long a worker reuses a front or thread page for readers without cookies
        # (app/reader_cache.py); 0 renders every page afresh.
        "READER_CACHE_SECONDS": _float("READER_CACHE_SECONDS", 5.0),
        "POSTS_PER_PAGE": _int("POSTS_PER_PAGE", 30),
        # Rate limits for writing, per poster and per (hashed) address.
        "POST_RATE_LIMIT": os.environ.get("POST_RATE_LIMIT", "6 per minute;40 per hour"),
        # Recovery codes typed in at /mine, per (hashed) address: guessing stays hopeless.
        "RESTORE_RATE_LIMIT": os.environ.get("RESTORE_RATE_LIMIT", "5 per minute;20 per hour"),
        "RATELIMIT_STORAGE_URI": redis_url or "memory://",
        # A Redis that accepts connections but never answers would otherwise hold every
        # write forever; after a second the request goes on with the memory fallback.
        "RATELIMIT_STORAGE_OPTIONS": (
            {
                "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
                "socket_timeout": REDIS_TIMEOUT_SECONDS,
            }
            if redis_url
            else {}
        ),
        "RATELIMIT_HEADERS_ENABLED": True,
        # If Redis goes away, keep counting in memory rather than failing requests.
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        "RATELIMIT_SWALLOW_ERRORS": True,
        "REDIS_URL": redis_url,
        # Rendered post cards (app/forum/cards.py) and the version of each thread's content
        # (app/content_versions.py): in each worker's memory by default; with REDIS_URL in
        # Redis, so every worker and server shares one copy and a delete drops it at once.
        **_cache_config(redis_url),
        # How many reverse proxies sit in front of the app (for the client address).
        "TRUSTED_PROXIES": _int("TRUSTED_PROXIES", 0),
        # How often each worker asks whether an admin changed screening (app/live_screener.py).
        "SCREENER_CHECK_SECONDS": _float("SCREENER_CHECK_SECONDS", 2.0),
        # The labelled CSV new models start from; unset, the bundled moderation/data/train.csv.
        "TRAINING_CORPUS_PATH": os.environ.get("TRAINING_CORPUS_PATH") or None,
        # Where the bundled default model is kept once trained, so later starts load it.
        "MODEL_CACHE_PATH": Path(
            os.environ.get("MODEL_CACHE_PATH") or instance_path / "default_model.bin"
        ),
        # A training worker (with REDIS_URL) writes this often that it is alive; three missed
        # beats and its job counts as failed, so a new one can start.
        "TRAINING_HEARTBEAT_SECONDS": _float("TRAINING_HEARTBEAT_SECONDS", 10.0),
        # How many corpus texts one moderator's label counts as when a model is trained
        # (moderation/training.py, MODERATOR_LABEL_WEIGHT, says why and what it was measured on).
        "MODERATOR_LABEL_WEIGHT": _positive_float("MODERATOR_LABEL_WEIGHT", MODERATOR_LABEL_WEIGHT),
        "HOLD_THRESHOLD": _float("HOLD_THRESHOLD", 0.5),
        "REJECT_THRESHOLD": _float("REJECT_THRESHOLD", 1.01),
        # Address hashes are keyed afresh every ADDRESS_HASH_DAYS, and deleted from rows
        # older than ADDRESS_RETENTION_DAYS (app/privacy.py; README, "Privacy").
        "ADDRESS_HASH_DAYS": _days("ADDRESS_HASH_DAYS", 7),
        "ADDRESS_RETENTION_DAYS": _days("ADDRESS_RETENTION_DAYS", 30),
        # Reports from this many different readers hide a post until a moderator looks.
        "REPORT_HIDE_THRESHOLD": _int("REPORT_HIDE_THRESHOLD", 3),
        "MOD_QUEUE_PAGE_SIZE": _int("MOD_QUEUE_PAGE_SIZE", 50),
        "MOD_LOG_PAGE_SIZE": _int("MOD_LOG_PAGE_SIZE", 100),
        # Failed staff logins for one account from one address before each further try
        # waits (429), first LOGIN_FIRST_PAUSE_SECONDS, doubling with every failure; and
        # failures from one address, for any accounts, before it waits out the window.
        "LOGIN_MAX_FAILURES": _int("LOGIN_MAX_FAILURES", 5),
        "LOGIN_ADDRESS_MAX_FAILURES": _int("LOGIN_ADDRESS_MAX_FAILURES", 20),
        "LOGIN_FIRST_PAUSE_SECONDS": _int("LOGIN_FIRST_PAUSE_SECONDS", 30),
        "LOGIN_FAILURE_WINDOW": _int("LOGIN_FAILURE_WINDOW", 15 * 60),
        # A staff session unused for this long ends; the next request asks to log in.
        "STAFF_SESSION_IDLE_MINUTES": _int("STAFF_SESSION_IDLE_MINUTES", 120),
        # Shown under posts with self-harm language. Plain text; URLs become links.
        "CARE_MESSAGE": os.environ.get("CARE_MESSAGE") or DEFAULT_CARE_MESSAGE,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        # Browsers then use HTTPS only for a year; never on http://127.0.0.1 in development.
        "STRICT_TRANSPORT_SECURITY": (
            "max-age=31536000; includeSubDomains" if production else None
        ),
        "POSTER_COOKIE_SECURE": production,
        "WTF_CSRF_TIME_LIMIT": None,
    }
