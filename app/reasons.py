"""The short canned lists people choose from: why a reader reports a post, and why a
moderator did not publish one (shown to its author with the moderator's note)."""

REPORT_REASONS = {
    "spam": "Spam or a scam",
    "abuse": "Unkind, harassing or hateful",
    "personal": "Shares someone's personal details",
    "risk": "Someone may be at risk",
    "other": "Something else",
}

DECISION_REASONS = {
    "spam": "It looked like spam or a scam (contact details, paid services, spell casters).",
    "abuse": "It was unkind or hurtful to someone.",
    "personal": "It shared someone's personal details.",
    "off_topic": "It was not about getting through a break-up.",
    "other": "Another reason; see the moderator's note.",
}
