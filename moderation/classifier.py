"""The text classifier: TF-IDF word and character n-grams into logistic regression.

Why these choices:
- Word 1-2-grams catch the testimonial script ("spell caster", "contact him"); character
  3-4-grams inside word boundaries catch misspellings and variants ("castter", "spel")
  that scammers and heartbroken people alike produce.
- Logistic regression (lbfgs, balanced class weights) with Platt calibration fitted
  on 5-fold cross-validated decision values, i.e. what CalibratedClassifierCV(method=
  "sigmoid", ensemble=False) does, but with the vocabulary fitted once so calibration
  costs a fraction of a second. LR's own probabilities were tried first: with balanced
  weights and strong L2 they are badly under-confident (most scams scored 0.6-0.9 while
  almost nothing genuine passed 0.5), which wastes the classifier's evidence when it is
  added to rule weights as log-odds. Calibration is two numbers, stored with the model.
- The classifier reads ``Normalized.redacted``, the text without its contact details:
  the rules weigh those (capped), and the classifier judges the wording around them.

Models are stored without pickle: an ``.npz`` archive (loaded with
``allow_pickle=False``) holding a JSON header, the vocabularies, IDF weights and the
model's coefficients. Loading rebuilds the estimators from those numbers, so a stored
model can never run code.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import re
import tempfile
import zipfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from importlib import resources
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import numpy as np
from numpy.lib import format as np_format
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import FeatureUnion, Pipeline

from moderation.normalize import REDACTION_WORDS, normalize

FORMAT_NAME = "mend.spam-classifier"
FORMAT_VERSION = 1
SPAM, HAM = "spam", "ham"

# Vocabulary caps keep training on 100k posts inside memory and time budgets; on the
# bundled corpus they are far from binding. min_df=2 drops one-off typos and names.
WORD_SETTINGS: dict[str, Any] = {
    "analyzer": "word",
    "ngram_range": [1, 2],
    "min_df": 2,
    "max_features": 150_000,
    "token_pattern": r"(?u)\b\w\w+\b",
}
CHAR_SETTINGS: dict[str, Any] = {
    "analyzer": "char_wb",
    "ngram_range": [3, 4],
    "min_df": 2,
    "max_features": 250_000,
    "token_pattern": None,
}
# Regularisation strength, chosen by cross-validation on the bundled training corpus.
MODEL_C = 8.0
RANDOM_SEED = 0
# From this many training texts on, training switches to its large-corpus economies.
_LARGE_CORPUS = 20_000
# At most this many texts are fitted: a larger corpus is sampled down, stratified by
# label, so training memory and time stop growing with the corpus. The feature counts
# are capped above, and a linear model over them gains little from more texts; 100k
# fitted texts peak at about 2 GiB (bench/training.py).
MAX_FITTED = 100_000

_TERM_SEPARATOR = "\x00"  # normalised text never contains NUL, so no term does either


class WordNgrams:
    """Word 1..n-grams of normalised text: what TfidfVectorizer's "word" analyzer gives
    with no preprocessing, but joined in C instead of a Python loop."""

    def __init__(self, token_pattern: str, ngram_range: tuple[int, int]):
        self.token_pattern = token_pattern
        self.ngram_range = ngram_range
        self._tokenize = re.compile(token_pattern).findall

    def __call__(self, text: str) -> list[str]:
        tokens = self._tokenize(text)
        grams: list[str] = []
        for n in range(self.ngram_range[0], self.ngram_range[1] + 1):
            if n == 1:
                grams.extend(tokens)
            else:
                shifted = [tokens[i : len(tokens) - n + 1 + i] for i in range(n)]
                grams.extend(map(" ".join, zip(*shifted, strict=True)))
        return grams


class CharWordNgrams:
    """Character n-grams inside word boundaries, each word padded with one space (the
    "char_wb" scheme). A word's n-grams do not depend on where it appears, so they are
    worked out once per distinct word: words repeat so much that this makes analysis
    several times faster, for training on large corpora and for screening long posts."""

    _CACHE_LIMIT = 300_000

    def __init__(self, ngram_range: tuple[int, int]):
        self.ngram_range = ngram_range
        self._cache: dict[str, tuple[str, ...]] = {}

    def __call__(self, text: str) -> list[str]:
        return list(chain.from_iterable(map(self.of_word, text.split())))

    def of_word(self, word: str) -> tuple[str, ...]:
        grams = self._cache.get(word)
        if grams is None:
            padded = f" {word} "
            low, high = self.ngram_range
            grams = tuple(
                padded[i : i + n] for n in range(low, high + 1) for i in range(len(padded) - n + 1)
            ) or (padded,)
            if len(self._cache) < self._CACHE_LIMIT:
                self._cache[word] = grams
        return grams

    def __getstate__(self) -> dict[str, Any]:
        return {"ngram_range": self.ngram_range, "_cache": {}}  # caches stay in-process


def _vectorizer(settings: dict[str, Any]) -> TfidfVectorizer:
    ngram_range = (int(settings["ngram_range"][0]), int(settings["ngram_range"][1]))
    if settings["analyzer"] == "word":
        analyzer: Any = WordNgrams(settings["token_pattern"], ngram_range)
    else:
        analyzer = CharWordNgrams(ngram_range)
    return TfidfVectorizer(
        analyzer=analyzer,
        min_df=settings["min_df"],
        max_features=settings["max_features"],
        lowercase=False,  # normalised text is already case-folded
        sublinear_tf=True,
        dtype=np.float64,
    )


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


def _spam_flags(labels: list[str] | list[bool] | list[int]) -> np.ndarray:
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
    """Probability that a post is a scam, from its wording alone."""

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
        self._scorer: _LinearScorer | None = None

    # --- training and prediction ----------------------------------------------------
    @classmethod
    def train(
        cls, texts: list[str], labels: list[str], metadata: dict[str, Any] | None = None
    ) -> SpamClassifier:
        """Fit on raw posts labelled 'spam' or 'ham'."""
        if len(texts) != len(labels):
            raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
        y = _spam_flags(labels)
        if len(set(y.tolist())) != 2:
            raise ValueError("training needs both 'spam' and 'ham' examples")
        rows = fitted_rows(y)  # before normalising, which is the slow part
        metadata = {"available_texts": len(texts), **(metadata or {})}
        return cls.train_prepared(_prepare_all([texts[i] for i in rows]), y[rows], metadata)

    @classmethod
    def train_prepared(
        cls, prepared: list[str], y: np.ndarray, metadata: dict[str, Any] | None = None
    ) -> SpamClassifier:
        """Fit on texts already passed through ``classifier_text`` (0/1 labels), all of
        them: callers take ``fitted_rows`` of a large corpus first."""
        fitted = len(prepared)
        prepared, y = _with_contact_counterexamples(prepared, y)
        word, char = _vectorizer(WORD_SETTINGS), _vectorizer(CHAR_SETTINGS)
        matrix = hstack([fit_vectorizer(word, prepared), fit_vectorizer(char, prepared)])
        matrix = matrix.tocsr()
        features = FeatureUnion([("word", word), ("char", char)])
        calibration = _platt_calibration(matrix, y)
        model = _model().fit(matrix, y)
        info = {
            "training_size": len(prepared),
            "spam_count": int(np.sum(y)),
            "fitted_texts": fitted,
            "available_texts": fitted,  # callers that sampled say how many there were
        }
        info.update(metadata or {})
        pipeline = Pipeline([("features", features), ("model", model)])
        return cls(pipeline, calibration, info)

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """Probability of spam for each raw post."""
        return self.predict_proba_prepared([classifier_text(text) for text in texts])

    def predict_proba_prepared(self, prepared: list[str]) -> np.ndarray:
        """Probability of spam for texts already passed through ``classifier_text``."""
        scorer = self._fast_scorer()
        slope, offset = self.calibration
        return np.array([_sigmoid(slope * scorer.decision(text)[0] + offset) for text in prepared])

    def decision_function_prepared(self, prepared: list[str]) -> np.ndarray:
        """The linear model's raw decision value (before calibration) for each text."""
        scorer = self._fast_scorer()
        return np.array([scorer.decision(text)[0] for text in prepared])

    # --- explanations -------------------------------------------------------------
    def explain(self, text: str, k: int = 5) -> list[tuple[str, float]]:
        """The ``k`` terms of ``text`` that push hardest towards spam, with their share
        of the decision value (feature value times coefficient)."""
        return self.explain_prepared(classifier_text(text), k)

    def explain_prepared(self, prepared: str, k: int = 5) -> list[tuple[str, float]]:
        _, contributions = self._fast_scorer().decision(prepared, explain=True)
        strongest = sorted(contributions, key=lambda pair: -pair[1])[:k]
        return [(term, value) for term, value in strongest if value > 0]

    def _fast_scorer(self) -> _LinearScorer:
        if self._scorer is None:
            word, char = self._vectorizers()
            model = self.pipeline.named_steps["model"]
            self._scorer = _LinearScorer(word, char, model)
        return self._scorer

    def _vectorizers(self) -> tuple[TfidfVectorizer, TfidfVectorizer]:
        union = self.pipeline.named_steps["features"]
        parts = dict(union.transformer_list)
        return parts["word"], parts["char"]

    # --- safe storage -------------------------------------------------------------
    def to_bytes(self) -> bytes:
        """Serialise to an ``.npz`` archive of plain arrays plus a JSON header."""
        word, char = self._vectorizers()
        model = self.pipeline.named_steps["model"]
        header = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "word_settings": WORD_SETTINGS,
            "char_settings": CHAR_SETTINGS,
            "calibration": list(self.calibration),
            "metadata": self.metadata,
        }
        arrays = {
            "header": _text_bytes(json.dumps(header, sort_keys=True)),
            "word_terms": _text_bytes(_TERM_SEPARATOR.join(_terms_by_index(word))),
            "word_idf": np.asarray(word.idf_, dtype=np.float64),
            "char_terms": _text_bytes(_TERM_SEPARATOR.join(_terms_by_index(char))),
            "char_idf": np.asarray(char.idf_, dtype=np.float64),
            "coef": np.asarray(model.coef_, dtype=np.float64),
            "intercept": np.asarray(model.intercept_, dtype=np.float64),
        }
        buffer = io.BytesIO()
        np.savez_compressed(buffer, **arrays)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> SpamClassifier:
        """Rebuild a classifier stored by ``to_bytes``. Raises ValueError on anything
        else; never unpickles or runs code, and checks every value it reads."""
        if not isinstance(data, bytes | bytearray | memoryview):
            raise ValueError("a stored classifier must be bytes")
        try:
            return cls._from_arrays(_read_arrays(bytes(data)))
        except ValueError:
            raise
        except Exception as exc:  # noqa: BLE001 - untrusted bytes: any failure means "not ours"
            raise ValueError(f"not a stored spam classifier: {type(exc).__name__}: {exc}") from exc

    @classmethod
    def _from_arrays(cls, arrays: dict[str, np.ndarray]) -> SpamClassifier:
        header = _read_header(arrays["header"])
        word = _rebuild_vectorizer(
            header["word_settings"], arrays["word_terms"], arrays["word_idf"], "word"
        )
        char = _rebuild_vectorizer(
            header["char_settings"], arrays["char_terms"], arrays["char_idf"], "character"
        )
        n_features = len(word.vocabulary_) + len(char.vocabulary_)
        coef = _float_array(arrays["coef"], "coefficients", _MAX_WEIGHT)
        intercept = _float_array(arrays["intercept"], "intercept", _MAX_WEIGHT)
        if coef.shape != (1, n_features) or intercept.shape != (1,):
            raise ValueError(
                f"stored coefficients have shape {coef.shape} and {intercept.shape}, "
                f"expected (1, {n_features}) and (1,)"
            )
        model = _model()
        model.classes_ = np.array([0, 1])
        model.coef_ = coef
        model.intercept_ = intercept
        model.n_features_in_ = n_features
        return cls(_pipeline(word, char, model), header["calibration"], header.get("metadata", {}))


