"""Staff accounts: creating, listing, disabling, and checking a login."""

import functools
from datetime import timedelta

from sqlalchemy import func
from werkzeug.security import check_password_hash, generate_password_hash

from models import LoginFailure, Role, StaffUser, db, utcnow

USERNAME_MAX = 64
PASSWORD_MIN = 10


class AccountError(ValueError):
    """A staff account could not be made or changed; the message says why."""


class TooManyFailures(Exception):
    """Too many failed logins for this account or address: wait a while."""


def _normalise(username: str) -> str:
    return username.strip().lower()


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
    if len(password) < PASSWORD_MIN:
        raise AccountError(f"Passwords need at least {PASSWORD_MIN} characters.")
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


def staff_users() -> list[StaffUser]:
    return list(db.session.execute(db.select(StaffUser).order_by(StaffUser.username)).scalars())


def has_staff() -> bool:
    return db.session.execute(db.select(StaffUser.id).limit(1)).first() is not None


def disable_staff_user(username: str) -> StaffUser:
    user = find_staff_user(username)
    if user is None:
        raise AccountError(f"No staff account called {_normalise(username)!r}.")
    user.active = False
    db.session.commit()
    return user


def load_staff_user(user_id: str) -> StaffUser | None:
    if not user_id.isdigit():
        return None
    user = db.session.get(StaffUser, int(user_id))
    return user if user is not None and user.active else None


@functools.cache
def _dummy_hash() -> str:
    return generate_password_hash("not a real password", method="scrypt")


def authenticate(
    username: str, password: str, address_hash: str, max_failures: int, window_seconds: int
) -> StaffUser | None:
    """The active account with this password, or None. Raises TooManyFailures when the
    account or the address has failed ``max_failures`` times within the window, before
    even looking at the password, so guessing cannot go on at any speed."""
    name = _normalise(username)[:USERNAME_MAX]
    since = utcnow() - timedelta(seconds=window_seconds)
    by_account, by_address = _failure_counts(name, address_hash, since)
    if by_account >= max_failures or by_address >= max_failures:
        raise TooManyFailures()
    user = find_staff_user(name)
    if user is None:
        check_password_hash(_dummy_hash(), password)  # same time as a real check
    if user is not None and user.active and user.check_password(password):
        return user
    db.session.execute(db.delete(LoginFailure).where(LoginFailure.created_at < since))
    db.session.add(LoginFailure(username=name, address_hash=address_hash))
    db.session.commit()
    return None


def _failure_counts(name: str, address_hash: str, since) -> tuple[int, int]:
    recent = LoginFailure.created_at >= since
    count = func.count(LoginFailure.id)
    by_account = db.session.execute(
        db.select(count).where(recent, LoginFailure.username == name)
    ).scalar_one()
    by_address = db.session.execute(
        db.select(count).where(recent, LoginFailure.address_hash == address_hash)
    ).scalar_one()
    return by_account, by_address
