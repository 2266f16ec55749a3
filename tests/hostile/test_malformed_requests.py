"""Whatever a client sends, the answer is a 4xx page a person can read, never a 500, and
every response carries the security headers."""

import io

import pytest
from werkzeug.datastructures import MultiDict

from tests.conftest import csrf_token, make_staff, remembered_token, submit

HUGE = "x" * (300 * 1024)
WRITE_URLS = ["/new", "/t/1/reply", "/p/1/edit", "/p/1/delete", "/p/1/report", "/p/1/appeal"]
STAFF_WRITE_URLS = ["/login", "/logout", "/mod/decide"]


def assert_security_headers(response, url) -> None:
    csp = response.headers.get("Content-Security-Policy", "")
    script_src = next((d for d in csp.split(";") if d.strip().startswith("script-src")), "")
    assert "'self'" in script_src and "unsafe-inline" not in csp and "unsafe-eval" not in csp, url
    assert "frame-ancestors 'none'" in csp, url
    assert response.headers.get("X-Content-Type-Options") == "nosniff", url
    assert response.headers.get("Referrer-Policy") == "same-origin", url
    assert response.headers.get("X-Frame-Options") == "DENY", url


def assert_clear_4xx(response, url, *codes) -> str:
    assert 400 <= response.status_code < 500, (url, response.status_code)
    if codes:
        assert response.status_code in codes, (url, response.status_code)
    assert_security_headers(response, url)
    html = response.get_data(as_text=True)
    # Our own page with a plain-words heading, not werkzeug's bare default.
    assert "<h1>" in html and "Back to the threads" in html or "<form" in html, (url, html[:300])
    assert "Traceback" not in html and "werkzeug" not in html.lower(), url
    return html


@pytest.fixture
def story(client, post_thread):
    post_thread()
    return remembered_token(client, 1)


def test_oversized_bodies_are_413_everywhere(client, story):
    for url in WRITE_URLS + STAFF_WRITE_URLS:
        response = client.post(url, data={"body": HUGE, "title": "t"})
        assert "too long" in assert_clear_4xx(response, url, 413)


def test_wrong_methods_are_405_with_allow(client, story):
    for url in WRITE_URLS + ["/login", "/t/1", "/"]:
        for method in ("PUT", "PATCH", "DELETE"):
            response = client.open(url, method=method, data={"body": "x"})
            assert_clear_4xx(response, f"{method} {url}", 405)
            assert "GET" in response.headers.get("Allow", "") or "POST" in response.headers.get(
                "Allow", ""
            ), f"{method} {url}: 405 without Allow"


OUT_OF_RANGE_LINKS = ["/t/99999999999999999999999", "/p/99999999999999999999999",
            "/p/99999999999999999999999/edit", "/p/99999999999999999999999/status",
            "/t/9223372036854775808?after=1", "/t/1?after=99999999999999999",
            "/?older=99999999999999999999999-1", "/?newer=1-99999999999999999999",
            "/mod/queue?page=99999999999999999999"]  # fmt: skip


def test_out_of_range_numbers_in_links_are_not_errors(client, moderator, story):
    # Both a reader and a moderator follow each link; neither may get a 500.
    for url in OUT_OF_RANGE_LINKS:
        for who in (client, moderator):
            response = who.get(url)
            assert response.status_code in (200, 302, 400, 404), (url, response.status_code)
            if response.status_code >= 400:
                assert_clear_4xx(response, url)


OUT_OF_RANGE_TARGETS = ["/t/99999999999999999999999/reply", "/p/99999999999999999999999/edit",
            "/p/99999999999999999999999/delete", "/p/99999999999999999999999/report",
            "/p/99999999999999999999999/appeal"]  # fmt: skip


def test_out_of_range_numbers_in_form_targets_are_4xx(client, story):
    token = csrf_token(client, "/new")
    for url in OUT_OF_RANGE_TARGETS:
        response = client.post(url, data={"csrf_token": token, "body": "x", "token": story})
        assert_clear_4xx(response, url, 404)


def malformed() -> dict[str, dict]:
    """Broken form posts, made fresh for each request (a file can be read only once)."""
    return {
        "no fields at all": {"data": {}},
        "fields twice": {
            "data": MultiDict([("title", "One"), ("title", "2"), ("body", "a"), ("body", "b")])
        },
        "json instead of a form": {"json": {"title": "Hello there", "body": "json body"}},
        "plain text body": {"data": b"title=x&body=y", "content_type": "text/plain"},
        "broken percent-encoding": {
            "data": b"title=%zz%&body=%E0%A4%A",
            "content_type": "application/x-www-form-urlencoded",
        },
        "invalid utf-8": {
            "data": b"title=\xff\xfe\xfd&body=\xc3\x28",
            "content_type": "application/x-www-form-urlencoded",
        },
        "multipart with a file": {
            "data": {"title": "File", "body": (io.BytesIO(b"<script>"), "x.html")},
            "content_type": "multipart/form-data",
        },
        "broken multipart": {
            "data": b"--nope\r\ngarbage",
            "content_type": "multipart/form-data; boundary=zzz",
        },
    }


def test_malformed_forms_are_400(client, story):
    for url in WRITE_URLS:
        for case, request in malformed().items():
            assert_clear_4xx(client.post(url, **request), f"{case} to {url}", 400)


BAD_TOKENS = ["", "   ", "wrong", "x" * 5000, "🙂" * 200, "\x00\x01", "a:b|c", "%00' OR 1=1 --"]


def test_bad_edit_tokens_are_refused_plainly(client, story):
    for action in ("edit", "delete", "appeal"):
        for token in BAD_TOKENS:
            data = {"token": token, "title": "Changed", "body": "Changed", "message": "please"}
            response = submit(client, "/p/1/edit", data, f"/p/1/{action}")
            assert_clear_4xx(response, f"{action} with {token[:20]!r}", 400, 403)


def test_bad_report_forms_are_400(client, story):
    for data in ({"reason": "nonsense"}, {"reason": ""}, {"reason": "spam", "details": "d" * 5000}):
        assert_clear_4xx(submit(client, "/p/1/report", data), str(data)[:40], 400)


def test_security_headers_on_every_kind_of_response(app, client, story):
    make_staff(app, "mo", "moderator")
    responses = {
        "page": client.get("/"),
        "redirect": client.get("/p/1"),
        "404": client.get("/nowhere"),
        "405": client.put("/new"),
        "413": client.post("/new", data={"body": HUGE}),
        "csrf 400": client.post("/new", data={"title": "x", "body": "y"}),
        "static file": client.get("/static/style.css"),
        "login page": client.get("/login"),
        "staff redirect": client.get("/mod/queue"),
        "head": client.head("/"),
        "options": client.options("/new"),
    }
    for kind, response in responses.items():
        assert response.status_code < 500, kind
        assert_security_headers(response, kind)
