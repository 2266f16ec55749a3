"""README: "Every colour is a CSS custom property with a light and a dark value", so a
dark page never shows a colour picked for a light one. Read the stylesheet, templates
and scripts the way a careless change would break it: a colour written straight into a
rule, an SVG attribute or a script, a property used but never defined, or a new property
given a light value only."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STYLESHEET = ROOT / "app" / "static" / "style.css"

COLOUR = re.compile(
    r"#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|"
    r"(?<![-\w])(?:white|black|red|green|blue|yellow|orange|purple|gray|grey|silver)(?![-\w])",
    re.IGNORECASE,
)
# The staff bar is the same dark bar in both schemes: its colours need no second value.
SAME_IN_BOTH = {
    "--staff-ink",
    "--staff-link",
    "--staff-muted",
    "--count-bg",
    "--count-ink",
    "--radius",
}


def _blocks(css: str) -> tuple[str, str, str]:
    """The light :root block, the dark one, and every other rule, comments dropped."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    light = re.search(r"^:root\s*\{(.*?)\}", css, re.MULTILINE | re.DOTALL)
    dark = re.search(
        r"@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{(.*?)\}\s*\}", css, re.DOTALL
    )
    assert light and dark, "the stylesheet lost its light or its dark palette"
    rest = css[: light.start()] + css[light.end() : dark.start()] + css[dark.end() :]
    return light.group(1), dark.group(1), rest


def _defined(block: str) -> dict[str, str]:
    return dict(re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", block))


def test_rules_use_the_palette_and_never_a_colour_of_their_own():
    light, dark, rest = _blocks(STYLESHEET.read_text())
    assert "color-scheme: light dark" in light
    assert COLOUR.findall(rest) == []
    used = set(re.findall(r"var\((--[\w-]+)", rest))
    assert used - set(_defined(light)) == set(), "a rule uses a colour nobody defined"


def test_each_colour_of_the_light_palette_has_a_dark_value():
    light, dark = (_defined(block) for block in _blocks(STYLESHEET.read_text())[:2])
    assert set(dark) <= set(light), "the dark palette defines a colour the light one lacks"
    assert set(light) - set(dark) == SAME_IN_BOTH
    changed = [name for name in dark if dark[name].strip() != light[name].strip()]
    assert sorted(changed) == sorted(dark), "a dark value equal to its light one is noise"


def test_templates_and_scripts_leave_colours_to_the_stylesheet():
    found = {}
    for path in [*ROOT.joinpath("templates").rglob("*.html"), *ROOT.glob("app/static/*.js")]:
        text = path.read_text()
        # SVG presentation attributes, style attributes and script-set styles: the CSP
        # already refuses style attributes, the rest would draw one colour in both schemes.
        hits = re.findall(
            r"\b(?:fill|stroke|color|stop-color)\s*=\s*[\"'](?!none|currentColor)[^\"']+|"
            r"\bstyle\s*=\s*[\"'][^\"']*(?:colou?r|background|fill|stroke)|"
            r"\.style\.(?:color|background\w*|fill|stroke|borderColor)\b",
            text,
        )
        if hits:
            found[str(path.relative_to(ROOT))] = hits
    assert found == {}
