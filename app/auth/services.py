"""Staff accounts: creating, listing, disabling, new passwords, ending sessions, and
checking a login."""

import functools
import hashlib
import math
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func
from werkzeug.security import check_password_hash, generate_password_hash

from models import LoginFailure, Role, StaffUser, db, utcnow

USERNAME_MAX = 64
PASSWORD_MIN = 10


class AccountError(ValueError):
    """A staff account could not be made or changed; the message says why."""


class TooManyFailures(Exception):
    """Too many failed logins for this account from this address, or from this address
    at all: wait ``retry_after`` seconds."""

    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = retry_after


@dataclass(frozen=True)
class LoginLimits:
    """How failed logins slow guessing down (app settings ``LOGIN_*``)."""

    # Failures of one account from one address before each further try must wait.
    max_failures: int
    # Failures from one address, for any accounts, before it must wait out the window.
    address_max_failures: int
    # Failures older than this are forgotten.
    window_seconds: int
    # The first wait; each further failure of the same account and address doubles it.
    first_pause_seconds: int


def _normalise(username: str) -> str:
    return username.strip().lower()


def _check_password_length(password: str) -> None:
    if len(password) < PASSWORD_MIN:
        raise AccountError(f"Passwords need at least {PASSWORD_MIN} characters.")


def create_staff_user(username: str, password: str, role: str) -> StaffUser:
    name = _normalise(username)
    if (
        not name
        or len(name) > USERNAME_MAX
        or not name.replace("-", "").replace("_", "").replace(".", "").isalnum()
    ):
        raise AccountError(
            f"Usernames are 1 to {USERNAME_MAX} letters, digits, dots, dashes or underscores."
        )
    if role not in Role.ALL:
        raise AccountError(f"The role must be one of: {', '.join(Role.ALL)}.")
    _check_password_length(password)
    if find_staff_user(name) is not None:
        raise AccountError(f"There is already a staff account called {name!r}.")
    user = StaffUser(username=name, role=role, active=True)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user


def find_staff_user(username: str) -> StaffUser | None:
    return db.session.execute(
        db.select(StaffUser).where(StaffUser.username == _normalise(username))
    ).scalar_one_or_none()


def _existing_staff_user(username: str) -> StaffUser:
    user = find_staff_user(username)
    if user is None:
        raise AccountError(f"No staff account called {_normalise(username)!r}.")
    return user


def staff_users() -> list[StaffUser]:
    return list(db.session.execute(db.select(StaffUser).order_by(StaffUser.username)).scalars())


def has_staff() -> bool:
    return db.session.execute(db.select(StaffUser.id).limit(1)).first() is not None


def _next_session_version(user: StaffUser) -> None:
    # Computed by the database, so two changes at once both count.
    user.session_version = StaffUser.session_version + 1


def disable_staff_user(username: str) -> StaffUser:
    user = _existing_staff_user(username)
    user.active = False
    _next_session_version(user)
    db.session.commit()
    return user


def set_staff_password(username: str, password: str) -> StaffUser:
    """A new password; every session of the account ends, wherever it was opened."""
    user = _existing_staff_user(username)
    _check_password_length(password)
    user.set_password(password)
    _next_session_version(user)
    db.session.commit()
    return user


def end_sessions(user_id: int) -> None:
    """End every session of the account (logging out ends them all, not only this one)."""
    db.session.execute(
        db.update(StaffUser)
        .where(StaffUser.id == user_id)
        .values(session_version=StaffUser.session_version + 1)
    )
    db.session.commit()


def load_staff_user(session_user_id: str) -> StaffUser | None:
    """The active account a session's user id ("<id>:<session version>") names, or
    None once that account's sessions have been ended."""
    user_id, _, version = session_user_id.partition(":")
    if not (user_id.isdigit() and version.isdigit()) or len(user_id) > 9 or len(version) > 9:
        return None
    user = db.session.get(StaffUser, int(user_id))
    if user is None or not user.active or user.session_version != int(version):
        return None
    return user


@functools.cache
def _dummy_hash() -> str:
    return generate_password_hash("not a real password", method="scrypt")


def authenticate(
    username: str, password: str, address_hash: str, limits: LoginLimits
) -> StaffUser | None:
    """The active account with this password, or None. Raises TooManyFailures, before
    looking at the password, while this account and address (or this address) must wait.

    Every outcome checks exactly one password hash, of the same kind, so the time taken
    does not tell an unknown name or a disabled account from a wrong password."""
    # PostgreSQL text cannot hold a NUL; U+FFFD keeps the name unknown (no account has it).
    name = _normalise(username.replace("\x00", "\ufffd"))[:USERNAME_MAX]
    _reserve_attempt(name, address_hash, limits)
    user = find_staff_user(name)
    matches = check_password_hash(user.password_hash if user else _dummy_hash(), password)
    if user is None or not user.active or not matches:
        return None  # the reserved attempt stays, as a failure
    # Proven: this attempt and the account's earlier failures from this address go.
    db.session.execute(
        db.delete(LoginFailure).where(
            LoginFailure.username == name, LoginFailure.address_hash == address_hash
        )
    )
    db.session.commit()
    return user


def _reserve_attempt(name: str, address_hash: str, limits: LoginLimits) -> None:
    """Record this attempt as a failure before the password is checked, and count in the
    same transaction, so however many guesses arrive at once, no more than the limit get
    a password check. A successful login deletes the row again."""
    db.session.commit()  # nothing read before may stand in for the counts below
    _lock_address(address_hash)
    attempt = LoginFailure(username=name, address_hash=address_hash)
    db.session.add(attempt)
    # On SQLite this write takes the database's write lock, held until commit, so the
    # counts below include every attempt that got here first.
    db.session.flush()
    attempt_id = attempt.id
    now = utcnow()
    since = now - timedelta(seconds=limits.window_seconds)
    earlier = (LoginFailure.created_at >= since, LoginFailure.id != attempt_id)
    by_address, oldest = db.session.execute(
        db.select(func.count(LoginFailure.id), func.min(LoginFailure.created_at)).where(
            *earlier, LoginFailure.address_hash == address_hash
        )
    ).one()
    by_pair, latest = db.session.execute(
        db.select(func.count(LoginFailure.id), func.max(LoginFailure.created_at)).where(
            *earlier, LoginFailure.address_hash == address_hash, LoginFailure.username == name
        )
    ).one()
    wait = 0.0
    if by_address >= limits.address_max_failures:
        wait = (oldest + timedelta(seconds=limits.window_seconds) - now).total_seconds()
    if by_pair >= limits.max_failures:
        pause = limits.first_pause_seconds * 2 ** min(by_pair - limits.max_failures, 30)
        pause = min(pause, limits.window_seconds)
        wait = max(wait, (latest + timedelta(seconds=pause) - now).total_seconds())
    if wait > 0:
        db.session.rollback()  # a refused attempt is not a failure: it checked nothing
        raise TooManyFailures(max(1, math.ceil(wait)))
    db.session.execute(db.delete(LoginFailure).where(LoginFailure.created_at < since))
    db.session.commit()


def _lock_address(address_hash: str) -> None:
    """On PostgreSQL, attempts from one address count one after another (a lock held
    until this transaction ends). SQLite needs none: its single writer does the same."""
    if db.session.get_bind().dialect.name != "postgresql":
        return
    key = int.from_bytes(hashlib.sha256(address_hash.encode()).digest()[:8], "big", signed=True)
    db.session.execute(db.select(func.pg_advisory_xact_lock(key)))
