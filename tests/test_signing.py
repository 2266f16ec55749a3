"""The session cookie and CSRF token signed with kept serializers and no zlib for small
payloads (``app/signing.py``) are the ones Flask and Flask-WTF make and check."""

import pytest
from flask import session
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import generate_csrf as flask_wtf_generate_csrf
from flask_wtf.csrf import validate_csrf
from wtforms.validators import ValidationError

from app.signing import COMPRESS_ABOVE, SessionInterface, generate_csrf
from tests.conftest import csrf_token


def test_our_tokens_pass_flask_wtf_and_theirs_pass_ours(app):
    with app.test_request_context("/"):
        ours = generate_csrf()
        assert generate_csrf() == ours  # once per request
        assert flask_wtf_generate_csrf() == ours
        validate_csrf(ours)
        payload, stamp, signature = ours.split(".")
        flipped = signature[:5] + ("B" if signature[5] != "B" else "C") + signature[6:]
        with pytest.raises(ValidationError):
            validate_csrf(f"{payload}.{stamp}.{flipped}")
    with app.test_request_context("/"):
        theirs = flask_wtf_generate_csrf()
        assert generate_csrf() == theirs


def test_a_token_from_another_session_or_key_is_refused(app, make_app):
    with app.test_request_context("/"):
        token = generate_csrf()
    with app.test_request_context("/"):
        generate_csrf()  # a session of its own
        with pytest.raises(ValidationError):
            validate_csrf(token)
    other = make_app(SECRET_KEY="another secret key, another deployment")
    with other.test_request_context("/"):
        session["csrf_token"] = "0" * 40
        forged = generate_csrf()
    with app.test_request_context("/"):
        session["csrf_token"] = "0" * 40
        with pytest.raises(ValidationError):
            validate_csrf(forged)


@pytest.mark.parametrize("size", [10, COMPRESS_ABOVE * 4])
def test_session_cookies_read_both_ways(app, size):
    ours, flasks = SessionInterface(), SecureCookieSessionInterface()
    data = {"csrf_token": "a" * 40, "note": "x" * size}
    for writer, reader in ((ours, flasks), (flasks, ours)):
        signed = writer.get_signing_serializer(app).dumps(data)
        assert reader.get_signing_serializer(app).loads(signed) == data
    small = ours.get_signing_serializer(app).dumps(data)
    assert small.startswith(".") == (size > COMPRESS_ABOVE)  # "." marks zlib


def test_a_form_posts_with_the_token_its_page_rendered(client):
    token = csrf_token(client, "/new")
    form = {"title": "Trying to get through the week", "body": "It has been a hard month."}
    refused = client.post("/new", data={"csrf_token": token + "x", **form})
    assert refused.status_code == 400
    assert client.post("/new", data={"csrf_token": token, **form}).status_code == 302
