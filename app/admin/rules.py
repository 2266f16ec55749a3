"""Admins' screening rules: the built-ins as edited, tried on recent posts before saving."""

from dataclasses import dataclass

from app.admin.settings import AdminError, bump_revision, locked_settings
from app.audit import log_admin_event
from app.live_screener import effective_rules, refresh_screener
from app.templating import show_invisible
from models import AdminEvent, Post, ScreeningRule, StaffUser, db, utcnow
from moderation.rule_check import try_rule
from moderation.rules import DEFAULT_RULES, Rule

RULE_SAMPLE_POSTS = 300


@dataclass
class RuleRow:
    rule: Rule
    origin: str  # "built-in", "edited" (a built-in changed by an admin) or "added"
    updated_by: str | None


def rule_rows() -> list[RuleRow]:
    rows = {row.name: row for row in db.session.execute(db.select(ScreeningRule)).scalars()}
    builtin = {rule.name for rule in DEFAULT_RULES}
    result = []
    for rule in effective_rules(db.session):
        row = rows.get(rule.name)
        origin = "built-in" if row is None else ("edited" if rule.name in builtin else "added")
        result.append(RuleRow(rule, origin, row.updated_by if row else None))
    return result


def find_rule(name: str) -> Rule | None:
    return next((r for r in effective_rules(db.session) if r.name == name), None)


def sample_posts(limit: int = RULE_SAMPLE_POSTS) -> list[Post]:
    return list(db.session.execute(db.select(Post).order_by(Post.id.desc()).limit(limit)).scalars())


@dataclass
class RuleTryout:
    """What a rule fires on among the recent posts."""

    posts: list[tuple[Post, list[str]]]  # each post it fires on, with what it matched
    sampled: int  # how many recent posts it was tried on


def try_rule_on_recent_posts(rule: Rule) -> RuleTryout:
    """The recent posts ``rule`` fires on, with what it matched. ValueError (with a
    message for the admin) for a pattern that cannot run or fires on every post."""
    posts = sample_posts()
    trial = try_rule(rule, [p.body for p in posts])
    return RuleTryout([(posts[index], matches) for index, matches in trial.matches], len(posts))


def save_rule(staff: StaffUser, rule: Rule, original_name: str | None = None) -> RuleTryout:
    """Add or change a rule after trying it on the recent posts; refuses a pattern that
    cannot run or fires on every post. Returns what it fires on."""
    tryout = try_rule_on_recent_posts(rule)  # raises ValueError with the reason
    existing = {r.name for r in effective_rules(db.session)}
    if rule.name != original_name and rule.name in existing:
        raise AdminError(f"There is already a rule named {rule.name!r}.")
    if original_name is not None and original_name != rule.name:
        if original_name in {r.name for r in DEFAULT_RULES}:
            raise AdminError("A built-in rule keeps its name; disable it and add a new one.")
        row = _rule_row(original_name)
    else:
        row = _rule_row(rule.name)
    if row is None:
        row = ScreeningRule(name=rule.name)
        db.session.add(row)
    row.name, row.kind, row.pattern = rule.name, rule.kind, rule.pattern
    row.weight, row.description, row.enabled = rule.weight, rule.description, rule.enabled
    row.updated_at, row.updated_by = utcnow(), staff.username
    bump_revision(locked_settings())
    what = "Changed" if original_name else "Added"
    log_admin_event(
        staff,
        AdminEvent.RULE,
        f"{what} rule {rule.name!r} ({rule.kind}, weight {rule.weight:g}, "
        f"{'enabled' if rule.enabled else 'disabled'}): {show_invisible(rule.pattern)}",
    )
    db.session.commit()
    refresh_screener()
    return tryout


def set_rule_enabled(staff: StaffUser, name: str, enabled: bool) -> None:
    rule = find_rule(name)
    if rule is None:
        raise LookupError(name)
    row = _rule_row(name)
    if row is None:
        row = ScreeningRule(
            name=rule.name,
            kind=rule.kind,
            pattern=rule.pattern,
            weight=rule.weight,
            description=rule.description,
        )
        db.session.add(row)
    row.enabled, row.updated_at, row.updated_by = enabled, utcnow(), staff.username
    bump_revision(locked_settings())
    log_admin_event(
        staff, AdminEvent.RULE, f"{'Enabled' if enabled else 'Disabled'} rule {name!r}."
    )
    db.session.commit()
    refresh_screener()


def _rule_row(name: str) -> ScreeningRule | None:
    return db.session.execute(db.select(ScreeningRule).where(ScreeningRule.name == name)).scalar()
