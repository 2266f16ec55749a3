from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import AnyOf, Length, Optional

from app.reasons import DECISION_REASONS
from models import Decision

NOTE_MAX = 500


def _note_field():
    return StringField(
        "Note (optional)",
        filters=[lambda v: v.replace("\x00", "").strip() if isinstance(v, str) else v],
        validators=[Optional(), Length(max=NOTE_MAX, message=f"Notes are up to {NOTE_MAX} chars.")],
    )


class DecisionForm(FlaskForm):
    """One action for one post or many: the post ids come as repeated ``post_id``."""

    action = StringField(validators=[AnyOf(("approve", "reject", "remove", "ban"))])
    reason = StringField(validators=[Optional(), AnyOf(tuple(DECISION_REASONS))])
    note = _note_field()


class CampaignForm(FlaskForm):
    contact = HiddenField(validators=[Length(min=3, max=300)])
    note = _note_field()


class CareSeenForm(FlaskForm):
    note = _note_field()


class ReverseForm(FlaskForm):
    note = _note_field()


LOG_ACTIONS = Decision.ACTIONS