def fitted_rows(y: np.ndarray, limit: int | None = None) -> np.ndarray:
    """Which of the labelled texts ``y`` training fits: all of them up to ``limit``
    (``MAX_FITTED`` by default), beyond it a fixed stratified sample in corpus order."""
    limit = MAX_FITTED if limit is None else limit
    rows = np.arange(len(y))
    if len(y) <= limit:
        return rows
    sample, _ = train_test_split(rows, train_size=limit, stratify=y, random_state=RANDOM_SEED)
    return np.sort(sample)


def _prepare_all(texts: list[str]) -> list[str]:
    if len(texts) < _LARGE_CORPUS:
        return [classifier_text(text) for text in texts]
    # Normalising is pure Python; on a large corpus two processes halve the wait.
    with ProcessPoolExecutor(max_workers=2) as pool:
        return list(pool.map(classifier_text, texts, chunksize=2000))


def fit_vectorizer(vectorizer: TfidfVectorizer, texts: list[str]) -> csr_matrix:
    """Fit one of this module's TF-IDF vectorizers and return the transformed texts.

    Gives the vectorizer the same fitted state as ``vectorizer.fit_transform(texts)``
    (vocabulary in sorted order, min_df and max_features pruning, IDF weights; the test
    suite compares the two), only faster on large corpora: n-grams are counted with C
    counters (character n-grams once per distinct word), and only the terms that
    survive pruning are sorted. TfidfVectorizer's own loop visits every n-gram in
    Python, which takes most of a minute on 100k posts.
    """
    analyzer = vectorizer.analyzer
    provisional: dict[str, int] = {}
    if isinstance(analyzer, CharWordNgrams):
        ids_of_word: dict[str, np.ndarray] = {}

        def count(text: str) -> tuple[np.ndarray, np.ndarray]:
            words = Counter(text.split())
            pieces = []
            for word in words:
                ids = ids_of_word.get(word)
                if ids is None:
                    grams = analyzer.of_word(word)
                    ids = np.array([provisional.setdefault(g, len(provisional)) for g in grams])
                    ids_of_word[word] = ids
                pieces.append(ids)
            if not pieces:
                return np.zeros(0, dtype=np.int64), np.zeros(0)
            lengths = [len(piece) for piece in pieces]
            repeats = np.repeat(np.fromiter(words.values(), dtype=np.float64), lengths)
            unique, inverse = np.unique(np.concatenate(pieces), return_inverse=True)
            return unique, np.bincount(inverse, weights=repeats)

    else:

        def count(text: str) -> tuple[np.ndarray, np.ndarray]:
            grams = Counter(analyzer(text))
            ids = np.array([provisional.setdefault(g, len(provisional)) for g in grams])
            order = np.argsort(ids)
            tf = np.fromiter(grams.values(), dtype=np.float64, count=len(grams))
            return ids[order].astype(np.int64), tf[order]

    indptr, indices, values = [0], [], []
    for text in texts:
        ids, tf = count(text)
        indices.append(ids)
        values.append(tf)
        indptr.append(indptr[-1] + len(ids))
    raw = csr_matrix(
        (np.concatenate(values), np.concatenate(indices).astype(np.int64), np.array(indptr)),
        shape=(len(texts), len(provisional)),
    )
    kept = _kept_terms(raw, vectorizer.min_df, vectorizer.max_features)
    names = np.array(list(provisional), dtype=object)
    kept = kept[np.argsort(names[kept].astype(str), kind="stable")]  # sorted, as sklearn
    vectorizer.vocabulary_ = {str(names[i]): column for column, i in enumerate(kept)}
    vectorizer.fixed_vocabulary_ = False
    term_counts = raw[:, kept]
    transformer = TfidfTransformer(sublinear_tf=True).fit(term_counts)
    vectorizer.idf_ = transformer.idf_
    return transformer.transform(term_counts)


