"""Training helpers: near-duplicates count once, metrics come from the hold threshold."""

import numpy as np

from moderation.evaluation import LabelledText
from moderation.normalize import screening_views
from moderation.screener import Screener
from moderation.training import deduplicate, duplicate_key, metrics_from_scores


def test_one_scam_pasted_500_times_with_other_numbers_counts_once():
    scam = "Dr Ade brought my ex back in {n} days!!! WhatsApp +234 810 555 {n:04d}"
    examples = [LabelledText(scam.format(n=n), "spam", "moderator") for n in range(500)]
    examples.append(LabelledText("I miss him so much tonight", "ham"))
    kept, dropped = deduplicate(examples, screening_views([e.text for e in examples]))
    assert (len(kept), dropped) == (2, 499)
    assert duplicate_key("he came back in 48 hours") == duplicate_key("he came back in 3 hours!")
    assert duplicate_key("he came back") != duplicate_key("she came back")


def test_the_last_label_of_near_duplicates_wins():
    examples = [
        LabelledText("my ex came back after the ritual", "spam"),
        LabelledText("My ex came back after the ritual.", "ham", "moderator"),
    ]
    kept, _ = deduplicate(examples, screening_views([e.text for e in examples]))
    assert [examples[i].label for i in kept] == ["ham"]


def test_metrics_at_the_hold_threshold():
    scores = np.array([0.9, 0.6, 0.4, 0.2, 0.7])
    labels = np.array([1, 1, 1, 0, 0])
    m = metrics_from_scores(scores, labels, 0.5)
    assert m["confusion"] == {"tp": 2, "fp": 1, "tn": 1, "fn": 1}
    assert (m["precision"], m["recall"], m["false_positive_rate"]) == (2 / 3, 2 / 3, 0.5)
    assert 0 < m["roc_auc"] < 1 and m["pr_curve"][-1] == [0.0, 1.0]


def test_held_out_scores_are_the_screeners_own(screener):
    texts = [
        "Dr Obodo cast a spell and my ex came back, WhatsApp +1 555 234 5678",
        "I miss her so much, the evenings are the worst",
        "call the samaritans on 116 123 if it gets too much",
    ]
    evidence = screener.evidence(screening_views(texts))
    scores = screener.score_many(evidence)
    expected = [screener.screen(text).score for text in texts]
    assert np.allclose(scores, expected)


def test_one_evidence_scores_with_and_without_a_classifier(screener):
    # Training runs the rules once and lets the candidate and the active model (or
    # none, on a forum without one) score the same evidence.
    texts = ["Dr Obodo cast a spell, my ex came back, WhatsApp +1 555 234 5678", "I miss her"]
    evidence = screener.evidence(screening_views(texts))
    rules_only = Screener(screener.engine.rules, None, screener.config)
    assert rules_only.score_many(evidence) == [rules_only.screen(t).score for t in texts]
    assert np.allclose(screener.score_many(evidence), [screener.screen(t).score for t in texts])
