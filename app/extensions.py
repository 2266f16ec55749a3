"""Flask extensions, created unbound here and bound in ``create_app``."""

from flask import request
from flask_caching import Cache
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf import CSRFProtect

from app.poster_identity import LIMIT_ADDRESS, address_hash

csrf = CSRFProtect()
# Post cards and content versions (app/shared_cache.py): Redis with REDIS_URL, else memory.
cache = Cache()
# Batch mode lets later migrations alter columns on SQLite too.
migrate = Migrate(render_as_batch=True)
# Keyed by a hash of the client address, so no raw IP reaches the limiter's storage.
limiter = Limiter(key_func=lambda: address_hash(request.remote_addr, LIMIT_ADDRESS))

# Only staff log in; anonymous posters never have an account.
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to see that page."


@limiter.request_filter
def _reads_are_not_limited() -> bool:
    """Every limit Mend sets is on writing (``methods=["POST"]``), so reads skip the
    limiter's per-request bookkeeping. A limit on a read would need this changed."""
    return request.method in ("GET", "HEAD", "OPTIONS")
