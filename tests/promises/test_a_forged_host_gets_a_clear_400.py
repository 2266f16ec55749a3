"""Promise: no route answers 500, whatever Host a request names. A Host that is not a
host name (an empty label, a label over 63 letters, an ``xn--`` label IDNA refuses)
made Werkzeug fail while Flask set the request up, before any view or error handler:
it gets a short 400 saying what was wrong, with the usual security headers, on every
path (pages, static files, feeds, staff pages)."""

import pytest
from werkzeug.test import EnvironBuilder

from app.security_headers import SECURITY_HEADERS
from models import Post, db

PATHS = ["/", "/login", "/static/style.css", "/mod/queue", "/p/1", "/t/1", "/feed.atom"]
# Werkzeug's test client itself decodes the Host as IDNA before the app sees it, so
# these are sent to the app as a server would hand them over: a WSGI environ.
IDNA_REFUSES = ["xn--", "xn--gmail-.com", "xn--a.example", "shop.xn--.com:5000"]
MALFORMED = ["a..b", "a" * 64 + ".example", ".", "mend.example:99999", "mend.example:x"]


def _call(app, path: str, host: str) -> tuple[int, dict, str]:
    environ = EnvironBuilder(path=path, headers={"Host": host}).get_environ()
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = int(status.split()[0]), dict(headers)

    body = b"".join(app(environ, start_response)).decode()
    return answer["status"], answer["headers"], body


@pytest.fixture
def thread_one(app, post_thread):
    assert post_thread().status_code == 302
    with app.app_context():
        return db.session.execute(db.select(db.func.min(Post.id))).scalar_one()


@pytest.mark.parametrize("host", IDNA_REFUSES + MALFORMED)
def test_a_host_that_is_no_host_name_gets_a_clear_400(app, thread_one, host):
    for path in PATHS:
        status, headers, body = _call(app, path, host)
        assert status == 400, (host, path)
        assert "no valid host" in body
        for name, value in SECURITY_HEADERS.items():
            assert headers[name] == value


@pytest.mark.parametrize("host", MALFORMED)
def test_the_test_client_sees_the_same_400(client, thread_one, host):
    for path in PATHS:
        response = client.get(path, headers={"Host": host})
        assert response.status_code == 400, (host, path)
        assert "no valid host" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "host",
    [
        "localhost",
        "127.0.0.1:5113",
        "mend.example",
        "xn--bcher-kva.de",
        "[::1]:8080",
        "mend_web:8000",
    ],
)
def test_real_host_names_are_served(app, thread_one, host):
    status, _, body = _call(app, "/", host)
    assert status == 200
    assert "Trying to get through the week" in body
    status, _, _ = _call(app, f"/p/{thread_one}", host)
    assert status == 302
