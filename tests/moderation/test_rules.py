"""Every rule explains itself: it fires on its examples, not on its counterexamples, and
reports the text that made it fire."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.normalize import normalize
from moderation.rules import DEFAULT_RULES, RULE_KINDS, Rule, RuleEngine, compile_rule

RULE_IDS = [rule.name for rule in DEFAULT_RULES]


def fires(rule: Rule, text: str) -> list[str]:
    hits = RuleEngine([rule]).evaluate(normalize(text).text)
    return hits[0].matches if hits else []


@pytest.mark.parametrize("rule", DEFAULT_RULES, ids=RULE_IDS)
def test_every_rule_has_examples_and_counterexamples(rule):
    assert rule.examples, f"{rule.name} needs examples that fire it"
    assert rule.counterexamples, f"{rule.name} needs counterexamples that do not"
    assert rule.description and rule.kind in RULE_KINDS


@pytest.mark.parametrize("rule", DEFAULT_RULES, ids=RULE_IDS)
def test_rule_fires_on_its_examples_and_shows_the_matched_text(rule):
    for example in rule.examples:
        matches = fires(rule, example)
        assert matches, f"{rule.name} should fire on {example!r}"
        assert all(match in normalize(example).text for match in matches)


@pytest.mark.parametrize("rule", DEFAULT_RULES, ids=RULE_IDS)
def test_rule_stays_quiet_on_its_counterexamples(rule):
    for counterexample in rule.counterexamples:
        assert not fires(rule, counterexample), f"{rule.name} fired on {counterexample!r}"


def test_rule_names_are_unique():
    assert len(RULE_IDS) == len(set(RULE_IDS))


def test_care_rules_carry_no_weight_and_warnings_pull_down():
    for rule in DEFAULT_RULES:
        if rule.kind == "care":
            assert rule.weight == 0
        if rule.kind == "warning":
            assert rule.weight < 0


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("spell (caster", "invalid regular expression"),
        ("", "empty"),
        ("a*", "matches empty text"),
        ("(a+)+$", "repeated group"),
        (r"(\w*)*x", "repeated group"),
    ],
)
def test_invalid_patterns_are_refused_with_a_clear_error(pattern, message):
    rule = Rule("admin_rule", "scam", pattern, 1.0, "typed by an admin")
    with pytest.raises(ValueError, match=message):
        compile_rule(rule)


def test_unknown_kind_and_bad_weight_are_refused():
    with pytest.raises(ValueError, match="unknown kind"):
        compile_rule(Rule("r", "spamish", "x", 1.0, "d"))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="finite"):
        compile_rule(Rule("r", "scam", "x", float("nan"), "d"))


def test_engine_refuses_duplicate_names():
    rule = Rule("same", "scam", "spell", 1.0, "d")
    with pytest.raises(ValueError, match="unique"):
        RuleEngine([rule, rule])


def test_disabled_rules_do_not_fire():
    rule = Rule("off", "scam", "spell", 1.0, "d", enabled=False)
    assert RuleEngine([rule]).evaluate("a spell caster") == []


def test_admin_pattern_with_capitals_is_case_insensitive():
    rule = Rule("admin_dr", "scam", r"\bDr Zuma\b", 2.0, "a known scam name")
    hits = RuleEngine([rule]).evaluate(normalize("Contact DR ZUMA today").text)
    assert hits and hits[0].matches == ["dr zuma"]


def test_hits_are_ordered_by_strength_and_matches_are_distinct():
    rules = [
        Rule("weak", "scam", r"\bspell\b", 0.5, "d"),
        Rule("strong", "scam", r"\bcaster\b", 2.0, "d"),
    ]
    hits = RuleEngine(rules).evaluate("spell caster spell caster spell")
    assert [hit.rule.name for hit in hits] == ["strong", "weak"]
    assert hits[1].matches == ["spell"]


# The engine skips rules whose key strings are absent and tries patterns only where
# they can start; that must never change what a rule finds.
SNIPPETS = st.sampled_from(
    [ex for rule in DEFAULT_RULES for ex in rule.examples + rule.counterexamples]
    + ["and then", " is ", "it's", "contact", "his email is", "hours", "won", "spell"]
)


ENGINE = RuleEngine(DEFAULT_RULES)
COMPILED = [(rule, compile_rule(rule)) for rule in DEFAULT_RULES]


def brute_force(rule_text: str) -> dict[str, list[str]]:
    found = {}
    for rule, pattern in COMPILED:
        matches = []
        for match in pattern.finditer(rule_text):
            snippet = match.group().strip()
            if snippet and snippet not in matches:
                matches.append(snippet)
        if matches:
            found[rule.name] = matches[:5]
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(SNIPPETS, min_size=1, max_size=8).map(" ".join))
def test_engine_shortcuts_find_exactly_what_a_full_scan_finds(raw):
    text = normalize(raw).text
    assert {hit.rule.name: hit.matches for hit in ENGINE.evaluate(text)} == brute_force(text)


def test_patterns_are_plain_strings_for_storage():
    for rule in DEFAULT_RULES:
        assert isinstance(rule.pattern, str)
        re.compile(rule.pattern)
