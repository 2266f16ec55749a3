"""The classifier's TF-IDF features: how text is cut into terms, and the fast paths
that fit and score them.

Terms are what scikit-learn's ``TfidfVectorizer`` cuts ("word" 1-2-grams, "char_wb"
3-4-grams), and the word vocabulary is fitted by it. Two things are hand-written
because scikit-learn's own are much slower on this work, each with the figure of
``bench/tfidf.py`` that shows it: fitting the character vocabulary
(``fit_char_vectorizer``) and scoring one post (``LinearScorer``). Both count
character n-grams with one counter (``CharNgramCounter``), which works each distinct
word out once: a word's "char_wb" n-grams do not depend on where it appears.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from itertools import repeat
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression

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


def term_vectorizer(settings: dict[str, Any]) -> TfidfVectorizer:
    """An unfitted vectorizer for ``WORD_SETTINGS`` or ``CHAR_SETTINGS``."""
    return TfidfVectorizer(
        analyzer=settings["analyzer"],
        token_pattern=settings["token_pattern"],
        ngram_range=(int(settings["ngram_range"][0]), int(settings["ngram_range"][1])),
        min_df=settings["min_df"],
        max_features=settings["max_features"],
        lowercase=False,  # normalised text is already case-folded
        sublinear_tf=True,
        dtype=np.float64,
    )


TermId = Callable[[str], int]  # a term's column, or -1 for a term outside the vocabulary


def term_counts(terms: Iterable[str], vocabulary: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """(columns, counts) of the terms of ``vocabulary`` among ``terms``, in first-seen
    order."""
    counts = Counter(terms)
    ids = np.fromiter(map(vocabulary.get, counts, repeat(-1)), dtype=np.int64, count=len(counts))
    tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    known = ids >= 0
    return ids[known], tf[known]


class CharNgramCounter:
    """Counts a text's character n-grams as columns, each distinct word worked out once.

    Words repeat so much that remembering each word's columns makes counting several
    times faster than cutting every word again: for fitting on a large corpus and for
    screening long posts alike. ``limit`` bounds how many words are remembered."""

    def __init__(self, char: TfidfVectorizer, term_id: TermId, limit: int | None = None):
        # The "char_wb" analyzer of a one-word text gives that word's n-grams.
        self._ngrams_of_word = char.build_analyzer()
        self._term_id = term_id
        self._limit = limit
        self._ids_of_word: dict[str, np.ndarray] = {}

    def __call__(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        words = Counter(text.split())
        if not words:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        pieces = [self._ids(word) for word in words]
        ids = np.concatenate(pieces)
        if len(ids) == 0:
            return ids, np.zeros(0)
        repeats = np.repeat(
            np.fromiter(words.values(), dtype=np.float64, count=len(words)),
            [len(piece) for piece in pieces],
        )
        unique, inverse = np.unique(ids, return_inverse=True)
        return unique, np.bincount(inverse, weights=repeats)

    def _ids(self, word: str) -> np.ndarray:
        ids = self._ids_of_word.get(word)
        if ids is None:
            found = [i for i in map(self._term_id, self._ngrams_of_word(word)) if i >= 0]
            ids = np.array(found, dtype=np.int64)
            if self._limit is None or len(self._ids_of_word) < self._limit:
                self._ids_of_word[word] = ids
        return ids


def fit_char_vectorizer(vectorizer: TfidfVectorizer, texts: list[str]) -> csr_matrix:
    """Fit the character vectorizer and return the transformed texts.

    Gives the vectorizer the same fitted state as ``vectorizer.fit_transform(texts)``
    (vocabulary in sorted order, min_df and max_features pruning, IDF weights; the test
    suite compares the two), only faster: n-grams are counted once per distinct word,
    with C counters, and only the terms that survive pruning are sorted.
    ``bench/tfidf.py --size 20000``: 6.8 s against 10.3 s for ``fit_transform``, whose
    loop visits every n-gram of every post in Python. (For word n-grams the two were
    equally fast, so the word vocabulary is fitted by ``fit_transform``.)
    """
    provisional: dict[str, int] = {}

    def term_id(term: str) -> int:
        return provisional.setdefault(term, len(provisional))

    count = CharNgramCounter(vectorizer, term_id)
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
    term_counts_kept = raw[:, kept]
    transformer = TfidfTransformer(sublinear_tf=True).fit(term_counts_kept)
    vectorizer.idf_ = transformer.idf_
    return transformer.transform(term_counts_kept)


def _kept_terms(raw: csr_matrix, min_df: int, max_features: int | None) -> np.ndarray:
    document_frequency = np.bincount(raw.indices, minlength=raw.shape[1])
    kept = np.flatnonzero(document_frequency >= min_df)
    if max_features is not None and len(kept) > max_features:
        totals = np.asarray(raw.sum(axis=0)).ravel()[kept]
        kept = np.sort(kept[np.argsort(-totals, kind="stable")[:max_features]])
    if len(kept) == 0:
        raise ValueError("after pruning no terms remain; train on more texts")
    return kept


class LinearScorer:
    """A fitted word + character TF-IDF logistic regression's decision value for one
    text, computed directly.

    Going through ``Pipeline.decision_function`` costs milliseconds per post, nearly all
    of it input validation and sparse-matrix assembly around the n-gram analysis:
    ``bench/tfidf.py --size 20000`` has a median of 3.45 ms a post for the pipeline
    against 0.21 ms for this. It does the same arithmetic (sublinear TF times IDF, L2
    norm per block, dot product with the coefficients); the test suite checks it
    against the pipeline.
    """

    _WORD_CACHE_LIMIT = 200_000

    def __init__(self, word: TfidfVectorizer, char: TfidfVectorizer, model: LogisticRegression):
        coef = np.asarray(model.coef_[0], dtype=np.float64)
        split = len(word.vocabulary_)
        self.word_analyzer = word.build_analyzer()
        self.word_vocabulary = word.vocabulary_
        self.word_idf = np.asarray(word.idf_, dtype=np.float64)
        self.word_coef = coef[:split]
        self.char_counts = CharNgramCounter(
            char, self._known(char.vocabulary_), self._WORD_CACHE_LIMIT
        )
        self.char_idf = np.asarray(char.idf_, dtype=np.float64)
        self.char_coef = coef[split:]
        self.intercept = float(model.intercept_[0])
        self._char_names = {index: term for term, index in char.vocabulary_.items()}
        self._word_names = {index: term for term, index in word.vocabulary_.items()}

    @staticmethod
    def _known(vocabulary: dict[str, int]) -> TermId:
        def term_id(term: str) -> int:
            return vocabulary.get(term, -1)

        return term_id

    def decision(self, text: str, explain: bool = False) -> tuple[float, list[tuple[str, float]]]:
        """The decision value, and with ``explain`` each known term's share of it."""
        total = self.intercept
        contributions: list[tuple[str, float]] = []
        word_counts = term_counts(self.word_analyzer(text), self.word_vocabulary)
        blocks = (
            (word_counts, self.word_idf, self.word_coef, self._word_names, "word:"),
            (self.char_counts(text), self.char_idf, self.char_coef, self._char_names, "chars:"),
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
