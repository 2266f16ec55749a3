import math
from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.exceptions import TooManyRequests

from app.auth import bp, services
from app.auth.forms import LoginForm, LogoutForm
from app.auth.sessions import end_session, start_session
from app.poster_identity import LOGIN_ADDRESS, address_hash


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never send a moderator off to another host."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and "\\" not in target:
            if not target.startswith("//"):
                return target
    return url_for("mod.queue")


def _login_limits() -> services.LoginLimits:
    config = current_app.config
    return services.LoginLimits(
        max_failures=config["LOGIN_MAX_FAILURES"],
        address_max_failures=config["LOGIN_ADDRESS_MAX_FAILURES"],
        window_seconds=config["LOGIN_FAILURE_WINDOW"],
        first_pause_seconds=config["LOGIN_FIRST_PAUSE_SECONDS"],
    )


def _duration(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} seconds"
    return f"{math.ceil(seconds / 60)} minutes"


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated and request.method == "GET":
        return redirect(_safe_next(request.args.get("next")))
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = services.authenticate(
                form.username.data,
                form.password.data,
                address_hash(request.remote_addr, LOGIN_ADDRESS),
                _login_limits(),
            )
        except services.TooManyFailures as refused:
            raise TooManyRequests(
                description="Too many failed logins from your network. "
                f"Wait {_duration(refused.retry_after)}, then try again.",
                retry_after=refused.retry_after,
            ) from None
        if user is not None:
            start_session(user)
            return redirect(_safe_next(request.args.get("next")))
        form.password.errors.append("That username and password do not match.")
    status = 400 if form.is_submitted() else 200
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
def logout():
    LogoutForm()  # CSRFProtect has already checked the token
    if current_user.is_authenticated:
        end_session(current_user)
    flash("You are logged out.")
    return redirect(url_for("forum.index"))