def _kept_terms(raw: csr_matrix, min_df: int, max_features: int | None) -> np.ndarray:
    document_frequency = np.bincount(raw.indices, minlength=raw.shape[1])
    kept = np.flatnonzero(document_frequency >= min_df)
    if max_features is not None and len(kept) > max_features:
        totals = np.asarray(raw.sum(axis=0)).ravel()[kept]
        kept = np.sort(kept[np.argsort(-totals, kind="stable")[:max_features]])
    if len(kept) == 0:
        raise ValueError("after pruning no terms remain; train on more texts")
    return kept


def _with_contact_counterexamples(
    prepared: list[str], y: np.ndarray
) -> tuple[list[str], np.ndarray]:
    """Add copies of some genuine posts that share a contact placeholder.

    In a scam corpus nearly every post with a phone number or link is spam, so the
    classifier would learn "has a contact" as near-proof, while the rules already weigh
    contacts (capped). Genuine posts share helplines, articles and e-mail addresses;
    these copies teach the classifier to judge the wording around a contact instead.
    """
    words = list(REDACTION_WORDS.values())
    extra = [
        f"{text} {words[i % len(words)]}"
        for i, (text, label) in enumerate(zip(prepared, y, strict=True))
        if label == 0 and i % 6 == 0
    ]
    return list(prepared) + extra, np.concatenate([y, np.zeros(len(extra), dtype=y.dtype)])


