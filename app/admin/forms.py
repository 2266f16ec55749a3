from flask_wtf import FlaskForm
from wtforms import BooleanField, FloatField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    AnyOf,
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
)

from moderation.rules import MAX_PATTERN_LENGTH, RULE_KINDS


def _strip(value):
    return value.replace("\x00", "").strip() if isinstance(value, str) else value


class ActionForm(FlaskForm):
    """Only a CSRF token: "Train new model"."""


class ConfirmForm(FlaskForm):
    """Activate and roll back ask for a tick first (no inline script for a dialog)."""

    confirm = BooleanField(
        "Yes, switch every worker to this model",
        validators=[DataRequired("Tick the box to confirm.")],
    )


class ThresholdForm(FlaskForm):
    hold = FloatField(
        "Hold threshold",
        validators=[InputRequired("Enter a number."), NumberRange(min=0.01, max=1.0)],
    )
    reject = FloatField(
        "Auto-reject threshold (empty: off)",
        validators=[Optional(), NumberRange(min=0.01, max=1.0)],
    )


class RuleForm(FlaskForm):
    name = StringField(
        "Name",
        filters=[_strip],
        validators=[
            DataRequired("Give the rule a name."),
            Length(max=64),
            Regexp(r"^[a-z0-9_]+$", message="Use lower-case letters, digits and _ only."),
        ],
    )
    # No kind is preselected: a spell rule once went in as "contact" unnoticed.
    kind = SelectField(
        "Kind",
        choices=[SelectChoice("", "Choose a kind…"), *(SelectChoice(kind) for kind in RULE_KINDS)],
        validators=[AnyOf(RULE_KINDS, message="Choose what kind of rule this is.")],
    )
    pattern = TextAreaField(
        "Pattern (regular expression, RE2 syntax, on lower-cased normalised text)",
        validators=[DataRequired("Enter a pattern."), Length(max=MAX_PATTERN_LENGTH)],
    )
    weight = FloatField(
        "Weight (log-odds; negative for warnings)",
        validators=[InputRequired("Enter a number."), NumberRange(min=-10, max=10)],
    )
    description = TextAreaField(
        "Description", filters=[_strip], validators=[Length(max=500)], default=""
    )
    enabled = BooleanField("Enabled", default=True)


class ToggleForm(FlaskForm):
    """Only a CSRF token: enable or disable a rule."""


class HelplineForm(FlaskForm):
    name = StringField(
        "Name",
        filters=[_strip],
        validators=[DataRequired("Give the helpline's name."), Length(max=120)],
    )
    country = StringField(
        "Country (two-letter code, INT for international)",
        filters=[_strip],
        validators=[
            Optional(),
            Regexp(r"^(?:[A-Za-z]{2}|INT|int)$", message="Use a two-letter code or INT."),
        ],
    )
    numbers = TextAreaField(
        "Phone numbers and short codes, one per line",
        filters=[_strip],
        validators=[Length(max=2000)],
        default="",
    )
    emails = TextAreaField(
        "E-mail addresses, one per line", filters=[_strip], validators=[Length(max=2000)]
    )
    domains = TextAreaField(
        "Web domains, one per line (subdomains count too)",
        filters=[_strip],
        validators=[Length(max=2000)],
    )
    enabled = BooleanField("Enabled: posts naming it are never held for it", default=True)
