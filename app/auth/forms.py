from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    username = StringField(
        "Username",
        filters=[lambda v: v.strip() if isinstance(v, str) else v],
        validators=[DataRequired("Enter your username."), Length(max=64)],
    )
    password = PasswordField(
        "Password", validators=[DataRequired("Enter your password."), Length(max=1024)]
    )


class LogoutForm(FlaskForm):
    """Only a CSRF token: logging out is a POST from our own page."""
