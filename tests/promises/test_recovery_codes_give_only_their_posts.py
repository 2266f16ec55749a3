"""Promise: a recovery code ("Save my posts" at /mine) gives its holder the posts it
was saved for, and nothing else; the server cannot read the tokens it keeps (README,
Your posts). The attacker guesses codes, types nonsense, replays a code that was
replaced or whose browser deleted everything, tampers with the stored rows, forges a
cookie listing someone else's posts, and reads the whole database after a save."""

import re
import secrets

import pytest
from sqlalchemy import text

from app.forum.recovery import ALPHABET
from models import RecoveryCode, db
from tests.conftest import remembered_token
from tests.forum.test_your_posts import mine, reply, shown_code, start_thread
from tests.promises.forms import submit_as_rendered


@pytest.fixture
def app(make_app):
    return make_app(RESTORE_RATE_LIMIT="1000 per minute")


def _save(client) -> str:
    response = submit_as_rendered(client, "/mine", "/save-code")
    assert response.status_code == 200
    return shown_code(response.get_data(as_text=True))


def _restore(client, code: str):
    return submit_as_rendered(client, "/mine", "/restore-code", {"code": code})


def _guess() -> str:
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(5)) for _ in range(5))


def _rows(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count(RecoveryCode.id))).scalar_one()


def test_guessed_and_malformed_codes_open_nothing(app, client):
    start_thread(client, "Week three", "Still sleeping on the sofa.")
    real = _save(client)
    for _ in range(20):
        guesser = app.test_client()
        guess = _guess()
        assert guess != real
        response = _restore(guesser, guess)
        assert response.status_code == 404
        assert "No saved posts have that code" in response.get_data(as_text=True)
        assert guesser.get_cookie("mend_tokens") is None
    # One character off is as wrong as any other guess.
    last = ALPHABET[(ALPHABET.index(real[-1]) + 1) % len(ALPHABET)]
    assert _restore(app.test_client(), real[:-1] + last).status_code == 404
    for nonsense in ("", "x" * 100, real + "0", real[:-1], "<script>", "1:" + real, "\x00" * 25):
        response = _restore(app.test_client(), nonsense)
        assert response.status_code == 400, nonsense
    # Sent without the page's CSRF token: refused, nothing restored.
    bare = app.test_client()
    assert bare.post("/restore-code", data={"code": real}).status_code == 400
    assert bare.get_cookie("mend_tokens") is None


def test_restoring_is_rate_limited_per_address(make_app):
    app = make_app(RESTORE_RATE_LIMIT="3 per minute")
    owner = app.test_client()
    start_thread(owner, "Week three", "Still sleeping on the sofa.")
    real = _save(owner)
    attacker = app.test_client()
    for _ in range(3):
        assert _restore(attacker, _guess()).status_code == 404
    # The fourth try, even with the right code and a fresh cookie jar, waits.
    limited = _restore(app.test_client(), real)
    assert limited.status_code == 429


def test_a_replaced_or_ended_code_cannot_be_replayed(app, client):
    post = start_thread(client, "Week three", "Still sleeping on the sofa.")
    first = _save(client)
    second = _save(client)
    assert _restore(app.test_client(), first).status_code == 404
    assert _restore(app.test_client(), second).status_code == 302
    # The author deletes the post on another device: the code brings back nothing.
    phone = app.test_client()
    token = remembered_token(client, post)
    submit_as_rendered(phone, "/mine", "/add-token", {"token": token})
    assert submit_as_rendered(phone, f"/p/{post}/delete", "/delete").status_code == 302
    late = app.test_client()
    assert _restore(late, second).status_code == 302
    assert "nothing to add" in mine(late)
    assert late.get_cookie("mend_tokens") is None
    # Such a code can never give anything again, so it is gone.
    assert _rows(app) == 0
    assert _restore(app.test_client(), second).status_code == 404
    # Deleting everything from the browser that saved it ends the code.
    another = start_thread(client, "Month two", "Quieter now.")
    third = _save(client)
    assert _rows(app) == 1
    assert (
        submit_as_rendered(client, "/mine", "/mine", button="Delete this post").status_code == 302
    )
    assert _rows(app) == 0
    assert _restore(app.test_client(), third).status_code == 404
    assert another


