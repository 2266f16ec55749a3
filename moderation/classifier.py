"""The text classifier: TF-IDF word and character n-grams into logistic regression.

Why these choices:
- Word 1-2-grams catch the testimonial script ("spell caster", "contact him"); character
  3-4-grams inside word boundaries catch misspellings and variants ("castter", "spel")
  that scammers and heartbroken people alike produce. How they are cut, fitted and
  scored fast is ``moderation.tfidf``.
- Logistic regression (lbfgs, balanced class weights) with Platt calibration fitted
  on 5-fold cross-validated decision values (see ``_platt_calibration``). LR's own
  probabilities were tried first: with balanced weights and strong L2 they are badly
  under-confident (most scams scored 0.6-0.9 while almost nothing genuine passed 0.5),
  which wastes the classifier's evidence when it is added to rule weights as log-odds.
  Calibration is two numbers, stored with the model.
- The classifier reads ``Normalized.redacted``, the text without its contact details:
  the rules weigh those (capped), and the classifier judges the wording around them.
  Every method takes that text (``classifier_text`` of a raw post); screening and
  training normalise each post once and hand the same text to rules and classifier.

Models are stored without pickle (``moderation.artifact``): loading rebuilds the
estimators from checked numbers, so a stored model can never run code.
"""

from __future__ import annotations

import hashlib
import math
import os
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import FeatureUnion, Pipeline

from moderation.artifact import read_artifact, write_artifact
from moderation.evaluation import read_labelled_csv
from moderation.normalize import REDACTION_WORDS, normalize, screening_views
from moderation.tfidf import (
    CHAR_SETTINGS,
    WORD_SETTINGS,
    LinearScorer,
    fit_char_vectorizer,
    term_vectorizer,
)

SPAM, HAM = "spam", "ham"
# Regularisation strength, chosen by cross-validation on the bundled training corpus.
MODEL_C = 8.0
# The one seed of every random choice in training: folds, samples, splits, the solver.
RANDOM_SEED = 0
# From this many training texts on, calibration takes one hold-out instead of 5 folds.
_LARGE_CORPUS = 20_000
# At most this many texts are fitted: a larger corpus is sampled down, stratified by
# label, so training memory and time stop growing with the corpus. The feature counts
# are capped (``moderation.tfidf``), and a linear model over them gains little from
# more texts; 100k fitted texts peak at about 2 GiB (bench/training.py).
MAX_FITTED = 100_000


def _model() -> LogisticRegression:
    return LogisticRegression(
        C=MODEL_C, class_weight="balanced", solver="lbfgs", max_iter=2000, random_state=RANDOM_SEED
    )


def _pipeline(word: TfidfVectorizer, char: TfidfVectorizer, model: LogisticRegression) -> Pipeline:
    return Pipeline(
        [("features", FeatureUnion([("word", word), ("char", char)])), ("model", model)]
    )


def classifier_text(text: str) -> str:
    """What the classifier reads of a raw post."""
    return normalize(text).redacted


def classifier_texts(texts: list[str]) -> list[str]:
    """``classifier_text`` of every raw post, in two processes for a large corpus."""
    return [redacted for _, redacted in screening_views(texts)]


def _spam_flags(labels: Any) -> np.ndarray:
    flags = []
    for label in labels:
        if label in (SPAM, True, 1):
            flags.append(1)
        elif label in (HAM, False, 0):
            flags.append(0)
        else:
            raise ValueError(f"label must be 'spam' or 'ham', not {label!r}")
    return np.array(flags, dtype=np.int64)


