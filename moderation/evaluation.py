"""Measure a screener against labelled posts.

A post counts as *caught* when the screener does not publish it (hold or reject): that
is what keeps it away from readers until a moderator looks. Precision and recall are
about catching spam; the false-positive rate is the share of genuine posts held, the
number that must stay lowest.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

LABELS = ("spam", "ham")


class _Screens(Protocol):
    def screen(self, text: str) -> Any: ...


@dataclass(frozen=True)
class LabelledText:
    """A post with its label, for training and measuring alike."""

    text: str
    label: str  # "spam" or "ham"
    # Where it comes from: a CSV's ``source`` column, or "moderator" for a moderator's
    # label (training counts those apart).
    source: str = ""


def read_labelled_csv(path: str | Path) -> list[LabelledText]:
    """Read a ``text,label[,source]`` CSV with a header row. Labels must be 'spam' or
    'ham'; anything else raises ValueError naming the line."""
    path = Path(path)
    # Posts can be long; the csv module's default field limit (128 KiB) is too small
    # for a pasted essay, so lift it for this read.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with path.open(newline="", encoding="utf-8") as file:
        reader = csv.DictReader(file)
        missing = {"text", "label"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        rows = []
        for row in reader:
            label = (row.get("label") or "").strip().lower()
            if label not in LABELS:
                raise ValueError(
                    f"{path}, line {reader.line_num}: label {row.get('label')!r} "
                    "is neither 'spam' nor 'ham'"
                )
            if row.get("text") is None:
                raise ValueError(f"{path}, line {reader.line_num}: missing text")
            rows.append(LabelledText(row["text"], label, (row.get("source") or "").strip()))
    return rows


def evaluate(screener: _Screens, texts: Iterable[str], labels: Iterable[str]) -> dict[str, Any]:
    """Screen every text and compare with its label ('spam' or 'ham')."""
    texts, labels = list(texts), list(labels)
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
    caught_flags, misclassified = [], []
    for text, label in zip(texts, labels, strict=True):
        if label not in LABELS:
            raise ValueError(f"label {label!r} is neither 'spam' nor 'ham'")
        verdict = screener.screen(text)
        caught = verdict.action != "publish"
        caught_flags.append(caught)
        if caught != (label == "spam"):
            misclassified.append(
                {"text": text, "label": label, "action": verdict.action, "score": verdict.score}
            )
    spam = [label == "spam" for label in labels]
    return catch_metrics(caught_flags, spam) | {"misclassified": misclassified}


def evaluate_by_source(screener: _Screens, rows: list[LabelledText]) -> dict[str, dict[str, Any]]:
    """``evaluate`` for every ``source`` value separately, plus ``"all"``."""
    groups: dict[str, list[LabelledText]] = {"all": rows}
    for row in rows:
        groups.setdefault(row.source or "unknown", []).append(row)
    return {
        source: evaluate(screener, [r.text for r in group], [r.label for r in group])
        for source, group in groups.items()
    }


def catch_metrics(caught: Sequence[bool], spam: Sequence[bool]) -> dict[str, Any]:
    """Precision, recall, F1, the false-positive rate and the confusion matrix of the
    posts ``caught`` (held or rejected), given which of them are ``spam``."""
    tp = fp = tn = fn = 0
    for is_caught, is_spam in zip(caught, spam, strict=True):
        if is_spam and is_caught:
            tp += 1
        elif is_spam:
            fn += 1
        elif is_caught:
            fp += 1
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "false_positive_rate": fp / (fp + tn) if fp + tn else 0.0,
        "confusion": {"tp": tp, "fp": fp, "tn": tn, "fn": fn},
        "spam": tp + fn,
        "ham": fp + tn,
    }
