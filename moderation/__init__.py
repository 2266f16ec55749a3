"""Screening of forum posts: text in, verdict out. No web framework, no database.

>>> from moderation import screen
>>> screen("He cast a spell and my ex came back in 48 hours!").action  # doctest: +SKIP
"""

from moderation.builtin_rules import DEFAULT_RULES
from moderation.classifier import SpamClassifier
from moderation.normalize import Contact, Normalized, normalize
from moderation.rules import Rule
from moderation.screener import Reason, Screener, ScreeningConfig, Verdict, screen

__all__ = [
    "DEFAULT_RULES",
    "Contact",
    "Normalized",
    "Reason",
    "Rule",
    "Screener",
    "ScreeningConfig",
    "SpamClassifier",
    "Verdict",
    "normalize",
    "screen",
]
