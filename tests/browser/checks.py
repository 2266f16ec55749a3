"""Checks every browser journey makes on each page it visits.

``check_page`` runs axe-core (the copy bundled with axe-playwright-python) on the page as
shown, in the colour scheme the page was opened with, and measures horizontal overflow at
the phone width of 390 px. A failure lists each rule broken and the elements that break it.
"""

from axe_playwright_python.sync_playwright import Axe

PHONE = {"width": 390, "height": 844}

_axe = Axe()


def accessibility_violations(page) -> list[str]:
    """One line per axe-core violation on the page: rule id, impact and the elements."""
    results = _axe.run(page)
    lines = []
    for violation in results.response["violations"]:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return lines


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
    """No axe-core violation, and nothing wider than a phone screen."""
    violations = accessibility_violations(page)
    assert violations == [], f"{page.url}: " + "; ".join(violations)
    overflow = phone_overflow(page)
    assert overflow == 0, f"{page.url} is {overflow} px wider than a 390 px screen"
