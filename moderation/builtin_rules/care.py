"""Care: self-harm language raises the flag, never the score."""

from moderation.rules import Rule

CARE: tuple[Rule, ...] = (
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