def test_a_sealed_list_moved_or_damaged_in_the_database_opens_nothing(app):
    alice, bob = app.test_client(), app.test_client()
    start_thread(alice, "Week three", "Still sleeping on the sofa.")
    start_thread(bob, "Month two", "The flat is too quiet now.")
    alices, bobs = _save(alice), _save(bob)
    with app.app_context():
        rows = db.session.execute(db.select(RecoveryCode).order_by(RecoveryCode.id)).scalars()
        first, second = list(rows)
        first.sealed, second.sealed = second.sealed, first.sealed
        db.session.commit()
    # Someone who can write to the database swapped them: neither code opens either.
    for code in (alices, bobs):
        thief = app.test_client()
        assert _restore(thief, code).status_code == 404
        assert thief.get_cookie("mend_tokens") is None
    with app.app_context():
        for row in db.session.execute(db.select(RecoveryCode)).scalars():
            row.sealed = row.sealed[:5]
        db.session.commit()
    assert _restore(app.test_client(), alices).status_code == 404


def test_a_forged_cookie_with_someone_elses_posts_shows_and_saves_nothing(app):
    alice, mallory = app.test_client(), app.test_client()
    hers = start_thread(alice, "Week three", "Still sleeping on the sofa.")
    reply(app.test_client(), hers, "It gets lighter.")
    own = reply(mallory, hers, "Mallory's own reply.")
    mallorys_token = remembered_token(mallory, own)
    # Her post's id with a made-up token, and with Mallory's real token for his own post.
    mallory.set_cookie("mend_tokens", f"{hers}:{mallorys_token}|{own}:{mallorys_token}")
    page = mine(mallory)
    assert 'id="mine-1"' not in page and "Still sleeping" not in page
    assert f'id="mine-{own}"' in page
    code = _save(mallory)
    stranger = app.test_client()
    assert _restore(stranger, code).status_code == 302
    assert f"{hers}:" not in stranger.get_cookie("mend_tokens").value
    assert 'id="mine-1"' not in mine(stranger)

    nobody = app.test_client()
    nobody.set_cookie("mend_tokens", f"{hers}:not-her-token-at-all-xx")
    response = submit_as_rendered(nobody, "/mine", "/restore-code", {"code": _guess()})
    assert response.status_code == 404
    assert nobody.post("/save-code").status_code == 400  # no CSRF token, no form to send
    assert _rows(app) == 1


def _everything_stored(app) -> str:
    """Every value in every table, as text (bytes both as hex and as latin-1)."""
    parts = []
    with app.app_context():
        with db.engine.connect() as connection:
            for table in db.metadata.sorted_tables:
                for row in connection.execute(text(f"SELECT * FROM {table.name}")):
                    for value in row:
                        if isinstance(value, bytes | memoryview):
                            value = bytes(value)
                            parts.append(value.hex())
                            parts.append(value.decode("latin-1"))
                        else:
                            parts.append(str(value))
    return "\n".join(parts)


def test_the_database_after_saving_holds_no_token_and_no_code(app, client):
    first = start_thread(client, "Week three", "Still sleeping on the sofa.")
    second = reply(client, first, "And the week after.")
    tokens = [remembered_token(client, first), remembered_token(client, second)]
    code = _save(client)
    stored = _everything_stored(app)
    plain = code.replace("-", "")
    for secret in (*tokens, code, plain, plain.lower(), code.lower()):
        assert secret not in stored
    for token in tokens:
        assert token.encode().hex() not in stored
    # The row keeps a hash, the sealed bytes, a count and a date: nothing readable.
    with app.app_context():
        row = db.session.execute(db.select(RecoveryCode)).scalar_one()
        assert re.fullmatch(r"[0-9a-f]{64}", row.code_hash)
        assert row.post_count == 2
        assert b"sofa" not in row.sealed and b'":' not in row.sealed
