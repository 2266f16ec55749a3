from flask import Blueprint

from app.staff_access import guard_blueprint
from models import Role

bp = Blueprint("admin", __name__, url_prefix="/admin")
# Every route here, including ones added later, is for admins only.
guard_blueprint(bp, Role.ADMIN)

from app.admin import views  # noqa: E402,F401  (registers the routes)
