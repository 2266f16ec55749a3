from flask import Blueprint

bp = Blueprint("forum", __name__)

from app.forum import feed_views, views  # noqa: E402,F401  (registers the routes)