class SpamClassifier:
    """Probability that a post is a scam, from its wording alone.

    Every text it takes is what ``classifier_text`` gives of a raw post."""

    def __init__(
        self,
        pipeline: Pipeline,
        calibration: tuple[float, float] = (1.0, 0.0),
        metadata: dict[str, Any] | None = None,
    ):
        self.pipeline = pipeline
        # p(spam) = sigmoid(a * decision + b), fitted on cross-validated decisions.
        self.calibration = (float(calibration[0]), float(calibration[1]))
        self.metadata = dict(metadata or {})
        self._scorer: LinearScorer | None = None

    # --- training and prediction ----------------------------------------------------
    @classmethod
    def train(
        cls,
        prepared: list[str],
        labels: Any,
        metadata: dict[str, Any] | None = None,
        weights: Any = None,
    ) -> SpamClassifier:
        """Fit on texts labelled 'spam' or 'ham' (or 1 and 0). Beyond ``MAX_FITTED``
        texts a stratified sample is fitted (``fitted_rows``); a caller with a very
        large raw corpus samples before normalising, the slow part, and says in
        ``metadata["available_texts"]`` how many there were.

        ``weights`` (one positive number per text, 1 by default) says how much each
        text counts in the fit beside the other texts of its label: a text of weight 20
        pulls on the model 20 times as hard as one of weight 1 (the caller's reason:
        moderators' labels, ``moderation.training.MODERATOR_LABEL_WEIGHT``). Each
        label's texts keep their count as their total weight (``_within_class``), so
        the balanced class weights, and the prior they give every post, do not move:
        without that, ten spam labels at weight 20 held 3 of 557 genuine posts of the
        bundled test split that share a link ("my therapist recommended this book
        summary: <link>") after link spam was learned (``bench/learning.py``)."""
        if len(prepared) != len(labels):
            raise ValueError(f"{len(prepared)} texts but {len(labels)} labels")
        y = _spam_flags(labels)
        if len(set(y.tolist())) != 2:
            raise ValueError("training needs both 'spam' and 'ham' examples")
        w = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=np.float64)
        if w.shape != y.shape or not np.all(np.isfinite(w)) or np.any(w <= 0):
            raise ValueError("weights must be one positive number per text")
        rows = fitted_rows(y)
        texts, y, w = _with_contact_counterexamples([prepared[i] for i in rows], y[rows], w[rows])
        w = _within_class(w, y)
        word, char = term_vectorizer(WORD_SETTINGS), term_vectorizer(CHAR_SETTINGS)
        matrix = hstack([word.fit_transform(texts), fit_char_vectorizer(char, texts)]).tocsr()
        calibration = _platt_calibration(matrix, y, w)
        model = _model().fit(matrix, y, sample_weight=w)
        info = {
            "training_size": len(texts),
            "spam_count": int(np.sum(y)),
            "fitted_texts": len(rows),
            "available_texts": len(prepared),
        }
        info.update(metadata or {})
        return cls(_pipeline(word, char, model), calibration, info)

    def decision_function(self, prepared: list[str]) -> np.ndarray:
        """The linear model's raw decision value (before calibration) for each text."""
        scorer = self._fast_scorer()
        return np.array([scorer.decision(text)[0] for text in prepared])

    def predict_proba(self, prepared: list[str]) -> np.ndarray:
        """Probability of spam for each text."""
        slope, offset = self.calibration
        return np.array(
            [_sigmoid(slope * decision + offset) for decision in self.decision_function(prepared)]
        )

    # --- explanations -------------------------------------------------------------
    def explain(self, prepared: str, k: int = 5) -> list[tuple[str, float]]:
        """The ``k`` terms of the text that push hardest towards spam, with their share
        of the decision value (feature value times coefficient)."""
        _, contributions = self._fast_scorer().decision(prepared, explain=True)
        strongest = sorted(contributions, key=lambda pair: -pair[1])[:k]
        return [(term, value) for term, value in strongest if value > 0]

    def _fast_scorer(self) -> LinearScorer:
        if self._scorer is None:
            word, char = self._vectorizers()
            self._scorer = LinearScorer(word, char, self.pipeline.named_steps["model"])
        return self._scorer

    def _vectorizers(self) -> tuple[TfidfVectorizer, TfidfVectorizer]:
        union = self.pipeline.named_steps["features"]
        parts = dict(union.transformer_list)
        return parts["word"], parts["char"]

    # --- safe storage -------------------------------------------------------------
    def to_bytes(self) -> bytes:
        """Serialise to an artifact of plain arrays plus a JSON header."""
        word, char = self._vectorizers()
        model = self.pipeline.named_steps["model"]
        return write_artifact(
            word, char, model.coef_, model.intercept_, self.calibration, self.metadata
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> SpamClassifier:
        """Rebuild a classifier stored by ``to_bytes``. Raises ValueError on anything
        else; never unpickles or runs code, and checks every value it reads."""
        stored = read_artifact(data)
        model = _model()
        model.classes_ = np.array([0, 1])
        model.coef_ = stored.coef
        model.intercept_ = stored.intercept
        model.n_features_in_ = stored.coef.shape[1]
        return cls(_pipeline(stored.word, stored.char, model), stored.calibration, stored.metadata)


def fitted_rows(y: np.ndarray, limit: int | None = None) -> np.ndarray:
    """Which of the labelled texts ``y`` training fits: all of them up to ``limit``
    (``MAX_FITTED`` by default), beyond it a fixed stratified sample in corpus order."""
    limit = MAX_FITTED if limit is None else limit
    rows = np.arange(len(y))
    if len(y) <= limit:
        return rows
    sample, _ = train_test_split(rows, train_size=limit, stratify=y, random_state=RANDOM_SEED)
    return np.sort(sample)


def _within_class(weights: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Scale ``weights`` so each label's texts keep their count as their total weight.

    The balanced class weights then see the classes as they are: a heavy text teaches
    which posts of its label look like it, without moving the prior towards its label
    for every post."""
    scaled = weights.copy()
    for label in (0, 1):
        mine = y == label
        scaled[mine] *= mine.sum() / weights[mine].sum()
    return scaled


def _with_contact_counterexamples(
    prepared: list[str], y: np.ndarray, weights: np.ndarray
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Add copies of some genuine posts that share a contact placeholder.

    In a scam corpus nearly every post with a phone number or link is spam, so the
    classifier would learn "has a contact" as near-proof, while the rules already weigh
    contacts (capped). Genuine posts share helplines, articles and e-mail addresses;
    these copies teach the classifier to judge the wording around a contact instead.
    A copy weighs what its original does.
    """
    words = list(REDACTION_WORDS.values())
    copied = [i for i, label in enumerate(y) if label == 0 and i % 6 == 0]
    extra = [f"{prepared[i]} {words[i % len(words)]}" for i in copied]
    return (
        list(prepared) + extra,
        np.concatenate([y, np.zeros(len(extra), dtype=y.dtype)]),
        np.concatenate([weights, weights[copied]]),
    )


def _platt_calibration(
    matrix: Any, y: np.ndarray, weights: np.ndarray | None = None
) -> tuple[float, float]:
    """Platt scaling: a logistic fit of the labels on cross-validated decision values.

    Balanced class weights make raw probabilities under-confident on a corpus this
    separable; this maps decision values to the corpus' observed spam rates. The
    vocabulary and IDF are fitted once on all texts (they never see labels); only the
    linear model is refitted per fold. On 5 folds this is the work
    ``CalibratedClassifierCV(method="sigmoid", ensemble=False)`` does; it is kept for
    large corpora, where one hold-out replaces the folds: ``bench/tfidf.py --size
    20000`` calibrates and fits in 4.8 s here against 16.0 s there. (The two
    calibrations differ slightly, by up to 0.01 in probability: scikit-learn smooths
    Platt's targets.) The fold models are fitted with the texts' ``weights``; the two
    numbers are fitted on every text alike, since they map decision values to how often
    posts are spam.
    """
    folds = min(5, int(np.bincount(y, minlength=2).min()))
    if folds < 2:
        return (1.0, 0.0)
    rows = np.arange(len(y))
    if len(y) >= _LARGE_CORPUS:
        # Plenty of data: one stratified 20% hold-out fits two numbers well, at the
        # cost of one extra model fit instead of five.
        splits = [next(StratifiedKFold(5, shuffle=True, random_state=RANDOM_SEED).split(rows, y))]
    else:
        splits = list(StratifiedKFold(folds, shuffle=True, random_state=RANDOM_SEED).split(rows, y))
    weights = np.ones(len(y)) if weights is None else weights
    held = np.concatenate([held_rows for _, held_rows in splits])
    decisions = np.zeros(len(y))
    for train_rows, held_rows in splits:
        fold_model = _model().fit(
            matrix[train_rows], y[train_rows], sample_weight=weights[train_rows]
        )
        decisions[held_rows] = fold_model.decision_function(matrix[held_rows])
    platt = LogisticRegression(C=1.0, solver="lbfgs")
    platt.fit(decisions[held].reshape(-1, 1), y[held])
    return (float(platt.coef_[0, 0]), float(platt.intercept_[0]))


def _sigmoid(value: float) -> float:
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    exp = math.exp(value)
    return exp / (1.0 + exp)


# --- the bundled default model -----------------------------------------------------


def bundled_corpus_path(name: str = "train.csv") -> Path:
    """Path of a CSV shipped in ``moderation/data``."""
    return Path(str(resources.files("moderation") / "data" / name))


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train_default() -> SpamClassifier:
    """Train on the bundled ``moderation/data/train.csv``."""
    path = bundled_corpus_path()
    rows = read_labelled_csv(path)
    return SpamClassifier.train(
        classifier_texts([row.text for row in rows]),
        [row.label for row in rows],
        metadata={"corpus": path.name, "corpus_sha256": _file_sha256(path)},
    )


def load_or_train_default(cache_path: Path | str | None = None) -> SpamClassifier:
    """The default classifier, from ``cache_path`` when that holds a valid model of the
    current bundled corpus; otherwise trained now (and written to ``cache_path``)."""
    if cache_path is None:
        return train_default()
    cache_path = Path(cache_path)
    if cache_path.is_file():
        try:
            cached = SpamClassifier.from_bytes(cache_path.read_bytes())
        except ValueError:
            cached = None  # unreadable or from another format: replace it
        if cached is not None and cached.metadata.get("corpus_sha256") == _file_sha256(
            bundled_corpus_path()
        ):
            return cached
    classifier = train_default()
    _write_atomically(cache_path, classifier.to_bytes())
    return classifier


def _write_atomically(path: Path, data: bytes) -> None:
    # Several workers may start at once; each writes a whole file and renames it, so
    # none ever reads a half-written model.
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def logit(probability: float) -> float:
    """Log-odds of a probability, clipped so 0 and 1 stay finite."""
    p = min(max(probability, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))
