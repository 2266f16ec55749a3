"""Metrics count held genuine posts as false positives and published scams as misses."""

from dataclasses import dataclass

import pytest

from moderation.evaluation import evaluate, evaluate_by_source, read_labelled_csv


@dataclass
class FakeVerdict:
    action: str
    score: float


class HoldsWordSpam:
    def screen(self, text: str) -> FakeVerdict:
        return FakeVerdict("hold", 0.9) if "spam" in text else FakeVerdict("publish", 0.1)


def test_evaluate_counts_every_cell_of_the_confusion_matrix():
    texts = ["spam one", "spam two", "quiet scam", "hello", "spam-like ham", "fine"]
    labels = ["spam", "spam", "spam", "ham", "ham", "ham"]
    result = evaluate(HoldsWordSpam(), texts, labels)
    assert result["confusion"] == {"tp": 2, "fp": 1, "tn": 2, "fn": 1}
    assert result["precision"] == pytest.approx(2 / 3)
    assert result["recall"] == pytest.approx(2 / 3)
    assert result["f1"] == pytest.approx(2 / 3)
    assert result["false_positive_rate"] == pytest.approx(1 / 3)
    assert [m["text"] for m in result["misclassified"]] == ["quiet scam", "spam-like ham"]


def test_evaluate_refuses_unknown_labels_and_length_mismatch():
    with pytest.raises(ValueError, match="neither"):
        evaluate(HoldsWordSpam(), ["x"], ["maybe"])
    with pytest.raises(ValueError, match="labels"):
        evaluate(HoldsWordSpam(), ["x", "y"], ["ham"])


def test_read_labelled_csv_reads_quoted_text_and_sources(tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text('text,label,source\n"line one\nline two, with comma",spam,blog\nhi,HAM,forum\n')
    rows = read_labelled_csv(path)
    assert [(r.text, r.label, r.source) for r in rows] == [
        ("line one\nline two, with comma", "spam", "blog"),
        ("hi", "ham", "forum"),
    ]
    by_source = evaluate_by_source(HoldsWordSpam(), rows)
    assert set(by_source) == {"all", "blog", "forum"}


def test_read_labelled_csv_names_the_bad_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("text,label\nfine,ham\noops,spma\n")
    with pytest.raises(ValueError, match="line 3.*'spma'"):
        read_labelled_csv(path)


def test_read_labelled_csv_requires_text_and_label_columns(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("body,label\nfine,ham\n")
    with pytest.raises(ValueError, match="missing column"):
        read_labelled_csv(path)


def test_default_screener_meets_targets_on_the_bundled_test_split(screener):
    from moderation.classifier import bundled_corpus_path

    rows = read_labelled_csv(bundled_corpus_path("test.csv"))
    result = evaluate(screener, [r.text for r in rows], [r.label for r in rows])
    assert result["false_positive_rate"] <= 0.01
    assert result["recall"] >= 0.85
