"""Screening rules: named regular expressions with a weight, kept as plain data.

Rules run on normalised text (see ``moderation.normalize``): lower case, contacts in
canonical form ("name@host.com", "+12345678901", "wa.me/..."), leetspeak and
lookalike letters folded. So patterns are written in lower case; a pattern containing
capitals (an admin typing "Dr") is compiled case-insensitively.

Weights are log-odds evidence added to the screening score (see ``screener.py``).
They are set so that no single generic signal holds a post: an e-mail address, a
helpline number or a link alone stays well below the hold line, and so does spell or
"get my ex back" language alone, because heartbroken people write both. It takes a
combination: a contact channel *and* testimonial or offer language, or several strong
testimonial signals together.

Kinds:
- ``contact``: a way to reach someone off the forum.
- ``scam``: the testimonial script of spell casters, "love doctors" and their kin.
- ``offer``: predatory offers and money requests (phone hacking, loans, crypto, paid
  readings, miracle cures).
- ``warning``: someone warning others about scams; negative weight, because genuine
  warnings quote the scammers' own phrases.
- ``care``: self-harm or suicidal language. Never changes the score; it raises the
  ``care`` flag so the forum can show support resources.

The built-in rules are data in ``moderation.builtin_rules``, one module per family.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import re2

RuleKind = Literal["contact", "scam", "offer", "warning", "care"]
RULE_KINDS: tuple[str, ...] = ("contact", "scam", "offer", "warning", "care")

# A rule fires at most this many matches into a verdict: enough to show a moderator.
MAX_MATCHES = 5
MAX_PATTERN_LENGTH = 4000
# RE2's compiled program size (about one instruction per character a pattern can
# match). Matching time is linear in the text, times at worst this size (when RE2 falls
# back from its DFA to simulating the program), so a huge counted repeat like
# "a.{0,900}b" is refused here; the admins' rule check (``rule_check``) also times a
# pattern on long texts. The largest built-in is near 5,500.
MAX_PROGRAM_SIZE = 8_000
# Counted repeats above this keep that many match attempts alive at once: "a.{0,800}c"
# takes a tenth of a second or more on one long post even on RE2. Built-ins need 80.
MAX_COUNTED_REPEAT = 100

# Python's \w is Unicode-aware (letters and digits of every script), RE2's is ASCII
# only; these keep admin patterns meaning what they meant under Python's engine. \d and
# \s need no change: normalised text has only ASCII digits and ASCII whitespace.
_WORD = r"\p{L}\p{N}_"
_CLASS_ESCAPES = {"w": f"[{_WORD}]", "W": f"[^{_WORD}]"}
_IN_CLASS_ESCAPES = {"w": _WORD}

_UNSUPPORTED_HINT = (
    "rules run on a linear-time engine (RE2), which has no backreferences (\\1), "
    "lookarounds ((?=...), (?!...), (?<=...), (?<!...)), atomic groups or possessive "
    "repeats, and allows counted repeats up to {100}"
)


@dataclass(frozen=True)
class Rule:
    """One screening rule. ``examples`` must fire it, ``counterexamples`` must not."""

    name: str
    kind: RuleKind
    pattern: str
    weight: float
    description: str
    enabled: bool = True
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleHit:
    """A rule that fired on a text, with the substrings that made it fire."""

    rule: Rule
    matches: list[str] = field(default_factory=list)


def compile_rule(rule: Rule) -> Any:
    """Compile a rule's pattern with RE2, or raise ValueError saying what is wrong.

    RE2 matches in time linear in the text whatever the pattern, so no pattern an admin
    types can make one post take minutes; what it cannot do (backreferences,
    lookarounds) it refuses here, with its reason."""
    if rule.kind not in RULE_KINDS:
        raise ValueError(f"rule {rule.name!r}: unknown kind {rule.kind!r}; use one of {RULE_KINDS}")
    if not isinstance(rule.weight, int | float) or not math.isfinite(rule.weight):
        raise ValueError(f"rule {rule.name!r}: weight must be a finite number")
    if not rule.pattern or not rule.pattern.strip():
        raise ValueError(f"rule {rule.name!r}: pattern is empty")
    if len(rule.pattern) > MAX_PATTERN_LENGTH:
        raise ValueError(f"rule {rule.name!r}: pattern longer than {MAX_PATTERN_LENGTH} characters")
    if "\x00" in rule.pattern:
        # Normalised text never holds one, and a database column cannot store it.
        raise ValueError(
            f"rule {rule.name!r}: pattern contains a NUL character, which no post can "
            "contain; remove it"
        )
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not _case_insensitive(rule.pattern)
    try:
        compiled = re2.compile(unicode_classes(rule.pattern), options)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else "unknown error"
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise ValueError(
            f"rule {rule.name!r}: invalid regular expression: {reason}; {_UNSUPPORTED_HINT}"
        ) from exc
    if (largest := largest_counted_repeat(rule.pattern)) > MAX_COUNTED_REPEAT:
        raise ValueError(
            f"rule {rule.name!r}: a counted repeat of up to {largest} is too costly on long "
            f"posts; use at most {{0,{MAX_COUNTED_REPEAT}}}"
        )
    if compiled.programsize > MAX_PROGRAM_SIZE:
        raise ValueError(
            f"rule {rule.name!r}: pattern is too large once compiled; use smaller counted "
            "repeats (like {0,40} rather than {0,900})"
        )
    if compiled.search(""):
        raise ValueError(
            f"rule {rule.name!r}: pattern matches empty text, so it would fire on every post"
        )
    return compiled


_COUNTED = re.compile(r"\{(\d+)(?:,(\d*))?\}")


def largest_counted_repeat(pattern: str) -> int:
    """The largest bound of a counted repeat ("{2,40}" gives 40) outside escapes and
    character classes; 0 when there is none."""
    largest, index, in_class = 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            # A "]" right after "[" or "[^" is a literal member, not the end.
            if pattern[index + 1 : index + 2] == "^":
                index += 1
            if pattern[index + 1 : index + 2] == "]":
                index += 1
        elif char == "{" and (match := _COUNTED.match(pattern, index)):
            largest = max(largest, *(int(bound) for bound in match.groups() if bound))
            index = match.end()
            continue
        index += 1
    return largest


def _case_insensitive(pattern: str) -> bool:
    # Screening text is case-folded, so patterns are written in lower case; one an
    # admin typed with capitals ("Dr") is matched ignoring case, so it still fires.
    without_escapes = []
    escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        else:
            without_escapes.append(ch)
    return any(ch.isupper() for ch in without_escapes)


def unicode_classes(pattern: str) -> str:
    """``pattern`` with \\w and \\W spelled as Unicode classes for RE2 (see _WORD).

    Only escapes are touched; inside a character class, \\w becomes its members (a
    negated \\W there keeps RE2's ASCII meaning: a class cannot hold a complement)."""
    out: list[str] = []
    in_class = False
    class_body = -1  # index where the current class's members start
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            escape = pattern[i + 1]
            if escape == "Q":  # RE2's literal text: copied as is, up to \E
                end = pattern.find("\\E", i + 2)
                end = n if end == -1 else end + 2
                out.append(pattern[i:end])
                i = end
                continue
            table = _IN_CLASS_ESCAPES if in_class else _CLASS_ESCAPES
            out.append(table.get(escape, pattern[i : i + 2]))
            i += 2
            continue
        if in_class:
            if ch == "]" and i > class_body:
                in_class = False
            elif pattern.startswith("[:", i):  # a POSIX class like [:alpha:]
                end = pattern.find(":]", i + 2)
                if end != -1:
                    out.append(pattern[i : end + 2])
                    i = end + 2
                    continue
        elif ch == "[":
            in_class = True
            class_body = i + 2 if pattern.startswith("^", i + 1) else i + 1
        out.append(ch)
        i += 1
    return "".join(out)


@dataclass(frozen=True)
class _CompiledRule:
    rule: Rule
    pattern: Any  # a compiled RE2 pattern
    # The groups named "hit..." (in order): RE2 has no lookarounds, so a pattern
    # matches the context it needs and names the part a moderator should see.
    hit_groups: tuple[int, ...] = ()


class RuleEngine:
    """Runs a list of rules (built-in or admin-edited) over normalised text.

    Every pattern runs on RE2, whose matching time is linear in the length of the text
    for any pattern, so screening one post is bounded by its length and the number of
    rules, whatever the rules are. The text is encoded to UTF-8 once per post and every
    rule searches those bytes.
    """

    def __init__(self, rules: list[Rule] | tuple[Rule, ...]):
        names = [rule.name for rule in rules]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"rule names must be unique; repeated: {', '.join(duplicates)}")
        self.rules = tuple(rules)
        self._compiled = []
        for rule in rules:
            if rule.enabled:
                pattern = compile_rule(rule)
                self._compiled.append(_CompiledRule(rule, pattern, hit_groups(pattern)))

    def evaluate(self, text: str) -> list[RuleHit]:
        """Every enabled rule that fires on ``text``, strongest weight first."""
        data = text.encode("utf-8")
        hits = []
        for compiled in self._compiled:
            matches = _distinct_matches(compiled.pattern.finditer(data), compiled.hit_groups)
            if matches:
                hits.append(RuleHit(rule=compiled.rule, matches=matches))
        hits.sort(key=lambda hit: -abs(hit.rule.weight))
        return hits


def hit_groups(pattern: Any) -> tuple[int, ...]:
    """The numbers of ``pattern``'s groups whose name starts with "hit", in order."""
    return tuple(
        sorted(index for name, index in pattern.groupindex.items() if name.startswith("hit"))
    )


def _distinct_matches(matches: Iterator[Any], hit_groups: tuple[int, ...] = ()) -> list[str]:
    found: list[str] = []
    for match in matches:
        # The first "hit" group that took part in the match, else the whole match.
        matched = next(
            (part for part in map(match.group, hit_groups) if part is not None), match.group()
        )
        # Spans are over UTF-8 bytes; RE2 in UTF-8 mode matches whole characters.
        snippet = matched.decode("utf-8", "replace").strip()
        if snippet and snippet not in found:
            found.append(snippet)
            if len(found) == MAX_MATCHES:
                break
    return found


def __getattr__(name: str) -> Any:
    # ``moderation.rules.DEFAULT_RULES`` stays importable for older callers. The
    # built-ins are data that import ``Rule`` from here, so this module cannot import
    # them at its top without a cycle; it hands them over when first asked.
    if name == "DEFAULT_RULES":
        from moderation.builtin_rules import DEFAULT_RULES

        return DEFAULT_RULES
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
