"""`flask spam backfill-wording`: posts written before wording fingerprints existed
(migration 0010) get theirs, a batch at a time, so a campaign by wording finds them;
running it again changes nothing, and deleted posts stay without words."""

from app.mod.campaigns import wording_neighbours
from models import Post, PostWording, db
from tests.promises.forms import submit_as_rendered

WAVE = (
    "My boyfriend left me for another woman and I cried every single night for a year. "
    "Then a friend told me about {name}, who cast a return spell for me, and within "
    "three days he was back at my door begging me to forgive him. Contact {name} on "
    "WhatsApp {number} and your lover will come back too."
)
NAMES = (("Dr Abalu", "+234 810 555 0101"), ("Priest Osa", "+234 810 555 0102"))
NAMES += (("Baba Zuma", "+234 810 555 0103"),)
GENUINE = (
    "It has been five months since she moved out and I still reach for her side of the "
    "bed every morning. Some days are easier now, and I walk the dog before work."
)


def _post(app, body: str) -> int:
    response = submit_as_rendered(
        app.test_client(), "/new", "/new", {"title": "A long year", "body": body}
    )
    assert response.status_code == 302
    with app.app_context():
        return db.session.execute(db.select(db.func.max(Post.id))).scalar_one()


def _keys(app) -> dict[int, set[int]]:
    with app.app_context():
        rows = db.session.execute(db.select(PostWording.post_id, PostWording.band_key)).all()
    keys: dict[int, set[int]] = {}
    for post_id, key in rows:
        keys.setdefault(post_id, set()).add(key)
    return keys


def _backfill(app, *args: str) -> str:
    result = app.test_cli_runner().invoke(args=["spam", "backfill-wording", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_old_posts_get_the_fingerprint_new_posts_get(app):
    wave = [_post(app, WAVE.format(name=name, number=number)) for name, number in NAMES]
    genuine = _post(app, GENUINE)
    deleted = _post(app, GENUINE.replace("dog", "cat"))
    written_now = _keys(app)
    assert set(wave + [genuine, deleted]) <= set(written_now)
    with app.app_context():
        post = db.session.get(Post, deleted)
        post.status = "deleted"
        # As before migration 0010: no post has a fingerprint.
        db.session.execute(db.delete(PostWording))
        db.session.commit()
        assert wording_neighbours(wave) == {}

    output = _backfill(app, "--batch-size", "2")
    assert "Read 4 posts; 4 got a new fingerprint." in output
    filled = _keys(app)
    assert deleted not in filled
    assert {post_id: filled[post_id] for post_id in [*wave, genuine]} == {
        post_id: written_now[post_id] for post_id in [*wave, genuine]
    }
    with app.app_context():
        neighbours = wording_neighbours(wave)
    assert neighbours[wave[0]] == {wave[1], wave[2]}

    # Again: nothing is missing, nothing changes.
    assert "Read 0 posts; 0 got a new fingerprint." in _backfill(app)
    assert _keys(app) == filled
    output = _backfill(app, "--all", "--batch-size", "3")
    assert "Read 4 posts; 0 got a new fingerprint." in output
    assert _keys(app) == filled


def test_all_reads_contacts_again_in_todays_spelling(app):
    post_id = _post(app, WAVE.format(name="Dr Abalu", number="0810 555 0101"))
    with app.app_context():
        post = db.session.get(Post, post_id)
        # As an older screener stored it: with a country guessed for a national number.
        for row in post.contacts:
            row.value = "+918105550101"
        db.session.commit()
    _backfill(app, "--all")
    with app.app_context():
        post = db.session.get(Post, post_id)
        assert {(row.kind, row.value) for row in post.contacts} == {("phone", "08105550101")}


def test_a_bad_batch_size_is_refused_plainly(app):
    result = app.test_cli_runner().invoke(args=["spam", "backfill-wording", "--batch-size", "0"])
    assert result.exit_code == 2
    assert "Invalid value for '--batch-size'" in result.output
