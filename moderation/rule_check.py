"""Try an admin's rule before it is saved: its matches on sample posts, under a time limit.

Python's ``re`` has no timeout, and a backtracking pattern like ``(a|aa)+$`` can take
minutes on a few thousand characters. ``compile_rule`` refuses the textbook shapes; this
goes further and runs the pattern, with the very engine screening uses, in a child
process that is killed after ``timeout`` seconds. The texts it runs on are the sample
posts plus stress strings built from the pattern's own characters (long runs that almost
match are what make backtracking explode). A pattern that needs longer is refused.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass

from moderation.normalize import normalize
from moderation.rules import MAX_MATCHES, Rule, _flags_for, compile_rule

DEFAULT_TIMEOUT = 2.0
STRESS_LENGTH = 3000

# Runs in a fresh interpreter (-I -S: no site packages, no environment), reads JSON on
# stdin, prints the matches per text as JSON.
_CHILD = """
import json, re, sys
data = json.load(sys.stdin)
pattern = re.compile(data["pattern"], data["flags"])
found = []
for index, text in enumerate(data["texts"]):
    matches = []
    for match in pattern.finditer(text):
        if match.group(0) and match.group(0) not in matches:
            matches.append(match.group(0))
        if len(matches) >= data["limit"]:
            break
    if matches:
        found.append([index, matches])
json.dump(found, sys.stdout)
"""


@dataclass(frozen=True)
class RuleTrial:
    """Which sample texts a rule fires on, and the text it matched in each."""

    matches: list[tuple[int, list[str]]]  # (index into the samples, matched strings)


def stress_texts(pattern: str) -> list[str]:
    """Long near-matches made of the pattern's own characters."""
    literal = re.sub(r"\\[a-zA-Z]", " ", pattern)
    chars = sorted({ch for ch in literal.lower() if ch.isalnum() or ch in " @.-_"})[:24]
    texts = [ch * STRESS_LENGTH + "!" for ch in chars]
    words = [w for w in re.findall(r"[a-z0-9]{2,}", literal.lower())][:24]
    texts += [(" ".join(words) + " ") * (STRESS_LENGTH // max(1, len(" ".join(words)))) + "!"]
    texts += [
        "a" * STRESS_LENGTH + "!",
        " " * STRESS_LENGTH + "!",
        "1" * STRESS_LENGTH + "!",
        "1" * STRESS_LENGTH + "x",
        "a " * (STRESS_LENGTH // 2) + "!",
        "ab" * (STRESS_LENGTH // 2) + "!",
    ]
    return texts


def try_rule(rule: Rule, samples: list[str], timeout: float = DEFAULT_TIMEOUT) -> RuleTrial:
    """Check ``rule`` and run it over ``samples`` (raw posts, normalised here as
    screening does). Raises ValueError with a message for the admin if the pattern is
    invalid or too slow."""
    compile_rule(rule)
    normalized = [normalize(text).text for text in samples]
    stress = stress_texts(rule.pattern)
    payload = json.dumps(
        {
            "pattern": rule.pattern,
            "flags": int(_flags_for(rule.pattern)),
            "texts": normalized + stress,
            "limit": MAX_MATCHES,
        }
    )
    try:
        finished = subprocess.run(
            [sys.executable, "-I", "-S", "-c", _CHILD],
            input=payload,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ValueError(
            f"rule {rule.name!r}: the pattern took more than {timeout:g} seconds on "
            "long or repetitive text, which means catastrophic backtracking; simplify "
            "nested or overlapping repetitions (like '(a|aa)+' or '(\\w+\\s?)*')"
        ) from exc
    if finished.returncode != 0:
        raise ValueError(f"rule {rule.name!r}: the pattern could not be run")
    found = json.loads(finished.stdout)
    matches = [(index, strings) for index, strings in found if index < len(samples)]
    return RuleTrial(matches)
