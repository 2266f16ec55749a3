from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from app.reasons import REPORT_REASONS

TITLE_MAX = 150
BODY_MAX = 10_000
REPORT_DETAILS_MAX = 1_000
APPEAL_MAX = 2_000


def _strip_nul(value: str | None) -> str | None:
    # NUL cannot be stored in PostgreSQL text and is never meaningful in a post.
    return value.replace("\x00", "") if isinstance(value, str) else value


def _title_field():
    return StringField(
        "Title",
        filters=[_strip_nul, lambda v: v.strip() if isinstance(v, str) else v],
        validators=[
            DataRequired("Give your thread a title."),
            Length(min=3, max=TITLE_MAX, message=f"Titles are 3 to {TITLE_MAX} characters."),
        ],
    )


def _body_field(label: str):
    return TextAreaField(
        label,
        filters=[_strip_nul],
        validators=[
            DataRequired("Write something first."),
            Length(max=BODY_MAX, message=f"Posts can be up to {BODY_MAX:,} characters."),
        ],
    )


class ThreadForm(FlaskForm):
    title = _title_field()
    body = _body_field("Your story")


class ReplyForm(FlaskForm):
    body = _body_field("Your reply")


class TokenForm(FlaskForm):
    """Proves authorship: the private token shown when the post was made.

    A text field, not a password field: a password input never renders its value, so the
    token this browser remembers could not be filled in (the page renders it as a hidden
    input then, see ``token_field`` in templates/forum/_field.html)."""

    token = StringField(
        "Your private token",
        filters=[lambda v: v.strip() if isinstance(v, str) else v],
        render_kw={"autocomplete": "off", "autocapitalize": "off", "spellcheck": "false"},
        validators=[DataRequired("Enter the private token you got when you posted.")],
    )


class EditForm(TokenForm):
    title = _title_field()
    body = _body_field("Your post")


class EditReplyForm(TokenForm):
    body = _body_field("Your post")


class DeleteForm(TokenForm):
    confirm = HiddenField(default="yes")


class DeleteMineForm(FlaskForm):
    """Delete every post this browser holds a token for: the cookie is the proof."""


class AddMineForm(TokenForm):
    """A token saved on another device, to make its post this browser's too."""


class SaveMineForm(FlaskForm):
    """Make a recovery code for the posts this browser holds tokens for."""


class RestoreMineForm(FlaskForm):
    """A recovery code made on another device."""

    code = StringField(
        "Your recovery code",
        filters=[_strip_nul, lambda v: v.strip() if isinstance(v, str) else v],
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
        validators=[
            DataRequired("Enter the recovery code you saved."),
            Length(max=100, message="A recovery code is 25 letters and digits."),
        ],
    )


class ReportForm(FlaskForm):
    reason = RadioField(
        "What is wrong with this post?",
        choices=[SelectChoice(key, label) for key, label in REPORT_REASONS.items()],
        validators=[DataRequired("Choose the closest reason.")],
    )
    details = TextAreaField(
        "Anything a moderator should know? (optional)",
        filters=[_strip_nul],
        validators=[
            Optional(),
            Length(max=REPORT_DETAILS_MAX, message=f"Up to {REPORT_DETAILS_MAX:,} characters."),
        ],
    )


class AppealForm(TokenForm):
    message = TextAreaField(
        "Why should a moderator look again?",
        filters=[_strip_nul],
        validators=[
            DataRequired("Tell the moderators why, in a few words."),
            Length(max=APPEAL_MAX, message=f"Appeals can be up to {APPEAL_MAX:,} characters."),
        ],
    )
