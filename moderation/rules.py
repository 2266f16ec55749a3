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


# --- Built-in rules -----------------------------------------------------------------
# Shared vocabulary. Kept as strings so each rule stays a single readable regex.
_PARTNER = (
    r"(?:ex|ex[- ]?(?:boyfriend|girlfriend|husband|wife|lover|partner)|lover|husband|wife|"
    r"boyfriend|girlfriend|bf|gf|fianc[ée]e?|partner|man|woman|spouse|marriage|relationship)"
)
_HELPER = (
    r"(?:spell ?caster|caster|priest(?:ess)?|prophet|baba|lord|papa|mama|chief|native doctor|"
    r"herbalist|spiritualist|healer|sangoma|oracle|temple|shrine|love doctor|dr\.?|doctor|"
    r"lady|sir|madam)"
)
_NUMBER_WORD = r"(?:\d{1,3}|one|two|three|four|five|six|seven|few|couple of)"
_CONTACT_VERB = r"(?:contact|reach|email|e-mail|mail|write to|text|call|whatsapp|message|dm|inbox)"

DEFAULT_RULES: tuple[Rule, ...] = (
    # --- contact channels: never enough alone --------------------------------------
    Rule(
        name="email_address",
        kind="contact",
        pattern=r"[a-z0-9_][a-z0-9_.+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}",
        weight=1.2,
        description="An e-mail address (also when disguised as '(at)' or 'dot com').",
        examples=("write to rosepetal77@mailbox.com", "reach her at kindheart@example.org"),
        counterexamples=("I emailed my ex last night", "tag me @lonelyheart"),
    ),
    Rule(
        name="phone_number",
        kind="contact",
        # 8 to 15 digits in a row, not inside a word or a link's path; the group named
        # "hit" is what a moderator sees, without the characters around it.
        pattern=r"(?:^|[^\w/])(?P<hit>\d{8,15})(?:\D|$)",
        weight=0.8,
        description="A phone number (spaced, dashed or spelled out numbers are joined first).",
        examples=("call +15550100123 today", "his number 08105550123"),
        counterexamples=("call 988 if you need to talk", "we were together 3 years, since 2019"),
    ),
    Rule(
        name="messenger_contact",
        kind="contact",
        pattern=(
            r"\b(?:whats ?app|telegram|viber|wechat|signal|imo|kik|line)\b[^.\n]{0,40}?"
            r"(?:\+?\d{8,15}|@[a-z0-9_]{3,})"
            r"|\b(?:wa|t)\.me/[a-z0-9_+]+"
        ),
        weight=1.4,
        description="A WhatsApp, Telegram, Viber or similar number or handle to contact.",
        examples=("whatsapp him on +15550100123", "telegram @lovefixer_99", "wa.me/15550100123"),
        counterexamples=(
            "she blocked me on whatsapp and telegram",
            "I check his whatsapp last seen every hour",
        ),
    ),
    Rule(
        name="social_handle",
        kind="contact",
        pattern=r"\b(?:instagram|insta|ig|facebook|fb|tiktok|snapchat|snap)\b[^.\n]{0,20}?@[a-z0-9_.]{3,}",
        weight=0.8,
        description="An Instagram, Facebook, TikTok or Snapchat handle to contact.",
        examples=("follow on instagram @spirit.healer", "fb: @mama_answers"),
        counterexamples=("he posted her on instagram the day after", "I muted her on ig"),
    ),
    Rule(
        name="web_link",
        kind="contact",
        pattern=(
            # A link. The optional character in front lets it start where the second
            # branch would (one character early), so that this branch wins and shows
            # the whole link.
            r"(?s:.)?(?P<hit>(?:https?://|www\.)[^\s<>()\[\]]+)"
            # A bare domain, but not the host of an e-mail address (no "@" either side).
            r"|(?:^|[^\w@.-])"
            r"(?P<hit_domain>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|io|xyz|ng))"
            r"\b(?:[^@]|$)"
        ),
        weight=0.6,
        description="A link or bare domain name.",
        examples=("visit www.example-temple.org", "see lovehelp.net for details"),
        counterexamples=("I looked him up online", "she is on a dating site"),
    ),
    Rule(
        name="contact_invitation",
        kind="scam",
        pattern=(
            rf"\b{_CONTACT_VERB}\s+(?:him|her|them|this man|this woman|the man|the great)?\s*"
            rf"(?:{_HELPER}\s+)?(?:\w+\s+)?(?:via|through|on|at|with|today|now|immediately|asap|for)"
            rf"\b[^.\n]{{0,20}}?(?:@|\+?\d{{7,}}|email|whats ?app|telegram|viber|website|number)"
            r"|(?:his|her|their|temple's) "
            r"(?:e-mail|email|whats ?app|telegram|viber|contact|phone|mobile|cell)"
            r"(?: address| number| details| info| line)?\s*"
            r"(?:is|:|-|=|on|at)\b"
            r"|\bcontact (?:details|info(?:rmation)?) (?:is |are )?(?:below|above|:)"
            r"|\b(?:send|give|share|dm|pm|inbox) you (?:his|her|their|the) "
            r"(?:contact|number|e-mail|email|details|whats ?app|info)"
            r"|\bask me for (?:his|her|their|the) "
            r"(?:contact|number|e-mail|email|details|whats ?app)"
        ),
        weight=1.6,
        description="Invites readers to contact someone through a given channel.",
        examples=(
            "you can contact him via email: x@y.com",
            "his whatsapp number is +15550100123",
            "reach him through whatsapp +15550100123",
            "reply and I will send you his contact",
        ),
        counterexamples=(
            "should I contact him again after no contact?",
            "I blocked his whatsapp number",
            "call a helpline if you need one",
        ),
    ),
    # --- spell-caster testimonial script --------------------------------------------
    Rule(
        name="spell_caster",
        kind="scam",
        pattern=(
            r"\bspell ?-?(?:caster|casting|casted|worker|temple|home)s?\b"
            r"|\b(?:love|lottery|lotto|reunion|reunite|return|binding|attraction|marriage|"
            r"powerful|money|protection|fertility|pregnancy|breakup|break-up|win)\s+spells?\b"
            r"|\bcast(?:s|ed|ing)?\s+(?:a|the|his|her|some|my|an?\s+\w+)?\s*(?:\w+\s+)?spells?\b"
            r"|\bspells?\s+(?:was|were|had been|has been)?\s*cast\b"
            r"|\b(?:voodoo|juju|obeah|hoodoo|black magic|white magic|witch ?doctor|love portion|"
            r"love potion|love oil|magic ring|spiritual (?:cleansing|bath|ring))\b"
        ),
        weight=2.0,
        description="Spell-casting services: spell casters, love/lottery spells, voodoo, potions.",
        examples=(
            "Dr Zuma the great spell caster",
            "he cast a love spell for me",
            "the reunion spell worked",
            "he sent me a love portion",
        ),
        counterexamples=(
            "breaking the spell she left on me",
            "I had crying spells all week",
            "a short spell of grief",
        ),
    ),
    Rule(
        name="spiritual_helper",
        kind="scam",
        pattern=(
            r"\b(?:great|powerful|genuine|real|honest|true|wonderful|famous|mighty|gifted|"
            r"native|spiritual|traditional|african|indian|ancient|herbal|holy)\s+"
            r"(?:spell ?caster|priest(?:ess)?|prophet|herbalist|spiritualist|healer|temple|shrine|"
            r"oracle|sangoma|psychic|medium|native doctor|love doctor|spiritual doctor|baba|"
            r"witch|sorcerer|magician|man of god)\b"
            r"|\b(?:native|spiritual|traditional|herbal|african|witch)\s+doctor\b"
            r"|\blove (?:doctor|guru|specialist|expert|psychic)\b"
            r"|\b(?:temple|shrine) of (?:\w+ ){0,2}\w+"
        ),
        weight=1.4,
        description="A 'great/powerful/native' priest, healer, temple or 'love doctor'.",
        examples=(
            "a powerful priest called Baba Oyo",
            "this great herbalist",
            "visit the temple of the river goddess",
            "the love doctor helped me",
        ),
        counterexamples=(
            "my priest told me to pray for peace",
            "my therapist Dr Lee said to journal",
            "go see a real doctor about the chest pain",
        ),
    ),
    Rule(
        name="helper_brought_back",
        kind="scam",
        pattern=(
            rf"\b(?:helped|assisted)\s+(?:me|us|many|people|others|so many)\s+(?:to\s+)?"
            rf"(?:(?:get|bring|win)\b[^.\n]{{0,40}}?\bback\b|restore|reunite|return|win the|cure)"
            rf"|\b(?:brought|bring|restored|returned|reunited)\s+(?:back\s+)?(?:my|her|his|our)\s+"
            rf"{_PARTNER}\s+(?:back\s+)?(?:to me\s+)?(?:within|in|after)\b"
            rf"|\b(?:{_HELPER})\s+\w+\s+(?:brought|restored|returned|reunited|helped)\b"
        ),
        weight=1.2,
        description="Someone helped bring a partner back, or restored a relationship.",
        examples=(
            "he helped me get my husband back",
            "brought my ex back within two days",
            "Dr Zuma brought joy to my home",
        ),
        counterexamples=(
            "therapy helped me get over him",
            "I want to bring my ex back",
            "my friends helped me move out",
        ),
    ),
    Rule(
        name="timed_return",
        kind="scam",
        pattern=(
            rf"\b(?:within|after|less than|under|before|exactly)\s+(?:the\s+)?(?:next\s+)?"
            rf"(?:24|48|72|{_NUMBER_WORD})\s*(?:hours|hrs|hr|days)\b"
            rf"[^.\n]{{0,60}}(?:came back|come back|returned|called me|begg|apologi[sz]|back to me|"
            rf"back home|crawling|on his knees|on her knees|won|result|cured)"
            rf"|(?:came back|come back|returned|called me|begg\w*|apologi[sz]\w*|back to me|"
            rf"back home|result\w*|won)[^.\n]{{0,40}}\b(?:within|in|after|less than|exactly)\s+"
            rf"(?:24|48|72|{_NUMBER_WORD})\s*(?:hours|hrs|hr|days)\b"
        ),
        weight=1.2,
        description="A partner 'came back' or a result arrived within a stated number of hours.",
        examples=(
            "within 48 hours my husband came back",
            "he came back to me in 2 days begging",
        ),
        counterexamples=(
            "for the first 48 hours I kept sending messages",
            "she replied after three weeks",
        ),
    ),
    Rule(
        name="testimony",
        kind="scam",
        pattern=(
            r"\btestimon(?:y|ies|ial)\b|\btestif(?:y|ied|ying)\b"
            r"|\b(?:forever|eternally|ever) (?:be )?(?:grateful|thankful|indebted)\b"
            r"|\b(?:i|we) (?:will|shall|can) never stop (?:thanking|praising|talking about)\b"
            r"|\bgolden (?:medium|opportunity to (?:thank|share))\b"
            r"|\b(?:share|sharing) (?:my|this|the) (?:testimony|wonderful|good news|great news|"
            r"miracle|experience with (?:the world|everyone|you all))"
            r"|\bwords? (?:can ?not|cannot|can't) (?:express|describe) (?:how|my)\b[^.\n]{0,40}"
            r"(?:grateful|thank|happy)"
        ),
        weight=1.2,
        description="Testimony script: 'testimony', 'forever grateful', 'sharing my miracle'.",
        examples=(
            "this is my testimony",
            "I will forever be grateful to him",
            "I want to use this golden medium",
        ),
        counterexamples=(
            "I'm grateful for my friends",
            "thankful for this community",
        ),
    ),
    Rule(
        name="recommend_helper",
        kind="scam",
        pattern=(
            rf"\b(?:if you|anyone|any one|whoever|those who|for those)\b[^.\n]{{0,60}}"
            rf"(?:need|want|having|in need of|going through|facing|looking for)\b[^.\n]{{0,80}}"
            rf"\b(?:contact|reach out to|email|whatsapp|call|text|message)\s+(?:him|her|them|"
            rf"{_HELPER}|this man|this woman|the great|the temple)"
            rf"|\b(?:contact|reach out to|email|whatsapp)\s+(?:him|her|{_HELPER})\s*(?:\w+\s+)?"
            r"(?:now|today|immediately|right away|asap|and be happy|for (?:help|your|any|solution))"
        ),
        weight=1.4,
        description="Tells readers in the same situation to contact the helper.",
        examples=(
            "if you need your ex back contact him today",
            "anyone going through heartbreak should contact Dr Zuma",
            "contact him now for help",
        ),
        counterexamples=(
            "if you need to talk, call a friend",
            "if you are struggling, please reach out to a therapist",
        ),
    ),
    Rule(
        name="lottery_win",
        kind="scam",
        pattern=(
            r"\b(?:winning|lucky|lottery|lotto) numbers\b"
            r"|\b(?:won|win|winning)\s+(?:the\s+|a\s+|my\s+)?(?:\$|£|€)?[\d,.]*\s*(?:million\s+)?"
            r"(?:dollars?\s+|pounds?\s+)?(?:in the\s+)?(?:lottery|lotto|jackpot|powerball|"
            r"mega ?millions|euro ?millions)\b[^.\n]{0,60}(?:spell|dr|doctor|priest|lord|numbers)"
            r"|\b(?:lottery|lotto|jackpot|powerball|mega ?millions|euro ?millions)\b[^.\n]{0,40}"
            r"(?:spell|dr\.? \w+|doctor|priest|lord \w+|numbers he|numbers she)"
        ),
        weight=1.6,
        description="Lottery wins credited to a spell or a helper's 'winning numbers'.",
        examples=(
            "he gave me the winning numbers",
            "I won the lottery after Dr Obi cast a spell",
        ),
        counterexamples=(
            "meeting her felt like winning the lottery",
            "I bought a lottery ticket on my birthday",
        ),
    ),
    # --- predatory offers and money requests ----------------------------------------
    Rule(
        name="phone_hacker",
        kind="offer",
        pattern=(
            r"\b(?:hacker|hackers|hack(?:ed|ing)?\s+(?:into|his|her|their|the|my|your)\b)"
            r"|\b(?:spy|spying|monitor|track|clone|mirror)\s+(?:on\s+)?(?:your|his|her|their|a)\s+"
            r"(?:cheating\s+)?(?:partner|spouse|husband|wife|boyfriend|girlfriend|phone|device|"
            r"whats ?app|messages|chats|location|texts|calls)\b"
            r"|\b(?:remote|full|unrestricted)\s+access\s+to\s+(?:his|her|their|your|the)\s+"
            r"(?:phone|device|whats ?app|messages)"
        ),
        weight=1.5,
        description="Offers to hack or spy on a partner's phone or accounts.",
        examples=(
            "a hacker who got me into his whatsapp",
            "spy on your cheating partner's phone",
            "full access to his phone remotely",
        ),
        counterexamples=(
            "I was tempted to look at his phone",
            "she tracks her steps with an app",
        ),
    ),
    Rule(
        name="investment_loan",
        kind="offer",
        pattern=(
            r"\b(?:bitcoin|crypto(?:currency)?|forex|binary options?|btc|usdt|trading platform)\b"
            r"[^.\n]{0,80}\b(?:invest(?:ed|ing|ment)?|profit|returns?|earn(?:ed|ing)?|"
            r"account manager|mentor|expert|recover(?:ed|y)?)\b"
            r"|\b(?:earn|made|making|make)\s+(?:\$|£|€)[\d,]+[^.\n]{0,30}(?:every|per|a)\s+"
            r"(?:day|week|month)\b"
            r"|\b(?:(?:fast|quick|instant|urgent) (?:cash )?loans?|no credit checks?|loan of [$£€]|"
            r"loan (?:lender|company|offer|firm|agent)|(?:low|affordable) interest rate|"
            r"fund(?:s)? recovery"
            r"|recover (?:my|your) (?:lost|stolen) (?:funds|money|crypto|bitcoin))"
        ),
        weight=1.5,
        description="Crypto/forex investment, income-from-home, loan and 'fund recovery' pitches.",
        examples=(
            "I invested in bitcoin with an account manager",
            "now I earn $3,000 every week",
            "a fund recovery expert got my money back",
            "I got a fast loan with no credit check",
        ),
        counterexamples=(
            "he lost our savings on crypto and lied about it",
            "I had to take out a loan for the deposit",
        ),
    ),
    Rule(
        name="paid_reading",
        kind="offer",
        pattern=(
            r"\b(?:psychic|tarot|love|soulmate|astrology|astrological)\s+readings?\b"
            r"[^.\n]{0,60}\b(?:free|accurate|book|order|contact|email|message|only|\$|£|€|price)"
            r"|\b(?:free|accurate|personal(?:ized|ised)?)\s+(?:psychic|tarot|love)\s+readings?\b"
            r"|\b(?:psychic|astrologer|clairvoyant|medium)\s+(?:advisor|reader|services?)\b"
            r"|\breadings? (?:from|by|with) (?:the )?(?:psychic|clairvoyant|medium|astrologer|"
            r"sister|mother|madam|mama|lady)\b"
            r"|\b(?:first|1st) (?:question|reading|minute|session)s? (?:is |are )?free\b"
            r"|[$£€]\s?\d+(?:\.\d+)? (?:a|per) minute\b|\bsoulmate (?:sketch|drawing|portrait)"
        ),
        weight=1.2,
        description="Paid psychic, tarot or astrology readings offered to readers.",
        examples=(
            "get a free psychic reading today",
            "accurate love readings, message me",
            "the reading from psychic Vera was spot on",
            "first question free, then $2.50 a minute",
        ),
        counterexamples=(
            "I even thought of seeing a psychic",
            "my friend did a tarot reading for fun and I cried",
        ),
    ),
    Rule(
        name="miracle_cure",
        kind="offer",
        pattern=(
            r"\b(?:cured?|healed|heal|treat(?:ed)?|remedy|medicine)\b[^.\n]{0,40}"
            r"\b(?:hiv|aids|herpes|hpv|hepatitis|cancer|diabetes|als|fibroids?|infertility|"
            r"barrenness|impotence|weak erection)\b[^.\n]{0,60}\b(?:herbal|herbs|roots|natural|"
            r"spell|dr|doctor|priest|healer)\b"
            r"|\bherbal (?:medicine|cure|remedy|treatment|product)\b[^.\n]{0,60}"
            r"\b(?:cured?|healed|negative|gone)\b"
        ),
        weight=1.5,
        description="A herbal or spiritual 'cure' for an incurable disease.",
        examples=(
            "he cured my herpes with herbal medicine",
            "his herbal medicine cured me completely",
        ),
        counterexamples=(
            "my doctor said there is no cure for herpes",
            "herbal tea helps me sleep",
        ),
    ),
    Rule(
        name="money_request",
        kind="offer",
        pattern=(
            r"\b(?:send|pay|transfer|wire)\s+(?:me\s+|us\s+|him\s+)?(?:the\s+|a\s+)?(?:small\s+)?"
            r"(?:fee|money|payment|deposit|gift ?cards?|itunes cards?|bitcoin|\$|£|€)"
            r"[^.\n]{0,40}\b(?:materials|items|ritual|spell|sacrifice|gods|deities|processing|"
            r"release|unlock|today)\b"
            r"|\b(?:western union|moneygram|gift ?cards? (?:only|payment)|cash ?app me)\b"
        ),
        weight=1.0,
        description="Asks for money, gift cards or fees for materials, rituals or 'release'.",
        examples=(
            "send the fee for the materials needed for the ritual",
            "pay through western union",
        ),
        counterexamples=(
            "he never paid me back the money for the flights",
            "I sent him a gift card for his birthday",
        ),
    ),
    # --- warnings: genuine posts that quote the scams --------------------------------
    Rule(
        name="scam_warning",
        kind="warning",
        pattern=(
            r"(?:casters|psychics|they|these|those|it|this|that|them)"
            r"(?:'s|'re| is| are| were| was)\s+(?:all\s+|just\s+|always\s+|"
            r"obviously\s+)?(?:a\s+)?(?:scams?|scammers?|frauds?|fake|liars?|predators?)\b"
            r"|\b(?:beware of|don'?t fall for|do not fall for|never (?:pay|send money to)|"
            r"please don'?t (?:contact|email|pay|message)|report (?:them|these|those)|"
            r"prey on (?:people|us|the)|preying on)\b"
        ),
        weight=-1.5,
        description="Warns others about scams (genuine posts quote the scammers' phrases).",
        examples=(
            "spell casters are scams, please don't email them",
            "beware of those comments",
            "they prey on people who are hurting",
        ),
        counterexamples=(
            "I was so desperate I believed anything",
            "he lied to me for months",
        ),
    ),
    Rule(
        name="scam_vocabulary",
        kind="warning",
        pattern=(
            r"\b(?:scam|scams|scammer|scammers|spam|spammers?|fraudsters?|con artists?|rip-?off|"
            r"is an ad|are ads|same scam|don'?t click|fell for (?:it|one|this|that)|"
            r"almost fell for|reported (?:it|them|this|these|three|two|the))\b"
        ),
        weight=-1.0,
        description="Talks about scams or spam as such, as warnings and moderators' notes do.",
        examples=(
            "that comment is spam, don't click",
            "I almost fell for it when I was low",
            "report the scammers",
        ),
        counterexamples=(
            "he cheated and lied for months",
            "I reported him to HR for harassment",
        ),
    ),
    # --- care: raises the flag, never the score ---------------------------------------
    Rule(
        name="self_harm",
        kind="care",
        pattern=(
            r"\b(?:kill(?:ing)?|hurt(?:ing)?|harm(?:ing)?|cut(?:ting)?) (?:my ?self|myself)\b"
            r"|\bsuicid(?:e|al)\b|\bself[- ]?harm\w*"
            r"|\bend (?:it all|my life|everything)\b|\btake my (?:own )?life\b"
            r"|(?:n't|nt|not) want to (?:be here|live|exist|wake up|be alive|go on)\b"
            r"|\b(?:want|wanted|wish|wished) (?:to|i could|i was|i were) (?:die|dead|disappear)\b"
            r"|\bno (?:reason|point) (?:to|in) (?:live|living|going on)\b"
            r"|\bbetter off (?:dead|without me)\b|\boverdos(?:e|ed|ing)\b"
        ),
        weight=0.0,
        description="Self-harm or suicidal language: show support resources, never hold for it.",
        examples=(
            "I felt like killing myself last night",
            "sometimes I don't want to be here anymore",
            "I just want to end it all",
        ),
        counterexamples=(
            "this breakup is killing me",
            "I want to end things with him",
        ),
    ),
)
