"""Screen a post: normalise it, run the rules and the classifier, combine into a verdict.

How the score is combined
-------------------------
Rule weights and the classifier are both read as log-odds evidence and added:

    z = bias + sum(weights of the scam/offer/warning rules that fired)
             + min(sum(weights of the contact rules that fired), contact_cap)
             + classifier_weight * logit(p_classifier)
    score = sigmoid(z)

- Adding log-odds is the naive-Bayes way of combining independent pieces of evidence:
  each rule moves the odds by a fixed factor, whatever else fired. A rule counts once
  however often it matches, so a long post is not punished for repeating a word.
- ``bias`` is the prior: most posts are genuine, so a post starts well below the hold
  line and needs positive evidence to cross it.
- Contact rules are capped together: a post with a helpline number, a link and an
  e-mail address is still only "has contact details", never enough alone.
- The classifier's probability is Platt-calibrated, so its log-odds are added as they
  are (``classifier_weight`` 1). With bias -3 the classifier alone holds a post only
  above p = 0.95; below that it needs rule evidence too. A scam with contact details
  and testimonial language is held even if the classifier is unsure. For posts under
  ``full_evidence_words`` words (not counting contact details) the classifier's
  log-odds are scaled down in proportion: a bare link gives it nothing to judge.
- Bias, classifier weight and contact cap were chosen on out-of-fold scores of the
  bundled training corpus (5 folds): the highest recall at zero held genuine posts,
  checked against genuine posts that share helplines and links.
- Care rules (self-harm language) never change the score; they set ``care``.

Actions: ``reject`` when score >= reject_threshold (off by default: nothing is dropped
without a human), ``hold`` when score >= hold_threshold, else ``publish``.

Helplines, personal contacts and warnings
-----------------------------------------
- Contacts of the helpline allow-list (``moderation.helplines``) are no evidence: rule
  matches that consist of them are dropped before scoring, and the classifier does not
  read a placeholder for them.
- A post that is not spam but gives a private person's phone number, e-mail address
  or messenger handle is held for the poster's own safety: ``hold_kind`` "safety", not
  "spam", with the contacts listed in ``personal_contacts`` so the author can be told
  what to remove.
- A post that warns about a scam (a ``warning`` rule fired) and quotes such contacts is
  screened again as readers would see it, with the contacts masked; if that version is
  published, the verdict is ``publish`` with ``masks``: the pieces of the text as
  written that readers see as "[contact removed]".
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

from moderation.builtin_rules import DEFAULT_RULES
from moderation.classifier import SpamClassifier, load_or_train_default, logit
from moderation.helplines import HelplineList, default_helplines
from moderation.masking import apply_masks, find_masks
from moderation.normalize import REDACTION_WORDS, Contact, Normalized, normalize
from moderation.rules import MAX_MATCHES, Rule, RuleEngine, RuleHit

Action = Literal["publish", "hold", "reject"]
ReasonKind = Literal["rule", "classifier"]
HoldKind = Literal["spam", "safety"]
# Contact details that reach a person; a link is not one.
PERSONAL_CONTACT_KINDS = frozenset({"phone", "email", "handle"})
MAX_MASKED_CONTACTS = 10


@dataclass(frozen=True)
class Reason:
    """One piece of evidence behind a verdict, as a moderator will see it.

    For a rule: its name, description, the matched text and its weight. For the
    classifier: its strongest terms for this post and its spam probability.
    """

    kind: ReasonKind
    name: str
    description: str
    matches: list[str] = field(default_factory=list)
    weight: float = 0.0


@dataclass(frozen=True)
class Verdict:
    """What screening decided about a text.

    ``hold_kind`` says why a post is held or rejected: "spam", or "safety" (it gives a
    private person's contact details, listed in ``personal_contacts``); None when it is
    published. ``personal_written`` lists those contacts as the author wrote them
    ("phone:07700 900123"), to show back to them. ``masks`` are pieces of the screened
    text that readers see as
    "[contact removed]" (the contacts a warning quotes, listed in ``masked_contacts``).
    """

    score: float
    action: Action
    reasons: list[Reason] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    care: bool = False
    hold_kind: HoldKind | None = None
    personal_contacts: list[str] = field(default_factory=list)
    masks: list[str] = field(default_factory=list)
    masked_contacts: list[str] = field(default_factory=list)
    personal_written: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, for storing with the post."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Verdict:
        action = data["action"]
        # Verdicts stored before holds had kinds were all about spam.
        hold_kind = data.get("hold_kind") or (None if action == "publish" else "spam")
        return cls(
            score=float(data["score"]),
            action=action,
            reasons=[Reason(**reason) for reason in data.get("reasons", [])],
            contacts=list(data.get("contacts", [])),
            care=bool(data.get("care", False)),
            hold_kind=hold_kind,
            personal_contacts=list(data.get("personal_contacts", [])),
            masks=list(data.get("masks", [])),
            masked_contacts=list(data.get("masked_contacts", [])),
            personal_written=list(data.get("personal_written", [])),
        )

    def held_for_safety(self) -> Verdict:
        """This verdict as a hold for the poster's safety (a warning whose masks cannot
        be shown, say because the contact is in a thread's title)."""
        personal = self.personal_contacts or self.masked_contacts
        written = self.personal_written or _as_written(self.masks, personal)
        return replace(
            self,
            action="hold",
            hold_kind="safety",
            personal_contacts=list(personal),
            personal_written=written,
            masks=[],
            masked_contacts=[],
        )


@dataclass(frozen=True)
class ScreeningConfig:
    # bias and classifier_weight: see "How the score is combined" above.
    hold_threshold: float = 0.5
    reject_threshold: float | None = None  # None (or > 1) switches rejecting off
    bias: float = -3.0
    classifier_weight: float = 1.0
    contact_cap: float = 2.0
    full_evidence_words: int = 6
    # Below this probability the classifier's terms are not worth a moderator's time.
    explain_above: float = 0.5
    explain_terms: int = 5

    def __post_init__(self) -> None:
        if not 0.0 <= self.hold_threshold <= 1.0:
            raise ValueError("hold_threshold must be between 0 and 1")
        if self.reject_threshold is not None and self.reject_threshold < self.hold_threshold:
            raise ValueError("reject_threshold must not be below hold_threshold")


@dataclass(frozen=True)
class ScreeningEvidence:
    """What the rules found in each of a batch of texts, and what the classifier reads
    of each: worked out once, scored by any number of classifiers."""

    hits: list[list[RuleHit]]
    redacted: list[str]


class Screener:
    """Screens posts with a set of rules, a classifier and the helpline allow-list."""

    def __init__(
        self,
        rules: list[Rule] | tuple[Rule, ...] = DEFAULT_RULES,
        classifier: SpamClassifier | None = None,
        config: ScreeningConfig | None = None,
        helplines: HelplineList | None = None,
    ):
        self.engine = RuleEngine(rules)
        self.classifier = classifier
        self.config = config or ScreeningConfig()
        self.helplines = default_helplines() if helplines is None else helplines

    def screen(self, text: str) -> Verdict:
        normalized = normalize(text)
        helplines = {c for c in normalized.contacts if self.helplines.covers(c)}
        personal = [
            contact
            for contact in normalized.contacts
            if contact.kind in PERSONAL_CONTACT_KINDS and contact not in helplines
        ]
        hits = self.engine.evaluate(normalized.text)
        if helplines:
            hits = self._without_helplines(hits, bool(personal))
        verdict = self._verdict(normalized, hits, _redacted_without(normalized, helplines))
        if not personal:
            # A warning that quotes no contact at all gives readers nobody to reach:
            # it is published, as a warning quoting one is once masked. (``_warns`` was
            # only asked about posts with private contacts, so "never contact him" with
            # no number was held as spam.)
            if (
                verdict.action != "publish"
                and set(normalized.contacts) <= helplines
                and not any(hit.rule.kind == "contact" for hit in hits)
                and _warns(hits, hits)
            ):
                return replace(verdict, action="publish", hold_kind=None)
            return verdict
        contacts = [str(contact) for contact in personal]
        # Judge the post as it reads with its private contacts masked: what a warning
        # shows readers, and what a post held for the poster's safety becomes once its
        # author removes them. The classifier reads the same words without the
        # contacts' placeholders.
        # A post of more private contacts than that is no warning quoting a scammer;
        # masking it would cost more than screening does.
        masks = find_masks(text, personal) if len(personal) <= MAX_MASKED_CONTACTS else None
        shown_text = normalize(apply_masks(text, masks)) if masks else None
        if shown_text is not None and not any(
            contact.kind in PERSONAL_CONTACT_KINDS and not self.helplines.covers(contact)
            for contact in shown_text.contacts
        ):
            shown_hits = self.engine.evaluate(shown_text.text)
            if helplines:
                shown_hits = self._without_helplines(shown_hits, False)
            shown = self._verdict(
                normalized, shown_hits, _redacted_without(normalized, helplines | set(personal))
            )
            if shown.action == "publish":
                if _warns(hits, shown_hits):
                    return replace(
                        verdict,
                        score=shown.score,
                        action="publish",
                        hold_kind=None,
                        masks=masks,
                        masked_contacts=contacts,
                    )
                return replace(
                    verdict,
                    action="hold",
                    hold_kind="safety",
                    personal_contacts=contacts,
                    personal_written=_as_written(masks, contacts),
                )
        if verdict.action == "publish":
            return replace(
                verdict,
                action="hold",
                hold_kind="safety",
                personal_contacts=contacts,
                personal_written=_as_written(masks, contacts),
            )
        return replace(verdict, personal_contacts=contacts)

    def _verdict(self, normalized: Normalized, hits: list[RuleHit], redacted: str) -> Verdict:
        """The spam verdict from the rules' hits and the classifier's reading."""
        probability = None
        if self.classifier is not None:
            probability = float(self.classifier.predict_proba([redacted])[0])
            if not 0.0 <= probability <= 1.0:  # NaN too: a broken model, not a verdict
                raise ValueError(f"the classifier gave a probability of {probability}")
        score = combine_score(hits, probability, self.config, content_words(redacted))
        action = self._action(score)
        reasons = [_rule_reason(hit) for hit in hits if hit.rule.kind != "care"]
        if probability is not None:
            reasons.append(self._classifier_reason(redacted, probability))
        return Verdict(
            score=score,
            action=action,
            reasons=reasons,
            contacts=[str(contact) for contact in normalized.contacts],
            care=any(hit.rule.kind == "care" for hit in hits),
            hold_kind=None if action == "publish" else "spam",
        )

    def _without_helplines(self, hits: list[RuleHit], has_personal: bool) -> list[RuleHit]:
        """The rule hits with the matches that are only helplines' contacts left out;
        a rule left with no match did not fire."""
        kept = []
        for hit in hits:
            if hit.rule.weight <= 0:
                kept.append(hit)
                continue
            matches = [match for match in hit.matches if not self._only_helplines(match)]
            # A rule reports at most MAX_MATCHES matches: with more, a private contact
            # may be among those not reported.
            if len(hit.matches) >= MAX_MATCHES and has_personal:
                matches = hit.matches
            if matches:
                kept.append(RuleHit(hit.rule, matches))
        return kept

    def _only_helplines(self, match: str) -> bool:
        contacts = normalize(match).contacts
        return bool(contacts) and all(self.helplines.covers(contact) for contact in contacts)

    def screen_many(self, texts: list[str]) -> list[Verdict]:
        return [self.screen(text) for text in texts]

    def evidence(self, views: list[tuple[str, str]]) -> ScreeningEvidence:
        """What this screener's rules find in each of ``views`` (normalised, redacted:
        what ``normalize.screening_views`` gives), for ``score_many``."""
        return ScreeningEvidence(
            hits=[self.engine.evaluate(text) for text, _ in views],
            redacted=[redacted for _, redacted in views],
        )

    def score_many(self, evidence: ScreeningEvidence) -> list[float]:
        """The score ``screen`` gives each text of ``evidence``, from this screener's
        classifier and configuration and the rule hits the evidence holds.

        Training measures two classifiers on the same held-out texts with the same
        rules: the texts are normalised and the rules run once (``evidence``), and
        each classifier then scores the whole batch."""
        if self.classifier is None:
            probabilities: list[float | None] = [None] * len(evidence.redacted)
        else:
            probabilities = [float(p) for p in self.classifier.predict_proba(evidence.redacted)]
        return [
            combine_score(hits, probability, self.config, content_words(redacted))
            for hits, probability, redacted in zip(
                evidence.hits, probabilities, evidence.redacted, strict=True
            )
        ]

    def _action(self, score: float) -> Action:
        reject = self.config.reject_threshold
        if reject is not None and score >= reject:
            return "reject"
        if score >= self.config.hold_threshold:
            return "hold"
        return "publish"

    def _classifier_reason(self, redacted: str, probability: float) -> Reason:
        terms: list[str] = []
        if probability >= self.config.explain_above and self.classifier is not None:
            explained = self.classifier.explain(redacted, self.config.explain_terms)
            terms = [term for term, _ in explained]
        return Reason(
            kind="classifier",
            name="classifier",
            description="Spam probability from the text classifier, with its strongest terms.",
            matches=terms,
            weight=round(probability, 4),
        )


def combine_score(
    hits: list[RuleHit],
    probability: float | None,
    config: ScreeningConfig,
    words: int | None = None,
) -> float:
    """The screening score in [0, 1]; see the module docstring for the reasoning."""
    contact = sum(hit.rule.weight for hit in hits if hit.rule.kind == "contact")
    other = sum(hit.rule.weight for hit in hits if hit.rule.kind in ("scam", "offer", "warning"))
    z = config.bias + min(contact, config.contact_cap) + other
    if probability is not None:
        # A two-word post gives the classifier almost nothing to go on; its confidence
        # there reflects the corpus' short posts, not this one.
        certainty = 1.0 if words is None else min(1.0, words / config.full_evidence_words)
        z += config.classifier_weight * certainty * logit(probability)
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


_PLACEHOLDERS = frozenset(REDACTION_WORDS.values())


def content_words(redacted: str) -> int:
    """Words of a redacted text, not counting its contact placeholders."""
    # Contact details are the rules' evidence; what the classifier can judge is the
    # wording around them.
    words = redacted.split()
    return len(words) - sum(words.count(placeholder) for placeholder in _PLACEHOLDERS)


def _warns(hits: list[RuleHit], shown_hits: list[RuleHit]) -> bool:
    """Is a post a warning about scams? A warning rule fires on it, and what its masked
    text offers (hacking, loans, readings: what a fake "warning" sells) weighs less than
    its warnings."""
    if not any(hit.rule.kind == "warning" for hit in hits):
        return False
    balance = sum(hit.rule.weight for hit in shown_hits if hit.rule.kind in ("warning", "offer"))
    return balance < 0


def _as_written(pieces: list[str] | None, contacts: list[str]) -> list[str]:
    """The pieces of the text as written that spell ``contacts`` ("kind:piece"), to show
    an author which details to take out in their own spelling; [] when a piece cannot be
    told apart (the canonical contacts are shown then)."""
    if not pieces:
        return []
    wanted = set(contacts)
    written, seen = [], set()
    for piece in dict.fromkeys(pieces):
        spelled = {str(c) for c in normalize(piece).contacts} & wanted
        kinds = {contact.partition(":")[0] for contact in spelled}
        if len(kinds) != 1:
            return []
        seen |= spelled
        written.append(f"{kinds.pop()}:{piece}")
    return written if seen == wanted else []


def _redacted_without(normalized: Normalized, left_out: set[Contact]) -> str:
    """The classifier's view without the placeholder of a kind of contact that is only
    ever one of ``left_out`` here (helplines: sharing one is no sign of spam)."""
    if not left_out:
        return normalized.redacted
    kinds = {contact.kind for contact in normalized.contacts if contact not in left_out}
    dropped = [word for kind, word in REDACTION_WORDS.items() if kind not in kinds]
    if not dropped:
        return normalized.redacted
    return " ".join(re.sub(rf"\b(?:{'|'.join(dropped)})\b", " ", normalized.redacted).split())


def _rule_reason(hit: RuleHit) -> Reason:
    return Reason(
        kind="rule",
        name=hit.rule.name,
        description=hit.rule.description,
        matches=list(hit.matches),
        weight=hit.rule.weight,
    )


@functools.lru_cache(maxsize=1)
def default_screener() -> Screener:
    """The built-in rules and the default classifier, trained on first use (about two
    seconds) and kept in memory only."""
    return Screener(DEFAULT_RULES, load_or_train_default(None), ScreeningConfig())


def screen(text: str) -> Verdict:
    """Screen one post with the default screener."""
    return default_screener().screen(text)


__all__ = [
    "Contact",
    "Reason",
    "ScreeningConfig",
    "Screener",
    "Verdict",
    "default_screener",
    "screen",
]
