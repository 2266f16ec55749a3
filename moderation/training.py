"""Train a candidate classifier and measure it against the active one.

Pure Python and scikit-learn, like the rest of ``moderation``: the caller (the web app's
background job or ``flask spam train``) gathers the labelled texts and stores the
result.

- Near-identical texts are collapsed before anything else: the key is the classifier's
  view of a text (contacts redacted) with digits folded and punctuation dropped, so one
  scam pasted 500 times with different phone numbers counts once. When the same key has
  several labels, the last one wins; callers put moderators' labels after the bundled
  corpus, so the community's judgement overrides the corpus.
- A stratified 20% of the deduplicated corpus texts is held out (at most 10,000 of them
  are screened); moderators' labels are always fitted (``split_rows`` says why), each
  weighing ``MODERATOR_LABEL_WEIGHT`` corpus texts (``train_candidate`` says why). The
  candidate is fitted on the rest (on a stratified sample of
  ``classifier.MAX_FITTED`` of them when there are more); the candidate and the active
  model are then measured on the held-out texts with the same rules and thresholds, as
  whole screeners (``Screener.score_many``: the rules run once over those texts, and
  each model scores them all), because a post is held by the combined score, not by
  the classifier alone.
  The stored candidate is the one that was measured.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import sklearn
from sklearn.metrics import precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split

from moderation.classifier import MODEL_C, RANDOM_SEED, SpamClassifier, fitted_rows
from moderation.evaluation import LabelledText, catch_metrics
from moderation.normalize import screening_views
from moderation.rules import Rule
from moderation.screener import Screener, ScreeningConfig, ScreeningEvidence
from moderation.tfidf import CHAR_SETTINGS, WORD_SETTINGS

HELD_OUT_FRACTION = 0.2
# At most this many held-out texts are screened to measure the two models.
MAX_MEASURED = 10_000
# Points kept of each precision-recall curve: enough to draw it, small enough to store.
CURVE_POINTS = 60

Progress = Callable[[int, str], None]
# How many corpus texts one moderator's label counts as in the fit (see train_candidate).
MODERATOR_LABEL_WEIGHT = 20.0


@dataclass
class TrainingResult:
    classifier: SpamClassifier
    counts: dict[str, int]
    params: dict[str, Any]
    metrics: dict[str, Any] = field(default_factory=dict)


_NOT_WORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")


def duplicate_key(prepared: str) -> str:
    """What near-identical texts share: the redacted text, digits folded, punctuation
    and spacing dropped."""
    return _NOT_WORD.sub(" ", _DIGITS.sub("0", prepared)).strip()


def deduplicate(
    examples: list[LabelledText], views: list[tuple[str, str]]
) -> tuple[list[int], int]:
    """Indexes of the examples to keep (the last of each near-identical group), and how
    many were dropped."""
    last: dict[str, int] = {}
    for index, (_, redacted) in enumerate(views):
        key = duplicate_key(redacted)
        last.pop(key, None)  # re-insert so the order follows the last occurrence
        last[key] = index
    kept = sorted(last.values())
    return kept, len(examples) - len(kept)


def train_candidate(
    examples: list[LabelledText],
    rules: list[Rule] | tuple[Rule, ...],
    config: ScreeningConfig,
    active: SpamClassifier | None,
    progress: Progress | None = None,
    moderator_weight: float = MODERATOR_LABEL_WEIGHT,
) -> TrainingResult:
    """Deduplicate, split, fit, and measure the candidate and ``active`` side by side.

    A moderator's label (an example whose source is "moderator") weighs
    ``moderator_weight`` corpus texts of its label in the fit (each label keeping its
    total weight, see ``SpamClassifier.train``). Why: a new scam family reaches the
    forum as a handful of posts, and a moderator's first labels are all the model can
    learn it from; among thousands of corpus texts, ten labels at weight 1 hardly move
    it, so the family stays below the hold line. A moderator's label is also the
    forum's own judgement on a real post, the best evidence training has. Measured by
    ``bench/learning.py`` (four families held out of the corpus, then labelled through
    the moderator queue): at weight 1, ten labels gave recall 0.76 to 0.98; at weight
    20, see bench/RESULTS.md, with no genuine post of the bundled test split or the
    shared evaluation set held. The weight counts in the fit only."""
    report = progress or (lambda _percent, _message: None)
    report(2, f"Normalising {len(examples)} texts")
    views = screening_views([example.text for example in examples])
    kept, dropped = deduplicate(examples, views)
    labels = np.array([1 if examples[i].label == "spam" else 0 for i in kept])
    spam, ham = int(labels.sum()), int(len(labels) - labels.sum())
    if min(spam, ham) < 5:
        raise ValueError(
            f"training needs at least 5 distinct spam and 5 distinct genuine texts "
            f"(have {spam} spam, {ham} genuine)"
        )
    if not 0 < moderator_weight < float("inf"):
        raise ValueError(f"moderator_weight must be a positive number, not {moderator_weight}")
    report(25, f"{len(kept)} distinct texts ({dropped} near-duplicates dropped); splitting")
    train_rows, test_rows = split_rows(examples, kept, labels)
    fitted = len(fitted_rows(labels[train_rows]))  # the sample ``train`` will fit
    if fitted < len(train_rows):
        report(30, f"Fitting on a stratified sample of {fitted} of {len(train_rows)} texts")
    else:
        report(30, f"Fitting on {fitted} texts")
    weights = [
        moderator_weight if examples[kept[i]].source == "moderator" else 1.0 for i in train_rows
    ]
    candidate = SpamClassifier.train(
        [views[kept[i]][1] for i in train_rows], labels[train_rows], weights=weights
    )
    if len(test_rows) > MAX_MEASURED:
        # Enough for rates well below 1%; screening every held-out post of a very large
        # corpus twice would cost more than the fit.
        test_rows, _ = train_test_split(
            test_rows,
            train_size=MAX_MEASURED,
            stratify=labels[test_rows],
            random_state=RANDOM_SEED,
        )
        test_rows = np.sort(test_rows)
    report(75, f"Measuring on {len(test_rows)} held-out texts")
    test_labels = labels[test_rows]
    # The rules run once over the held-out texts; each model then scores them all.
    measured = Screener(rules, candidate, config)
    evidence = measured.evidence([views[kept[i]] for i in test_rows])
    metrics = {
        "candidate": measure(measured, evidence, test_labels),
        "active": None,
        "split": {
            "train": len(train_rows),
            "fitted": fitted,
            "held_out": len(kept) - len(train_rows),
            "measured": len(test_rows),
        },
        "hold_threshold": config.hold_threshold,
    }
    if active is not None:
        metrics["active"] = measure(Screener(rules, active, config), evidence, test_labels)
    moderator = sum(1 for i in kept if examples[i].source == "moderator")
    counts = {
        "spam": spam,
        "ham": ham,
        "moderator_labels": moderator,
        "corpus": len(kept) - moderator,
        "duplicates_dropped": dropped,
    }
    params = {
        "model": "logistic_regression",
        "C": MODEL_C,
        "class_weight": "balanced",
        "moderator_label_weight": moderator_weight,
        "word_ngrams": WORD_SETTINGS,
        "char_ngrams": CHAR_SETTINGS,
        "calibration": list(candidate.calibration),
        "held_out_fraction": HELD_OUT_FRACTION,
        "random_seed": RANDOM_SEED,
    }
    candidate.metadata.update({"counts": counts, "sklearn_version": sklearn.__version__})
    report(95, "Storing the candidate")
    return TrainingResult(candidate, counts, params, metrics)


def split_rows(
    examples: list[LabelledText], kept: list[int], labels: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Positions in ``kept`` to fit and to hold out: a stratified ``HELD_OUT_FRACTION``
    of the corpus texts is held out, and every moderator's label is fitted.

    Why moderators' labels are never held out: a new scam family reaches the model as
    a handful of labels, and holding out a fifth of them would leave a fifth of its
    lessons unlearned (``bench/learning.py``, psychic ads, 10 labels: recall 0.85 with
    two of them held out, 0.90 with all fitted). The measurement is then on corpus
    texts only. A corpus too small to split by label (under 5 texts of a label) is
    split together with the moderators' labels, as before there were any."""
    rows = np.arange(len(kept))
    moderated = np.array([examples[i].source == "moderator" for i in kept], dtype=bool)
    corpus = rows[~moderated]
    if min(int(labels[corpus].sum()), int(len(corpus) - labels[corpus].sum())) < 5:
        corpus, moderated = rows, np.zeros(len(kept), dtype=bool)
    train_rows, test_rows = train_test_split(
        corpus, test_size=HELD_OUT_FRACTION, stratify=labels[corpus], random_state=RANDOM_SEED
    )
    return np.sort(np.concatenate([train_rows, rows[moderated]])), np.sort(test_rows)


