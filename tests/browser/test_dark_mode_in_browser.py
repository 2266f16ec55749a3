"""Dark mode is real: a browser that prefers a dark scheme gets a dark page, with every
kind of text still readable. Colours are read from the page with getComputedStyle and
the WCAG contrast ratio is worked out here, in each scheme; and ``check_page`` itself is
shown to catch a contrast fault that only the scheme the page was not opened in has."""

import pytest
from flask import render_template_string

from app.admin.charts import pr_chart
from app.forum.writing import create_reply, create_thread
from app.poster_identity import Poster
from tests.browser.checks import check_page, colour_scheme

SCHEMES = ("light", "dark")

# Colour of an element's text and of what is really behind it: the nearest backgrounds
# up the tree, semi-transparent ones blended over what lies under them, down to the page.
COLOURS = """
(el, property) => {
  const parse = (text) => {
    const m = text.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const parts = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  // Text sits on its own element's background; an edge or a ring on what is around it.
  const layers = [];
  for (let node = property === "color" ? el : el.parentElement; node; node = node.parentElement) {
    const bg = parse(getComputedStyle(node).backgroundColor);
    if (bg && bg[3] > 0) { layers.push(bg); if (bg[3] === 1) break; }
  }
  let below = [255, 255, 255];
  for (const [r, g, b, a] of layers.reverse()) {
    below = [r * a + below[0] * (1 - a), g * a + below[1] * (1 - a), b * a + below[2] * (1 - a)];
  }
  return {fg: parse(getComputedStyle(el)[property]).slice(0, 3), bg: below};
}
"""


def luminance(rgb) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ratio(page, selector: str, property: str = "color") -> float:
    """Contrast between ``property`` of the first element matching ``selector`` and the
    background it is drawn on."""
    found = page.locator(selector).first.evaluate(COLOURS, property)
    return round(contrast(found["fg"], found["bg"]), 2)


# Text on the reader's pages: (page, selector) pairs, from body text to the small print.
TEXT = {
    "/": [
        "body",
        ".brand",
        ".tagline",
        ".thread-item h2 a",
        ".excerpt",
        ".meta",
        "nav .button",
        ".site-search button",
        ".site-search input",
        ".site-footer a",
    ],
    "/t/1": [".post-body", ".pseudonym", ".badge", ".post-meta", ".report-link", "textarea"],
    "/search?q=canal": ["mark", ".hit .excerpt", ".hint", ".hint code"],
}


# Where the header, the search box, the heading and the threads sit on the front page.
BOXES = """[...document.querySelectorAll('header, .site-search input, h1, .thread-item')]
  .map(e => e.getBoundingClientRect())
  .map(r => [r.x, r.y, r.width, r.height])"""


@pytest.fixture
def forum(app):
    with app.app_context():
        starter = Poster(key="dark-mode-starter-key-abcdef", address_hash="d")
        post, _ = create_thread("Walks by the canal at night", "The canal was our place.", starter)
        create_reply(post.thread, "I walk by the canal too.", Poster("dark-mode-other-key", "e"))


def test_a_dark_browser_gets_a_dark_page_and_every_text_stays_readable(forum, live_server, browser):
    backgrounds, layouts = {}, {}
    for scheme in SCHEMES:
        page = browser.new_context(color_scheme=scheme).new_page()
        page.goto(f"{live_server}/")
        assert colour_scheme(page) == scheme
        assert page.evaluate("getComputedStyle(document.documentElement).colorScheme") == (
            "light dark"
        )
        backgrounds[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
        layouts[scheme] = page.evaluate(BOXES)
        low = {}
        for path, selectors in TEXT.items():
            page.goto(f"{live_server}{path}")
            for selector in selectors:
                measured = ratio(page, selector)
                if measured < 4.5:
                    low[f"{path} {selector}"] = measured
        assert low == {}, f"{scheme}: text below 4.5:1: {low}"

        # A form field's edge and the keyboard's focus ring: 3:1 against the page.
        page.goto(f"{live_server}/t/1")
        assert ratio(page, "textarea", "borderTopColor") >= 3
        page.locator("textarea").focus()
        assert ratio(page, "textarea", "outlineColor") >= 3
        page.context.close()
    assert backgrounds["light"] != backgrounds["dark"], backgrounds
    assert layouts["light"] == layouts["dark"]  # the same page, only its colours change
    # Light stays a light page and dark a dark one, not merely different.
    light, dark = (luminance(_rgb(backgrounds[s])) for s in SCHEMES)
    assert light > 0.8 and dark < 0.05, backgrounds


def _rgb(css: str) -> list[float]:
    return [float(part) for part in css[css.index("(") + 1 : css.index(")")].split(",")[:3]]


def test_the_admin_chart_is_drawn_in_the_schemes_colours(app, live_server, browser):
    """The precision-recall chart's labels and lines take their colours from the
    stylesheet: readable on the chart's own background in both schemes."""
    curves = {"candidate": [[0.2, 1.0], [0.9, 0.8]], "active": [[0.3, 0.9], [1.0, 0.5]]}
    with app.test_request_context():
        html = render_template_string(
            '<!doctype html><html lang="en"><head><title>Chart</title>'
            '<link rel="stylesheet" href="{{ url_for("static", filename="style.css") }}">'
            '</head><body><main>{% from "admin/_charts.html" import pr_curve %}'
            "{{ pr_curve(chart) }}</main></body></html>",
            chart=pr_chart(curves, "Precision-recall"),
        )
    frames = {}
    for scheme in SCHEMES:
        page = browser.new_context(color_scheme=scheme).new_page()
        page.goto(f"{live_server}/")
        page.set_content(html)
        frame = page.locator("svg.chart rect").evaluate("r => getComputedStyle(r).fill")
        frames[scheme] = frame
        for selector, least in (
            ("svg.chart text.chart-tick", 4.5),
            ("svg.chart text.chart-label", 4.5),
            ("svg.chart polyline.candidate", 3),
            ("svg.chart polyline.active", 3),
        ):
            prop = "fill" if selector.startswith("svg.chart text") else "stroke"
            colour = page.locator(selector).first.evaluate(f"e => getComputedStyle(e).{prop}")
            measured = contrast(_rgb(colour), _rgb(frame))
            assert measured >= least, (scheme, selector, colour, frame, measured)
        page.context.close()
    assert frames["light"] != frames["dark"]


# A page that passes axe-core in one scheme and fails contrast only in the other.
ONE_SCHEME_FAULT = """<!doctype html><html lang="en"><head><title>Fault</title><style>
body { background: #fff; color: #222; }
@media (prefers-color-scheme: %s) { p { color: #555; background: #444; } }
</style></head><body><main><h1>A heading</h1><p>Text that one scheme hides.</p></main>
</body></html>"""


@pytest.mark.parametrize("opened, faulty", [("light", "dark"), ("dark", "light")])
def test_check_page_finds_a_fault_of_the_scheme_not_shown(browser, opened, faulty):
    page = browser.new_context(color_scheme=opened).new_page()
    page.set_content(ONE_SCHEME_FAULT % faulty)
    with pytest.raises(AssertionError, match=f"{faulty}: color-contrast"):
        check_page(page)
    assert colour_scheme(page) == opened  # the page is left in its own scheme
    page.set_content(ONE_SCHEME_FAULT % "print")  # the same page without the fault
    check_page(page)
    page.context.close()
