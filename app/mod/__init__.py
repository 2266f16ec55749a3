from flask import Blueprint

from app.staff_access import guard_blueprint
from models import Role

bp = Blueprint("mod", __name__, url_prefix="/mod")
# Every route of the queue, including ones added later, is for moderators and admins.
guard_blueprint(bp, Role.MODERATOR)

from app.mod import thread_views, views  # noqa: E402,F401  (registers the routes)
