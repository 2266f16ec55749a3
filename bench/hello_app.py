"""The baseline for ``bench/pages.py``: Flask's "hello world", served the same way."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "Hello, World!"