def _platt_calibration(matrix: Any, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling: a logistic fit of the labels on cross-validated decision values.

    The vocabulary and IDF are fitted once on all texts (they never see labels); only
    the linear model is refitted per fold, which keeps calibration to a fraction of a
    second. Balanced class weights make raw probabilities under-confident on a corpus
    this separable; this maps decision values to the corpus' observed spam rates.
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
    held = np.concatenate([held_rows for _, held_rows in splits])
    decisions = np.zeros(len(y))
    for train_rows, held_rows in splits:
        fold_model = _model().fit(matrix[train_rows], y[train_rows])
        decisions[held_rows] = fold_model.decision_function(matrix[held_rows])
    platt = LogisticRegression(C=1.0, solver="lbfgs")
    platt.fit(decisions[held].reshape(-1, 1), y[held])
    return (float(platt.coef_[0, 0]), float(platt.intercept_[0]))


class _LinearScorer:
    """The fitted pipeline's decision function, computed directly for one text.

    Going through ``Pipeline.predict_proba`` costs about 5 ms per post, nearly all of
    it input validation and sparse-matrix assembly around the n-gram analysis. This
    does the same arithmetic (sublinear TF times IDF, L2 norm per block, dot product
    with the coefficients); the test suite checks it against the pipeline.

    Character n-grams never cross a word boundary (``char_wb``), so a word's n-grams are
    the same wherever it appears: they are looked up once per distinct word and kept
    in a bounded cache, which makes long posts cheap.
    """

    _WORD_CACHE_LIMIT = 200_000

    def __init__(self, word: TfidfVectorizer, char: TfidfVectorizer, model: LogisticRegression):
        coef = np.asarray(model.coef_[0], dtype=np.float64)
        split = len(word.vocabulary_)
        self.word_analyzer = word.analyzer
        self.word_vocabulary = word.vocabulary_
        self.word_idf = np.asarray(word.idf_, dtype=np.float64)
        self.word_coef = coef[:split]
        self.char_analyzer = char.analyzer
        self.char_vocabulary = char.vocabulary_
        self.char_idf = np.asarray(char.idf_, dtype=np.float64)
        self.char_coef = coef[split:]
        self.intercept = float(model.intercept_[0])
        self._char_ids: dict[str, np.ndarray] = {}
        self._char_names = {index: term for term, index in char.vocabulary_.items()}
        self._word_names = {index: term for term, index in word.vocabulary_.items()}

    def decision(self, text: str, explain: bool = False) -> tuple[float, list[tuple[str, float]]]:
        total = self.intercept
        contributions: list[tuple[str, float]] = []
        blocks = (
            (self._word_counts(text), self.word_idf, self.word_coef, self._word_names, "word:"),
            (self._char_counts(text), self.char_idf, self.char_coef, self._char_names, "chars:"),
        )
        for (ids, tf), idf, coef, names, prefix in blocks:
            if len(ids) == 0:
                continue
            values = (np.log(tf) + 1.0) * idf[ids]
            values /= np.sqrt(np.dot(values, values))
            parts = values * coef[ids]
            total += float(parts.sum())
            if explain:
                contributions += [
                    (prefix + names[int(i)], float(v)) for i, v in zip(ids, parts, strict=True)
                ]
        return total, contributions

    def _word_counts(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        counts = Counter(self.word_analyzer(text))
        vocabulary = self.word_vocabulary
        ids = np.fromiter(
            map(vocabulary.get, counts, repeat(-1)), dtype=np.int64, count=len(counts)
        )
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        known = ids >= 0
        return ids[known], tf[known]

    def _char_counts(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        words = Counter(text.split())
        if not words:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        pieces = [self._ids_of_word(word) for word in words]
        ids = np.concatenate(pieces)
        if len(ids) == 0:
            return ids, np.zeros(0)
        repeats = np.repeat(
            np.fromiter(words.values(), dtype=np.float64, count=len(words)),
            [len(piece) for piece in pieces],
        )
        unique, inverse = np.unique(ids, return_inverse=True)
        return unique, np.bincount(inverse, weights=repeats)

    def _ids_of_word(self, word: str) -> np.ndarray:
        ids = self._char_ids.get(word)
        if ids is None:
            vocabulary = self.char_vocabulary
            found = [vocabulary[g] for g in self.char_analyzer.of_word(word) if g in vocabulary]
            ids = np.array(found, dtype=np.int64)
            if len(self._char_ids) < self._WORD_CACHE_LIMIT:
                self._char_ids[word] = ids
        return ids


def _sigmoid(value: float) -> float:
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    exp = math.exp(value)
    return exp / (1.0 + exp)


def _text_bytes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


# What a stored classifier holds: each array's dtype (little-endian, as ``to_bytes``
# writes them on every platform numpy runs on here) and number of dimensions.
_MEMBERS: dict[str, tuple[str, int]] = {
    "header": ("|u1", 1),
    "word_terms": ("|u1", 1),
    "word_idf": ("<f8", 1),
    "char_terms": ("|u1", 1),
    "char_idf": ("<f8", 1),
    "coef": ("<f8", 2),
    "intercept": ("<f8", 1),
}
# Bounds a stored classifier must keep. A model this module trains is far inside them
# (the vocabulary caps above: about 400k terms, tens of megabytes); they stop a crafted
# artifact from making a worker allocate, decompress or parse without limit.
_MAX_MEMBER_BYTES = 64 * 2**20  # checked before decompressing: no zip bomb gets further
_MAX_HEADER_BYTES = 2**20
_MAX_TERMS = 1_000_000
_MAX_WEIGHT = 1e6  # |coefficient|, |intercept|, |calibration|; trained ones are below 100
_MAX_IDF = 1e3  # IDF is 1 + ln((1 + n) / (1 + df)): about 12 for a million texts


def _read_arrays(data: bytes) -> dict[str, np.ndarray]:
    """The archive's arrays, read by hand: the expected members and nothing else, each
    an ``.npy`` of the expected dtype whose data is exactly what its header declares."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ValueError(f"not a stored spam classifier: {exc}") from exc
    with archive:
        infos = archive.infolist()
        names = sorted(info.filename for info in infos)
        expected = sorted(f"{name}.npy" for name in _MEMBERS)
        if names != expected:
            raise ValueError(f"stored classifier has members {names[:20]}, expected {expected}")
        arrays = {}
        for info in infos:
            name = info.filename.removesuffix(".npy")
            limit = _MAX_HEADER_BYTES if name == "header" else _MAX_MEMBER_BYTES
            if info.file_size > limit:
                raise ValueError(f"stored {name} is larger than {limit} bytes")
            with archive.open(info) as member:
                arrays[name] = _read_npy(member, info.file_size, name)
    return arrays


def _read_npy(member: Any, size: int, name: str) -> np.ndarray:
    dtype_code, ndim = _MEMBERS[name]
    version = np_format.read_magic(member)
    if version == (1, 0):
        shape, fortran_order, dtype = np_format.read_array_header_1_0(member)
    elif version == (2, 0):
        shape, fortran_order, dtype = np_format.read_array_header_2_0(member)
    else:
        raise ValueError(f"stored {name} has .npy format version {version}")
    if dtype.str != dtype_code or len(shape) != ndim:
        raise ValueError(f"stored {name} is {dtype.str} with shape {shape}, expected {dtype_code}")
    count = math.prod(shape)
    expected = count * dtype.itemsize
    if size - member.tell() != expected:
        raise ValueError(f"stored {name} declares shape {shape} but holds other data")
    raw = member.read(expected)
    if len(raw) != expected:
        raise ValueError(f"stored {name} is cut short")
    return np.frombuffer(raw, dtype=dtype).reshape(shape, order="F" if fortran_order else "C")


def _decode_text(array: np.ndarray, what: str) -> str:
    if array.dtype != np.uint8 or array.ndim != 1:
        raise ValueError(f"stored {what} must be a byte array")
    try:
        return array.tobytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"stored {what} is not UTF-8 text") from exc


def _float_array(array: np.ndarray, what: str, bound: float) -> np.ndarray:
    if array.dtype != np.float64 or not np.all(np.isfinite(array)):
        raise ValueError(f"stored {what} must be finite float64 numbers")
    if array.size and float(np.max(np.abs(array))) > bound:
        raise ValueError(f"stored {what} are out of range")
    return np.array(array, dtype=np.float64)  # a writable copy in native order


def _is_number(value: Any) -> bool:
    return type(value) in (int, float) and math.isfinite(value)


def _read_header(array: np.ndarray) -> dict[str, Any]:
    try:
        header = json.loads(_decode_text(array, "header"))
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ValueError(f"stored classifier header is not JSON: {exc}") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT_NAME:
        raise ValueError("stored data is not a Mend spam classifier")
    if header.get("version") != FORMAT_VERSION:
        raise ValueError(
            f"stored classifier has format version {header.get('version')!r}; "
            f"this code reads version {FORMAT_VERSION}"
        )
    _check_settings(header.get("word_settings"), WORD_SETTINGS, "word settings")
    _check_settings(header.get("char_settings"), CHAR_SETTINGS, "character settings")
    calibration = header.get("calibration")
    if not (
        isinstance(calibration, list)
        and len(calibration) == 2
        and all(_is_number(v) and abs(v) <= _MAX_WEIGHT for v in calibration)
    ):
        raise ValueError("stored classifier calibration must be two finite numbers")
    if not isinstance(header.get("metadata", {}), dict):
        raise ValueError("stored classifier metadata must be an object")
    return header


def _check_settings(settings: Any, trained_with: dict[str, Any], what: str) -> None:
    """How text is cut into terms must be exactly how this module cuts it: a stored
    token pattern is never compiled unless it is this module's own, so an artifact
    cannot bring a regular expression that backtracks for minutes on one post."""
    if not isinstance(settings, dict) or set(settings) != set(trained_with):
        raise ValueError(f"stored {what} are malformed")
    for key in ("analyzer", "token_pattern", "ngram_range"):
        if settings[key] != trained_with[key]:
            raise ValueError(
                f"stored {what} have {key} {settings[key]!r}, not {trained_with[key]!r}"
            )
    min_df, max_features = settings["min_df"], settings["max_features"]
    if type(min_df) is not int or min_df < 1:
        raise ValueError(f"stored {what} have an invalid min_df")
    if max_features is not None and (type(max_features) is not int or max_features < 1):
        raise ValueError(f"stored {what} have an invalid max_features")


def _rebuild_vectorizer(
    settings: dict[str, Any], terms: np.ndarray, idf: np.ndarray, what: str
) -> TfidfVectorizer:
    text = _decode_text(terms, f"{what} vocabulary")
    vocabulary = text.split(_TERM_SEPARATOR) if text else []
    limit = min(_MAX_TERMS, settings["max_features"] or _MAX_TERMS)
    if len(vocabulary) > limit:
        raise ValueError(f"stored {what} vocabulary has {len(vocabulary)} terms, over {limit}")
    low, high = settings["ngram_range"]
    if settings["analyzer"] == "word":
        # 1 to ``high`` words each, one space between: what WordNgrams produces.
        valid = all(term and term.count(" ") < high for term in vocabulary)
    else:
        # Padded n-grams: exactly ``low`` to ``high`` characters.
        valid = all(low <= len(term) <= high for term in vocabulary)
    if not valid or len(set(vocabulary)) != len(vocabulary):
        raise ValueError(f"stored {what} vocabulary holds terms this model cannot produce")
    idf = _float_array(idf, f"{what} idf weights", _MAX_IDF)
    if idf.ndim != 1 or len(vocabulary) != len(idf) or (idf.size and float(idf.min()) <= 0):
        raise ValueError(f"stored {what} vocabulary and idf weights do not match")
    vectorizer = _vectorizer(settings)
    vectorizer.vocabulary_ = {term: index for index, term in enumerate(vocabulary)}
    vectorizer.fixed_vocabulary_ = False
    vectorizer.idf_ = idf
    return vectorizer


def _terms_by_index(vectorizer: TfidfVectorizer) -> list[str]:
    terms = [""] * len(vectorizer.vocabulary_)
    for term, index in vectorizer.vocabulary_.items():
        terms[index] = term
    return terms


# --- the bundled default model -----------------------------------------------------


def bundled_corpus_path(name: str = "train.csv") -> Path:
    """Path of a CSV shipped in ``moderation/data``."""
    return Path(str(resources.files("moderation") / "data" / name))


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train_default() -> SpamClassifier:
    """Train on the bundled ``moderation/data/train.csv``."""
    from moderation.evaluation import read_labelled_csv  # evaluation imports this module

    path = bundled_corpus_path()
    rows = read_labelled_csv(path)
    return SpamClassifier.train(
        [row.text for row in rows],
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
