from urllib.parse import urlsplit

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user

from app.anonymity import LOGIN_ADDRESS, address_hash
from app.auth import bp, services
from app.auth.forms import LoginForm, LogoutForm


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never send a moderator off to another host."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and "\\" not in target:
            if not target.startswith("//"):
                return target
    return url_for("mod.queue")


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
                current_app.config["LOGIN_MAX_FAILURES"],
                current_app.config["LOGIN_FAILURE_WINDOW"],
            )
        except services.TooManyFailures:
            minutes = max(1, current_app.config["LOGIN_FAILURE_WINDOW"] // 60)
            abort(
                429,
                description="Too many failed logins for this account or from this network. "
                f"Wait {minutes} minutes, then try again.",
            )
        if user is not None:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
        form.password.errors.append("That username and password do not match.")
    status = 400 if form.is_submitted() else 200
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
def logout():
    LogoutForm()  # CSRFProtect has already checked the token
    logout_user()
    flash("You are logged out.")
    return redirect(url_for("forum.index"))