def measure(screener: Screener, evidence: ScreeningEvidence, labels: np.ndarray) -> dict[str, Any]:
    """Precision, recall, F1 and false-positive rate at the hold threshold, ROC-AUC,
    confusion matrix and a thinned precision-recall curve."""
    scores = np.array(screener.score_many(evidence))
    return metrics_from_scores(scores, labels, screener.config.hold_threshold)


def metrics_from_scores(scores: np.ndarray, labels: np.ndarray, threshold: float) -> dict[str, Any]:
    """``evaluation.catch_metrics`` at ``threshold``, with how well the scores rank
    spam above genuine posts (ROC-AUC and the precision-recall curve)."""
    labels = np.asarray(labels)
    metrics = catch_metrics((scores >= threshold).tolist(), (labels == 1).tolist())
    both_classes = 0 < labels.sum() < len(labels)
    curve: list[list[float]] = []
    if both_classes:
        p, r, _ = precision_recall_curve(labels, scores)
        step = max(1, len(p) // CURVE_POINTS)
        curve = [
            [round(float(x), 4), round(float(y), 4)]
            for x, y in zip(r[::step], p[::step], strict=True)
        ]
        curve.append([round(float(r[-1]), 4), round(float(p[-1]), 4)])
    metrics["roc_auc"] = float(roc_auc_score(labels, scores)) if both_classes else None
    metrics["pr_curve"] = curve  # [recall, precision] pairs
    return metrics
