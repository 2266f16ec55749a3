"""The classifier trains, explains itself, and stores without pickle."""

import io
import zipfile
from pathlib import Path

import numpy as np
import pytest

import moderation.classifier as classifier_module
from moderation.classifier import (
    SpamClassifier,
    classifier_text,
    classifier_texts,
    fitted_rows,
    load_or_train_default,
)
from moderation.tfidf import CHAR_SETTINGS, fit_char_vectorizer, term_vectorizer

SAMPLE_POSTS = [
    "Dr Zuma cast a love spell and my husband came back in 48 hours, email him now",
    "I miss her so much, we broke up in March and I still check her instagram",
    "My therapist Dr Lee says grief comes in waves. Today was a bad wave.",
    "Need your ex back? whatsapp the great priest on +1 202 555 0143",
    "a",
    "",
]
# What the classifier reads of them: every method takes normalised, redacted text.
PREPARED = [classifier_text(post) for post in SAMPLE_POSTS]


def test_round_trip_gives_identical_probabilities(classifier):
    restored = SpamClassifier.from_bytes(classifier.to_bytes())
    assert np.array_equal(classifier.predict_proba(PREPARED), restored.predict_proba(PREPARED))
    assert restored.explain(PREPARED[0]) == classifier.explain(PREPARED[0])
    assert restored.metadata == classifier.metadata


def test_fast_scoring_agrees_with_the_sklearn_pipeline(classifier):
    expected = classifier.pipeline.decision_function(PREPARED)
    assert np.allclose(classifier.decision_function(PREPARED), expected, atol=1e-9)


def test_scam_scores_high_and_genuine_grief_low(classifier):
    spam, genuine = classifier.predict_proba([PREPARED[0], PREPARED[2]])
    assert spam > 0.9
    assert genuine < 0.1


def test_explain_names_terms_that_push_towards_spam(classifier):
    terms = classifier.explain(PREPARED[0], k=5)
    assert 0 < len(terms) <= 5
    assert all(weight > 0 for _, weight in terms)
    assert [w for _, w in terms] == sorted((w for _, w in terms), reverse=True)
    assert any("spell" in term for term, _ in terms)


@pytest.mark.parametrize(
    "garbage",
    [b"", b"not a model", bytes(range(256)) * 4, b"PK\x03\x04" + b"\x00" * 40],
)
def test_from_bytes_rejects_garbage_with_a_value_error(garbage):
    with pytest.raises(ValueError):
        SpamClassifier.from_bytes(garbage)


def _npz(**arrays) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def test_from_bytes_refuses_pickled_objects_without_running_them(tmp_path):
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (marker.write_text, ("pwned",))

    payload = np.array([Payload()], dtype=object)
    with pytest.raises(ValueError):
        SpamClassifier.from_bytes(_npz(header=payload))
    assert not marker.exists()


def test_from_bytes_refuses_a_tampered_archive(classifier):
    with zipfile.ZipFile(io.BytesIO(classifier.to_bytes())) as archive:
        arrays = {name[:-4]: np.load(archive.open(name)) for name in archive.namelist()}
    arrays["coef"] = arrays["coef"][:, :-1]  # one coefficient short
    with pytest.raises(ValueError, match="shape"):
        SpamClassifier.from_bytes(_npz(**arrays))
    arrays["header"] = np.frombuffer(b'{"format": "something else"}', dtype=np.uint8)
    with pytest.raises(ValueError, match="not a Mend spam classifier"):
        SpamClassifier.from_bytes(_npz(**arrays))


def test_training_is_deterministic_and_checks_labels():
    texts = [
        "he cast a spell and my ex came back, email dr zuma",
        "whatsapp the love doctor for a reunion spell",
        "contact the great priest today for your lover",
        "spell caster brought my husband back in two days",
        "I miss him and I cry every night",
        "my friends took me out and it helped a bit",
        "therapy is slow but it is working",
        "she blocked me everywhere and I am so lost",
    ]
    labels = ["spam"] * 4 + ["ham"] * 4
    texts = classifier_texts(texts)
    first = SpamClassifier.train(texts, labels).predict_proba(texts)
    second = SpamClassifier.train(texts, labels).predict_proba(texts)
    assert np.array_equal(first, second)
    assert first[:4].min() > first[4:].max()
    with pytest.raises(ValueError, match="'spam' or 'ham'"):
        SpamClassifier.train(texts, ["spam"] * 7 + ["maybe"])
    with pytest.raises(ValueError, match="both"):
        SpamClassifier.train(texts, ["ham"] * 8)


