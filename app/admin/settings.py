"""The one screening settings row every worker watches, and ``AdminError``.

Every admin change locks the row, changes what it changes, and bumps the row's revision,
so every worker rebuilds its screener (see ``app.live_screener``)."""

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from models import SETTINGS_ID, ScreeningSettings, db, utcnow


class AdminError(ValueError):
    """An admin action that cannot be done, with a message for the admin."""


def ensure_settings() -> None:
    """Create the settings row if no admin has changed anything yet."""
    if db.session.get(ScreeningSettings, SETTINGS_ID) is not None:
        return
    try:
        db.session.add(ScreeningSettings(id=SETTINGS_ID, revision=1))
        db.session.commit()
    except IntegrityError:  # another worker made it first
        db.session.rollback()


def locked_settings() -> ScreeningSettings:
    ensure_settings()
    return db.session.get(ScreeningSettings, SETTINGS_ID, with_for_update=True)


def bump_revision(settings: ScreeningSettings) -> None:
    # Atomic, so two admins' changes in two workers both count.
    db.session.execute(
        update(ScreeningSettings)
        .where(ScreeningSettings.id == settings.id)
        .values(revision=ScreeningSettings.revision + 1, updated_at=utcnow())
    )
