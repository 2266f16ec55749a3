from datetime import timedelta

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, StringField
from wtforms.validators import AnyOf, Length, Optional

from app.reasons import DECISION_REASONS
from models import DECIDING_ACTIONS, THREAD_ACTIONS, DecisionAction

NOTE_MAX = 500
# How long a moderator may pause new posts from a banned poster's connection. Everyone
# behind it (a café's Wi-Fi, a carrier's NAT) is stopped too, so it is short, and never
# longer than Mend keeps the address hash it matches (ADDRESS_HASH_DAYS, and the next).
ADDRESS_BAN_HOURS = {"24": "1 day", "72": "3 days", "168": "7 days"}


def _note_field():
    return StringField(
        "Note (optional)",
        filters=[lambda v: v.replace("\x00", "").strip() if isinstance(v, str) else v],
        validators=[Optional(), Length(max=NOTE_MAX, message=f"Notes are up to {NOTE_MAX} chars.")],
    )


# How long a poster's ban lasts; "permanent" lasts until a moderator lifts it (an
# appeal granted, or the ban undone). Absent (a form from before durations), permanent,
# as every ban was.
BAN_DAYS = {"permanent": "permanently", "30": "for 30 days", "7": "for 7 days", "1": "for 1 day"}


class _BanForm(FlaskForm):
    """A ban is by poster, for a chosen time; pausing the poster's connection too is an
    explicit choice."""

    ban_for = StringField(validators=[Optional(), AnyOf(tuple(BAN_DAYS))])
    ban_address = BooleanField()
    address_hours = StringField(validators=[Optional(), AnyOf(tuple(ADDRESS_BAN_HOURS))])

    @property
    def poster_ban(self) -> timedelta | None:
        """How long the poster's ban lasts; None: until lifted."""
        days = self.ban_for.data
        return None if not days or days == "permanent" else timedelta(days=int(days))

    @property
    def address_ban(self) -> timedelta | None:
        if not self.ban_address.data:
            return None
        return timedelta(hours=int(self.address_hours.data or next(iter(ADDRESS_BAN_HOURS))))


class DecisionForm(_BanForm):
    """One action for one post or many: the post ids come as repeated ``post_id``."""

    action = StringField(validators=[AnyOf(DECIDING_ACTIONS)])
    reason = StringField(validators=[Optional(), AnyOf(tuple(DECISION_REASONS))])
    note = _note_field()


class CampaignForm(_BanForm):
    """The ticked posts of a campaign (repeated ``post_id``) and where the campaign
    started: a contact or a post. ``check`` carries the confirmed plan's account."""

    contact = HiddenField(validators=[Optional(), Length(min=3, max=300)])
    post = HiddenField(validators=[Optional(), Length(max=20)])
    check = HiddenField(validators=[Optional(), Length(max=20_000)])
    note = _note_field()


class CareSeenForm(FlaskForm):
    note = _note_field()


class ReverseForm(FlaskForm):
    note = _note_field()


LOG_ACTIONS = tuple(DecisionAction)


class ThreadActionForm(FlaskForm):
    """Lock, unlock, pin or unpin a thread (app/mod/thread_actions.py): the action is
    the button pressed; a lock's note is shown to readers above the thread's end."""

    action = StringField(validators=[AnyOf(tuple(THREAD_ACTIONS))])
    note = StringField(
        "Note for readers if you lock it (optional)",
        filters=[lambda v: v.replace("\x00", "").strip() if isinstance(v, str) else v],
        validators=[Optional(), Length(max=NOTE_MAX, message=f"Notes are up to {NOTE_MAX} chars.")],
    )
