"""Markdown-specific XSS payloads: every way a link, an image, a reference or raw HTML
could carry a script past a Markdown renderer, for tests/test_rendering.py and the
browser check in test_xss_in_browser.py. Each script sets ``window.__md`` and calls
``alert``, so running is seen either way."""

from itertools import product

SCRIPT = "window.__md=1;alert(1)"
# Spellings of a script URL: cases, character references, escapes, control characters,
# whitespace before the scheme, and data: and vbscript: URLs.
TARGETS = [
    f"javascript:{SCRIPT}",
    f"JaVaScRiPt:{SCRIPT}",
    f"&#106;avascript:{SCRIPT}",
    f"&#x6A;avascript&#58;{SCRIPT}",
    f"java&#09;script:{SCRIPT}",
    f"java\\script:{SCRIPT}",
    f"javascript&colon;{SCRIPT}",
    f" javascript:{SCRIPT}",
    f"\x01javascript:{SCRIPT}",
    f"jav%61script:{SCRIPT}",
    f"vbscript:msgbox({SCRIPT})",
    "data:text/html,<script>window.__md=1;alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19tZD0xO2FsZXJ0KDEpPC9zY3JpcHQ+",
    "DATA:image/svg+xml,<svg onload=alert(1)>",
]
# Every Markdown (and HTML-in-Markdown) shape a target can sit in.
SHAPES = [
    "[click]({t})",
    "[click](<{t}>)",
    '[click]({t} "title")',
    "[click][ref]\n\n[ref]: {t}",
    "[click]\n\n[click]: {t}",
    "<{t}>",
    "![img]({t})",
    "[![img]({t})]({t})",
    "[[nested]({t})]({t})",
    "[a [b [c]({t})]]({t})",
    "*[emphasised]({t})*",
    "> [quoted]({t})",
    "- [listed]({t})",
    '<a href="{t}">raw</a>',
    '<img src=x onerror="{t}">',
    '[x](https://example.com/"onmouseover="{t})',
    '[x](https://example.com "onmouseover={t}")',
]
EXTRA = [
    "<div onmouseover=alert(1)>\n\n*html block*\n\n</div>",
    "<script>window.__md=1;alert(1)</script>",
    "<details open ontoggle=alert(1)>",
    "<style>@import 'javascript:alert(1)';</style>",
    "```\n<script>alert(1)</script>\n```",
    "`<img src=x onerror=alert(1)>`",
    "<!-- --><img src=x onerror=alert(1)>",
    "[x](https://example.com)<img src=x onerror=alert(1)>",
    "**<svg/onload=alert(1)>**",
    "_<iframe src=javascript:alert(1)>_",
    "[" * 50 + "x" + "](javascript:alert(1))" * 50,
]
MARKDOWN_PAYLOADS = [shape.format(t=target) for shape, target in product(SHAPES, TARGETS)] + EXTRA
