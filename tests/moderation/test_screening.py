"""A scam is held with its reasons shown; a heartbroken person is published."""

import json

import pytest

import moderation.screener as screening_module
from moderation import Reason, Screener, ScreeningConfig, Verdict, screen
from moderation.rules import DEFAULT_RULES

# Written for these tests. Addresses use example.* domains, phones the fictional 555 range.
SCAMS = [
    "I was broken when my husband of 6 years left me for another woman. I cried every "
    "night until a friend told me about Dr Okolo, a powerful spell caster. I contacted "
    "him and he cast a reunion spell, and within 48 hours my husband came back begging "
    "for forgiveness. I will forever be grateful. Contact him via email: "
    "okolospelltemple@example.com or whatsapp +1 202 555 0143",
    "THIS IS MY TESTIMONY!!! Priest Adeyemi brought my ex back in 2 days after everyone "
    "said it was over. If you need your lover back contact him now on "
    "adeyemi_temple (at) example (dot) com",
    "Need your ex back? Whatsapp the great love doctor: +234 810 555 0199",
    "My girlfriend cheated and I needed proof. A hacker called Mark got me full access to "
    "her phone and whatsapp messages remotely. Reach him through telegram @markhacks_pro",
    "After my divorce I was broke until I met a forex account manager who helped me invest. "
    "Now I earn $4,000 every week. Message her on whatsapp +1 202 555 0177",
    "Thank you Lord Kanzu for the lottery spell, he gave me the winning numbers and I won "
    "the jackpot. Email lordkanzu@example.org for your own lucky numbers.",
    "I had herpes for 6 years until Dr Ebo cured me with his herbal medicine, now I am "
    "negative. Contact his email drebo.herbal@example.com",
    "Get a free psychic reading today! Sister Marian sees what others can't. First question "
    "free, then $1.99 a minute at www.example-readings.com",
]

# Genuine posts that share the scams' vocabulary; every one must be published.
HARD_NEGATIVES = [
    "How do I get my ex back? I'd do anything. I even thought about paying a psychic.",
    "My therapist Dr Lee said I should write him a letter I never send. It helped a bit.",
    "I felt like killing myself last night. I called a friend and she stayed on the phone.",
    "If you're in the UK, Samaritans are on 116 123 any time. In the US call or text 988. "
    "Please reach out, you matter.",
    "PSA: those comments saying a spell caster brought their ex back in 48 hours are scams. "
    "Please don't email them, they prey on people who are hurting.",
    "She blocked me on WhatsApp and Instagram, but I still check her last seen every hour.",
    "It feels like she put a spell on me. Six months on and I still can't break it.",
    "Meeting him felt like winning the lottery. Losing him feels like losing everything.",
    "He still owes me $1,200 for the flights and won't answer my texts. Should I let it go?",
    "This article on attachment styles helped me a lot: https://www.example.org/attachment",
    "My ex came back after two weeks and apologised, but I don't trust it. What do I do?",
    "I prayed every night that he would come back. My pastor says to give it time.",
    "Blocked her number, deleted the photos, muted her on Telegram. Day 12 of no contact.",
    "My mum keeps saying I should see a real doctor for the chest pain. Is heartbreak "
    "actually physical?",
    "I almost fell for one of those love doctor comments when I was at my lowest. Glad I "
    "talked to you all instead.",
    "You can email me at kindstranger@example.com if you need someone to talk to tonight.",
]


@pytest.mark.parametrize("post", SCAMS, ids=range(len(SCAMS)))
def test_scams_are_held_with_reasons(screener, post):
    verdict = screener.screen(post)
    assert verdict.action == "hold", verdict
    assert verdict.score >= screener.config.hold_threshold
    assert any(reason.kind == "rule" and reason.matches for reason in verdict.reasons)


@pytest.mark.parametrize("post", HARD_NEGATIVES, ids=range(len(HARD_NEGATIVES)))
def test_heartbroken_posts_are_published(screener, post):
    verdict = screener.screen(post)
    assert verdict.action == "publish", verdict


def _insert_every(text: str, step: int, char: str) -> str:
    return char.join(text[i : i + step] for i in range(0, len(text), step))


ADVERSARIAL = {
    "zero-width spaces": lambda t: _insert_every(t, 3, "\u200b"),
    "homoglyphs": lambda t: t.translate(str.maketrans("aeopcs", "аеорсѕ")),
    "fullwidth": lambda t: "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in t),
    "spaced digits": lambda t: t.replace("+1 202 555 0143", "+ 1 2 0 2 5 5 5 0 1 4 3"),
    "digits as words": lambda t: t.replace(
        "+1 202 555 0143", "plus one two zero two five five five zero one four three"
    ),
    "leetspeak": lambda t: t.replace("spell", "sp3ll").replace("caster", "c4st3r"),
    "shouting": str.upper,
}


