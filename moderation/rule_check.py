"""Try an admin's rule before it is saved: what it matches in sample posts.

Rules run on RE2, whose matching time is linear in the text for any pattern, so there is
no backtracking to guard against and the trial runs in-process, with the very engine
screening uses. What is left to check is usefulness: a pattern RE2 cannot compile
(backreferences, lookarounds) is refused with its reason by ``compile_rule``, and one
that fires on every post, such as ``[\\s\\S]`` or ``.``, is refused here, since it would
add its weight to everything.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from moderation.normalize import normalize
from moderation.rules import DEFAULT_RULES, Rule, RuleEngine

# Plain sentences a reasonable rule leaves alone: the built-in rules' counterexamples,
# genuine posts every one of them. With the recent posts they show whether a rule
# fires on everything even on a new forum with few posts.
PLAIN_TEXTS: tuple[str, ...] = tuple(
    dict.fromkeys(text for rule in DEFAULT_RULES for text in rule.counterexamples)
)


@dataclass(frozen=True)
class RuleTrial:
    """Which sample texts a rule fires on, and the text it matched in each."""

    matches: list[tuple[int, list[str]]]  # (index into the samples, matched strings)
    sampled: int  # how many samples it was tried on


def try_rule(rule: Rule, samples: list[str]) -> RuleTrial:
    """Check ``rule`` and run it over ``samples`` (raw posts, normalised here as
    screening does), enabled or not. Raises ValueError with a message for the admin if
    the pattern is invalid or fires on every post."""
    engine = RuleEngine([replace(rule, enabled=True)])  # compiles it: ValueError if bad
    matches = []
    for index, text in enumerate(samples):
        hits = engine.evaluate(normalize(text).text)
        if hits:
            matches.append((index, hits[0].matches))
    if len(matches) == len(samples) and all(
        engine.evaluate(normalize(text).text) for text in PLAIN_TEXTS
    ):
        raise ValueError(
            f"rule {rule.name!r}: the pattern fires on every post (all {len(samples)} recent "
            f"posts and all {len(PLAIN_TEXTS)} plain sentences it was tried on), so it would "
            "add its weight to everything; make it match only what you mean to catch"
        )
    return RuleTrial(matches, len(samples))