def test_load_or_train_default_writes_then_reuses_the_cache(tmp_path, monkeypatch, classifier):
    trained = []

    def fake_train_default():
        trained.append(1)
        return classifier

    monkeypatch.setattr(classifier_module, "train_default", fake_train_default)
    cache = tmp_path / "models" / "default.npz"
    load_or_train_default(cache)
    assert cache.is_file() and len(trained) == 1

    reloaded = load_or_train_default(cache)
    assert len(trained) == 1  # read from the cache, not retrained
    assert np.array_equal(reloaded.predict_proba(PREPARED), classifier.predict_proba(PREPARED))

    cache.write_bytes(b"corrupted")
    load_or_train_default(str(cache))
    assert len(trained) == 2  # unreadable cache: retrained and rewritten
    assert SpamClassifier.from_bytes(cache.read_bytes()).metadata == classifier.metadata


def test_fast_character_fitting_matches_tfidf_vectorizer():
    texts = [classifier_text(post) for post in SAMPLE_POSTS * 2 + ["spell caster spell", "ex ex"]]
    reference, fast = term_vectorizer(CHAR_SETTINGS), term_vectorizer(CHAR_SETTINGS)
    expected = reference.fit_transform(texts)
    got = fit_char_vectorizer(fast, texts)
    assert fast.vocabulary_ == reference.vocabulary_
    assert np.array_equal(fast.idf_, reference.idf_)
    assert abs(got - expected).max() < 1e-12
    assert abs(fast.transform(texts) - expected).max() < 1e-12


def test_fitted_rows_sample_a_large_corpus_by_label():
    y = np.array([1] * 300 + [0] * 700)
    assert np.array_equal(fitted_rows(y, limit=1000), np.arange(1000))
    rows = fitted_rows(y, limit=200)
    assert len(rows) == 200 and len(set(rows.tolist())) == 200
    assert np.all(np.diff(rows) > 0)  # corpus order is kept
    assert int(y[rows].sum()) == 60  # the corpus' spam share, 30%
    assert np.array_equal(rows, fitted_rows(y, limit=200))


def test_training_beyond_the_cap_fits_a_sample(monkeypatch):
    spam = [f"dr zuma cast a spell, my ex came back in {n} days, contact him" for n in range(30)]
    ham = [f"day {n} without her, I walked by the river and cried a little" for n in range(70)]
    monkeypatch.setattr(classifier_module, "MAX_FITTED", 40)
    spam, ham = classifier_texts(spam), classifier_texts(ham)
    model = SpamClassifier.train(spam + ham, ["spam"] * 30 + ["ham"] * 70)
    assert model.metadata["available_texts"] == 100
    assert model.metadata["fitted_texts"] == 40
    assert model.predict_proba([spam[-1]])[0] > model.predict_proba([ham[-1]])[0]


# Distinct words: near-duplicate detection folds digits, so numbered texts would be one.
WORDS = (
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december spring summer autumn winter "
    "morning evening midnight dawn dusk noon weekend holiday"
).split()


def test_a_candidate_beyond_the_cap_is_fitted_on_a_sample(monkeypatch):
    from moderation.builtin_rules import DEFAULT_RULES
    from moderation.evaluation import LabelledText
    from moderation.screener import ScreeningConfig
    from moderation.training import train_candidate

    spam = [f"dr zuma cast a spell on day {w}, my ex came back, contact him" for w in WORDS]
    ham = [f"{w} without her, I walked by the river and cried a little" for w in WORDS] + [
        f"my sister says {w} is a good day to start over" for w in WORDS
    ]
    examples = [LabelledText(t, "spam") for t in spam] + [LabelledText(t, "ham") for t in ham]
    monkeypatch.setattr(classifier_module, "MAX_FITTED", 30)
    result = train_candidate(examples, DEFAULT_RULES, ScreeningConfig(), active=None)
    split = result.metrics["split"]
    assert split["train"] > 30 and split["fitted"] == 30
    assert result.classifier.metadata["fitted_texts"] == 30
    assert result.classifier.metadata["available_texts"] == split["train"]


def test_a_model_stored_in_format_1_still_loads_and_scores_as_it_did():
    # Written by the code before the TF-IDF internals and the artifact format had
    # modules of their own (40 spam and 80 genuine posts of the bundled corpus);
    # models stored in databases then must keep their scores and explanations.
    stored = (Path(__file__).parent / "format_1_classifier.npz").read_bytes()
    model = SpamClassifier.from_bytes(stored)
    assert model.metadata["made_by"] == "the format 1 code, for tests"
    posts = [SAMPLE_POSTS[0], SAMPLE_POSTS[1], SAMPLE_POSTS[3]]
    expected = [0.9990813985821563, 0.12786604284309325, 0.9978110994991798]
    assert np.allclose(model.predict_proba(classifier_texts(posts)), expected, rtol=0, atol=1e-12)
    assert [term for term, _ in model.explain(classifier_text(posts[0]), 3)] == [
        "word:spell",
        "word:spell and",
        "word:dr",
    ]
