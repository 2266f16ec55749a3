"""The built-in screening rules, one module per family, as data.

Admins edit, disable or add rules in the admin pages; these are the defaults. Their
order is the order ``DEFAULT_RULES`` has always had (contacts first), which is the
order rule lists and trials show them in.
"""

from moderation.builtin_rules.care import CARE
from moderation.builtin_rules.contacts import CONTACTS
from moderation.builtin_rules.families import FAMILIES
from moderation.builtin_rules.link_spam import LINK_SPAM
from moderation.builtin_rules.offers import OFFERS
from moderation.builtin_rules.testimonials import TESTIMONIALS
from moderation.builtin_rules.warnings import WARNINGS
from moderation.rules import Rule

DEFAULT_RULES: tuple[Rule, ...] = (
    CONTACTS + TESTIMONIALS + OFFERS + LINK_SPAM + FAMILIES + WARNINGS + CARE
)

__all__ = ["DEFAULT_RULES"]
