"""Training helpers: near-duplicates count once, metrics come from the hold threshold."""

import numpy as np
import pytest

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


# A family no corpus text resembles: ghostwritten "closure letters" for sale.
CLOSURE_ADS = [
    "Wrenfield Letters writes the closure letter you never could send, drafted in two days",
    "Our Wrenfield writers turn your heartbreak into a closure letter, first draft free",
    "Let Wrenfield Letters ghostwrite your goodbye, a closure letter that finally says it all",
]
GENUINE = [
    "I miss him so much tonight, the flat is too quiet",
    "my sister came over and we watched films, it helped a bit",
    "therapy is slow but I can feel it working now",
    "she blocked me everywhere and I keep checking anyway",
    "week three and I finally slept through the night",
    "writing in my journal every morning is keeping me sane",
]
OLD_SCAMS = [
    "Dr Ade cast a love spell and my ex came back in 48 hours, WhatsApp him now",
    "the great priest Obodo brought my husband back, contact him for your reunion spell",
    "spell caster Lamar returned my lover in two days, email him today",
    "I was heartbroken until Dr Zuma cast a spell, my wife is back, call him",
    "contact the love doctor on WhatsApp, he brought my boyfriend back",
]


def test_a_moderators_label_weighs_more_than_a_corpus_text():
    from moderation.builtin_rules import DEFAULT_RULES
    from moderation.classifier import classifier_text
    from moderation.screener import ScreeningConfig
    from moderation.training import train_candidate

    corpus = [LabelledText(t, "spam") for t in OLD_SCAMS]
    corpus += [LabelledText(f"{t}, day {n}", "ham") for n in range(3) for t in GENUINE]
    labels = [LabelledText(t, "spam", "moderator") for t in CLOSURE_ADS]
    unseen = classifier_text("Wrenfield Letters will write your closure letter this week")

    def trained(weight: float):
        result = train_candidate(
            corpus + labels, DEFAULT_RULES, ScreeningConfig(), None, moderator_weight=weight
        )
        assert result.params["moderator_label_weight"] == weight
        return result.classifier.predict_proba([unseen])[0]

    assert trained(20.0) > trained(1.0)
    with pytest.raises(ValueError, match="moderator_weight"):
        trained(0.0)


def test_training_weights_are_one_positive_number_per_text():
    from moderation.classifier import SpamClassifier

    texts = OLD_SCAMS[:4] + GENUINE[:4]
    labels = ["spam"] * 4 + ["ham"] * 4
    for weights in ([1.0] * 7, [1.0] * 7 + [0.0], [1.0] * 7 + [-2.0], [1.0] * 7 + [np.nan]):
        with pytest.raises(ValueError, match="weights"):
            SpamClassifier.train(texts, labels, weights=weights)
    assert SpamClassifier.train(texts, labels, weights=[3.0] * 8) is not None


def test_every_moderators_label_is_fitted_and_the_held_out_texts_are_the_corpus():
    from moderation.training import HELD_OUT_FRACTION, split_rows

    examples = [LabelledText(f"corpus scam {n}", "spam") for n in range(20)]
    examples += [LabelledText(f"corpus story {n}", "ham") for n in range(30)]
    examples += [LabelledText(f"new family {n}", "spam", "moderator") for n in range(10)]
    kept = list(range(len(examples)))
    labels = np.array([1 if e.label == "spam" else 0 for e in examples])
    fitted, held_out = split_rows(examples, kept, labels)
    assert set(range(50, 60)) <= set(fitted.tolist())
    assert len(held_out) == round(50 * HELD_OUT_FRACTION) and held_out.max() < 50
    assert labels[held_out].sum() == 4  # stratified: a fifth of the corpus' 20 spam
    # A corpus too small to split by label is split with the moderators' labels.
    small = examples[:3] + examples[20:50] + examples[50:]
    labels = np.array([1 if e.label == "spam" else 0 for e in small])
    fitted, held_out = split_rows(small, list(range(len(small))), labels)
    assert len(fitted) + len(held_out) == len(small) and labels[held_out].sum() > 0
