"""Try an admin's rule before it is saved: what it matches in sample posts.

Rules run on RE2, whose matching time is linear in the text for any pattern, so there is
no backtracking to guard against and the trial runs in-process, with the very engine
screening uses. A pattern RE2 cannot compile (backreferences, lookarounds) is refused
with its reason by ``compile_rule``. Two checks are left here:

- Cost. Linear is not always cheap: a large counted repeat such as ``a.{0,800}c`` keeps
  hundreds of match attempts alive at once and costs seconds on a long post. The rule is
  timed on a few long texts made of its own characters (the kind that keep attempts
  alive); one slower than ``MAX_SECONDS`` on any of them is refused. Every text takes
  linear time, so the check itself is bounded.
- Usefulness: one that fires on every post, such as ``[\\s\\S]`` or ``.``, would add its
  weight to everything.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, replace

from moderation.builtin_rules import DEFAULT_RULES
from moderation.normalize import normalize
from moderation.rules import Rule, RuleEngine

# Plain sentences a reasonable rule leaves alone: the built-in rules' counterexamples,
# genuine posts every one of them. With the recent posts they show whether a rule
# fires on everything even on a new forum with few posts.
PLAIN_TEXTS: tuple[str, ...] = tuple(
    dict.fromkeys(text for rule in DEFAULT_RULES for text in rule.counterexamples)
)


# The longest post the forum accepts, and the most one rule may take to screen it. A
# built-in rule takes about a millisecond on such a post.
STRESS_LENGTH = 10_000
MAX_SECONDS = 0.2


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
    check_cost(engine, rule)
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


def stress_texts(pattern: str, length: int = STRESS_LENGTH) -> list[str]:
    """Long texts made of the pattern's own characters, mixed at random (seeded by the
    pattern, so a verdict is repeatable), with and without spaces."""
    chars = sorted({ch for ch in pattern.lower() if ch.isalnum() or ch in "@.+-_/:'"}) or ["a"]
    letters = [ch for ch in chars if ch.isalpha()] or chars
    rng = random.Random(pattern)
    alphabets = (chars, chars + [" "], letters, letters[:2], letters[:3], letters[:2] + [" "])
    texts = ["".join(rng.choice(alphabet) for _ in range(length)) for alphabet in alphabets]
    texts += ["a" * length, "1" * length, "a " * (length // 2)]
    return texts


def check_cost(engine: RuleEngine, rule: Rule) -> None:
    """Raise ValueError if the rule takes longer than MAX_SECONDS on a stress text."""
    for text in stress_texts(rule.pattern):
        # Best of two, so that a pause of a busy machine does not refuse a good rule.
        took = min(_timed(engine, text), _timed(engine, text))
        if took > MAX_SECONDS:
            raise ValueError(
                f"rule {rule.name!r}: the pattern took {took:.1f} s on a long post "
                f"({len(text):,} characters) made of its own characters; large counted "
                "repeats such as '.{0,800}' keep many matches alive at once: make them "
                "smaller (like {0,80})"
            )


def _timed(engine: RuleEngine, text: str) -> float:
    # This thread's CPU time, not the wall clock: a machine busy with other work must
    # not make a good rule look costly.
    started = time.thread_time()
    engine.evaluate(text)
    return time.thread_time() - started