@pytest.mark.parametrize("disguise", ADVERSARIAL, ids=list(ADVERSARIAL))
def test_disguised_scam_is_still_held(screener, disguise):
    post = ADVERSARIAL[disguise](SCAMS[0])
    verdict = screener.screen(post)
    assert verdict.action == "hold", (disguise, verdict)
    assert "phone:+12025550143" in verdict.contacts


def test_self_harm_sets_care_and_still_publishes(screener):
    verdict = screener.screen(
        "Since she left I don't want to be here anymore. Some nights I think about ending it all."
    )
    assert verdict.care is True
    assert verdict.action == "publish"
    assert all(reason.kind != "rule" or reason.name != "self_harm" for reason in verdict.reasons)


def test_ordinary_post_has_no_care_flag(screener):
    assert screener.screen("We broke up last week and I miss her.").care is False


def test_rule_weights_never_hold_a_post_for_one_contact_alone():
    rules_only = Screener(DEFAULT_RULES, classifier=None)
    for post in ("reach me at a.friend@example.com", "call +1 202 555 0143", "see example.net"):
        assert rules_only.screen(post).action == "publish", post


def test_post_sharing_a_helpline_and_a_link_is_published(screener):
    post = (
        "Please don't go through tonight alone. Call 1-800-273-8255 or look up your local "
        "line on findahelpline.com, and come back and tell us how you are."
    )
    assert screener.screen(post).action == "publish"


def test_held_post_explains_rules_and_classifier_terms(screener):
    verdict = screener.screen(SCAMS[0])
    by_name = {reason.name: reason for reason in verdict.reasons}
    assert any("spell" in match for match in by_name["spell_caster"].matches)
    assert "email:okolospelltemple@example.com" in verdict.contacts
    classifier_reason = by_name["classifier"]
    assert classifier_reason.kind == "classifier"
    assert classifier_reason.matches, "the classifier's strongest terms explain the hold"
    assert 0.5 < classifier_reason.weight <= 1.0


def test_verdict_round_trips_through_json(screener):
    verdict = screener.screen(SCAMS[1])
    stored = json.loads(json.dumps(verdict.to_dict()))
    assert Verdict.from_dict(stored) == verdict
    assert all(isinstance(reason, Reason) for reason in Verdict.from_dict(stored).reasons)


def test_reject_threshold_rejects_only_when_configured(classifier):
    strict = Screener(DEFAULT_RULES, classifier, ScreeningConfig(reject_threshold=0.95))
    assert strict.screen(SCAMS[0]).action == "reject"
    assert strict.screen(HARD_NEGATIVES[0]).action == "publish"


def test_config_refuses_thresholds_out_of_order():
    with pytest.raises(ValueError):
        ScreeningConfig(hold_threshold=0.8, reject_threshold=0.5)
    with pytest.raises(ValueError):
        ScreeningConfig(hold_threshold=1.5)


def test_rules_only_screener_works_without_a_classifier():
    rules_only = Screener(DEFAULT_RULES, classifier=None)
    assert rules_only.screen(SCAMS[0]).action == "hold"
    assert rules_only.screen(HARD_NEGATIVES[1]).action == "publish"


def test_scores_stay_in_range(screener):
    for post in SCAMS + HARD_NEGATIVES + ["", " ", "\u200b" * 50, "x" * 20_000]:
        assert 0.0 <= screener.screen(post).score <= 1.0


def test_module_screen_builds_the_default_screener_once(monkeypatch, classifier):
    calls = []

    def fake_load(cache_path=None):
        calls.append(cache_path)
        return classifier

    monkeypatch.setattr(screening_module, "load_or_train_default", fake_load)
    screening_module.default_screener.cache_clear()
    try:
        assert screen(SCAMS[2]).action == "hold"
        assert screen(HARD_NEGATIVES[2]).action == "publish"
        assert calls == [None]  # trained once, nothing cached on disk
    finally:
        screening_module.default_screener.cache_clear()


LINK_SPAM_COMMENTS = [
    "Great post, keep sharing. [url=https://wager.example/]online casino bonus[/url]",
    "Very informative blog. [best essay writing service](https://papers.example/order)",
]

ARTICLE_SHARING_POSTS = [
    "Thanks for sharing your story. A counsellor sent me this article on attachment and it "
    "helped me stop checking his profile: https://news.example/attachment-after-breakup",
    "The newsletter from my local support group has a page on the first weeks after a "
    "break-up, www.support.example/newsletter, it was kind and not preachy.",
]


@pytest.mark.parametrize("post", LINK_SPAM_COMMENTS)
def test_comment_link_spam_is_held(screener, post):
    verdict = screener.screen(post)
    assert verdict.action == "hold", verdict
    names = {r.name for r in verdict.reasons}
    assert "commercial_anchor" in names
    assert names & {"markup_link", "markdown_link"}  # HTML/BBCode or Markdown


@pytest.mark.parametrize("post", ARTICLE_SHARING_POSTS)
def test_posts_sharing_a_helpful_link_are_published(screener, post):
    assert screener.screen(post).action == "publish"
