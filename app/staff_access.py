"""Who may see staff pages: anonymous visitors are sent to log in, staff with too
low a role get 403."""

from flask import Blueprint, abort
from flask_login import current_user

from app.extensions import login_manager


def _check(role: str):
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.has_role(role):
        abort(403)
    return None


def guard_blueprint(bp: Blueprint, role: str) -> None:
    """Check ``role`` before every route of ``bp``, including routes added later."""
    bp.before_request(lambda: _check(role))
