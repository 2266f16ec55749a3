from flask import Blueprint

bp = Blueprint("forum", __name__)

from app.forum import views  # noqa: E402,F401  (registers the routes)
