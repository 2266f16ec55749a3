"""The classifier's hand-written fast paths against the scikit-learn classes they stand in
for, on the same texts: which to keep is decided by these figures.

    .venv/bin/python bench/tfidf.py [--size 20000] [--repeat 3]

- Fitting the character vocabulary: ``tfidf.fit_char_vectorizer`` against
  ``TfidfVectorizer.fit_transform``.
- Scoring one post: ``SpamClassifier.decision_function`` (``tfidf.LinearScorer``)
  against the fitted ``Pipeline.decision_function``.
- Calibration: ``classifier._platt_calibration`` plus the final fit against
  ``CalibratedClassifierCV(method="sigmoid", ensemble=False)`` with the same folds,
  and how far their calibrations and probabilities lie apart.

The texts are ``bench/training.py``'s synthetic posts (recombined bundled corpus),
normalised before the clock starts. Prints a Markdown table; writes nothing.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np
from common import table
from scipy.sparse import hstack
from sklearn.calibration import CalibratedClassifierCV
from sklearn.model_selection import StratifiedKFold
from training import synthetic_posts

from moderation import classifier as classifier_module
from moderation.classifier import SpamClassifier, classifier_texts
from moderation.tfidf import CHAR_SETTINGS, WORD_SETTINGS, fit_char_vectorizer, term_vectorizer


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds: the least disturbed by other load."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return min(timings)


def fitting(texts: list[str], repeat: int) -> list[list[object]]:
    ours = best_of(repeat, lambda: fit_char_vectorizer(term_vectorizer(CHAR_SETTINGS), texts))
    theirs = best_of(repeat, lambda: term_vectorizer(CHAR_SETTINGS).fit_transform(texts))
    return [
        ["fit character TF-IDF, fit_char_vectorizer", f"{ours:.2f} s"],
        ["fit character TF-IDF, TfidfVectorizer.fit_transform", f"{theirs:.2f} s"],
    ]


def scoring(model: SpamClassifier, texts: list[str]) -> list[list[object]]:
    rows = []
    for name, decide in (
        ("SpamClassifier.decision_function", model.decision_function),
        ("Pipeline.decision_function", model.pipeline.decision_function),
    ):
        decide(texts[:20])  # warm caches
        timings = []
        for text in texts:
            started = time.perf_counter()
            decide([text])
            timings.append(time.perf_counter() - started)
        rows.append([f"score one post, {name}", f"{statistics.median(timings) * 1e3:.3f} ms"])
    return rows


def calibration(texts: list[str], labels: list[str], repeat: int) -> list[list[object]]:
    y = np.array([int(label == "spam") for label in labels])
    word, char = term_vectorizer(WORD_SETTINGS), term_vectorizer(CHAR_SETTINGS)
    matrix = hstack([word.fit_transform(texts), fit_char_vectorizer(char, texts)]).tocsr()
    folds = StratifiedKFold(5, shuffle=True, random_state=classifier_module.RANDOM_SEED)

    def ours() -> tuple[float, float]:
        slope_offset = classifier_module._platt_calibration(matrix, y)
        classifier_module._model().fit(matrix, y)
        return slope_offset

    def theirs() -> CalibratedClassifierCV:
        calibrated = CalibratedClassifierCV(
            classifier_module._model(), method="sigmoid", cv=folds, ensemble=False
        )
        return calibrated.fit(matrix, y)

    ours_seconds = best_of(repeat, ours)
    theirs_seconds = best_of(repeat, theirs)
    slope, offset = ours()
    calibrated = theirs()
    sigmoid = calibrated.calibrated_classifiers_[0].calibrators[0]
    # Platt's parameters in scikit-learn are p = 1 / (1 + exp(a * d + b)).
    their_slope, their_offset = -float(sigmoid.a_), -float(sigmoid.b_)
    decisions = classifier_module._model().fit(matrix, y).decision_function(matrix)
    ours_p = 1 / (1 + np.exp(-(slope * decisions + offset)))
    theirs_p = calibrated.predict_proba(matrix)[:, 1]
    return [
        ["calibrate and fit, _platt_calibration", f"{ours_seconds:.2f} s"],
        ["calibrate and fit, CalibratedClassifierCV", f"{theirs_seconds:.2f} s"],
        ["calibration (slope, offset), ours", f"{slope:.4f}, {offset:.4f}"],
        ["calibration (slope, offset), scikit-learn", f"{their_slope:.4f}, {their_offset:.4f}"],
        ["largest probability difference", f"{float(np.max(np.abs(ours_p - theirs_p))):.4f}"],
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=20_000, help="synthetic posts to fit on")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (the best counts)")
    args = parser.parse_args()
    raw, labels = synthetic_posts(args.size)
    texts = classifier_texts(raw)
    model = SpamClassifier.train(texts, labels)
    rows = fitting(texts, args.repeat)
    rows += scoring(model, texts[:2000])
    rows += calibration(texts, labels, args.repeat)
    print(f"{args.size} synthetic posts, best of {args.repeat} runs\n")
    print(table(["what", "time or value"], rows))


if __name__ == "__main__":
    main()
