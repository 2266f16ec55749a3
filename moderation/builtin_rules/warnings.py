"""Warnings: genuine posts that quote the scams, so their weight is negative."""

from moderation.rules import Rule

WARNINGS: tuple[Rule, ...] = (
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
)
