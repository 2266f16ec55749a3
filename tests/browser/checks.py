"""Checks every browser journey makes on each page it visits.

``check_page`` runs axe-core (the copy bundled with axe-playwright-python) on the page as
shown, in the colour scheme the page was opened with, then switches the page to the other
scheme (light and dark, ``prefers-color-scheme``) and runs axe-core's colour rules again
there, so every journey checks contrast in both. It also measures horizontal overflow at
the phone width of 390 px. A failure lists each rule broken and the elements that break it.
"""

from axe_playwright_python.sync_playwright import Axe

PHONE = {"width": 390, "height": 844}
# The rules whose outcome depends on colours: everything else axe-core checks (names,
# roles, structure) is the same in both schemes, so the second run is only these.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

_axe = Axe()


def accessibility_violations(page, rules: list[str] | None = None) -> list[str]:
    """One line per axe-core violation on the page: rule id, impact and the elements.
    ``rules`` limits the run to those rules; by default every rule runs."""
    options: dict = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    results = _axe.run(page, options=options)
    lines = []
    for violation in results.response["violations"]:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return lines


def colour_scheme(page) -> str:
    """The scheme the page is shown in now: "dark" or "light"."""
    dark = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    return "dark" if dark else "light"


def in_colour_scheme(page, scheme: str, check):
    """``check(page)`` with the page shown in ``scheme``, then back in the scheme it had."""
    shown = colour_scheme(page)
    page.emulate_media(color_scheme=scheme)
    try:
        return check(page)
    finally:
        page.emulate_media(color_scheme=shown)


def phone_overflow(page) -> int:
    """How many CSS pixels the page is wider than a 390 px phone screen (0 when it fits)."""
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        width = page.evaluate("document.documentElement.scrollWidth")
    finally:
        if size:
            page.set_viewport_size(size)
    return max(0, width - PHONE["width"])


def check_page(page) -> None:
    """No axe-core violation in the scheme shown, no colour violation in the other one,
    and nothing wider than a phone screen."""
    shown = colour_scheme(page)
    other = "light" if shown == "dark" else "dark"
    violations = [f"{shown}: {line}" for line in accessibility_violations(page)]
    violations += [
        f"{other}: {line}"
        for line in in_colour_scheme(
            page, other, lambda p: accessibility_violations(p, COLOUR_RULES)
        )
    ]
    assert violations == [], f"{page.url}: " + "; ".join(violations)
    overflow = phone_overflow(page)
    assert overflow == 0, f"{page.url} is {overflow} px wider than a 390 px screen"
