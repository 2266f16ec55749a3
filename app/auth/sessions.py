"""Staff sessions. A session is good while the account's session version still matches
the one it started with (app/auth/services.py moves it on at logout, when the account is
disabled and when its password changes) and while it has been used within the idle time.

Both checks run on every request that looks at the logged-in user, in flask-login's user
loader. A remember-me cookie never logs anyone in: it carries no last-seen time.
"""

import time

from flask import current_app, session
from flask_login import login_user, logout_user

from app.auth import services
from models import StaffUser

# Seconds since the epoch of the session's last request, kept in the signed session.
LAST_SEEN = "staff_last_seen"


def _now() -> int:
    return int(time.time())


def start_session(user: StaffUser) -> None:
    login_user(user)  # never remember=True: see load_session_user
    session[LAST_SEEN] = _now()


def end_session(user: StaffUser) -> None:
    """Log out here and end every other session of the account too."""
    services.end_sessions(user.id)
    logout_user()
    session.pop(LAST_SEEN, None)


def load_session_user(session_user_id: str) -> StaffUser | None:
    """flask-login's user loader: the account, or None once the session has ended."""
    seen = session.get(LAST_SEEN)
    idle_limit = current_app.config["STAFF_SESSION_IDLE_MINUTES"] * 60
    now = _now()
    user = None
    if isinstance(seen, int) and now - seen <= idle_limit:
        user = services.load_staff_user(session_user_id)
    if user is None:
        _forget_login()
        return None
    if seen != now:
        session[LAST_SEEN] = now  # idle time counts from the latest request
    return user


def _forget_login() -> None:
    # The cookie would keep failing; dropping the login makes later requests skip the
    # database lookup and shows the visitor as logged out.
    for key in ("_user_id", "_fresh", "_id", LAST_SEEN):
        session.pop(key, None)
