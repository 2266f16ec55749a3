"""The app as gunicorn loads it for the load test: configured by the environment like
production, except that the trained model is the test session's copy (not ``instance/``).

Each worker loads the model before it takes a request and then says so on stderr, so the
test's clock starts only when every worker is ready."""

import os
import sys
from pathlib import Path

from app import create_app
from app.live_screener import screen_post
from tests.load.conftest import READY

app = create_app({"MODEL_CACHE_PATH": Path(os.environ["MEND_TEST_MODEL_CACHE"])})
with app.app_context():
    screen_post("warming up this worker")
print(READY, file=sys.stderr, flush=True)
