"""Turning a post's stored text into safe HTML.

The only module that knows about bleach (deprecated upstream, security fixes only): we
use its URL pattern (with its list of top-level domains) to find links, so swapping it
means changing this file alone. Text is stored as written and is plain text, not HTML:
every character is escaped here, and the only markup added is the ``<a>`` of each link.
Line breaks are kept by CSS (``white-space: pre-wrap``), so no markup is added for them.

A link shows where it goes: its text and its target are the URL as typed (a typed
``&amp;`` stays ``&amp;``), without the invisible direction controls that can make
``gnp.exe`` read as ``exe.png``, and with a host that mixes scripts or imitates Latin
letters (``раураl.com`` in Cyrillic) shown in its ``xn--`` form, as browsers show it.
"""

import html
import re
import unicodedata

from bleach.linkifier import PROTO_RE, URL_RE
from markupsafe import Markup

from app.text_memo import text_memo

LINK_REL = "nofollow ugc noopener"
ALLOWED_PROTOCOLS = frozenset({"http", "https"})
# Embeddings, overrides, isolates and the left-to-right / right-to-left marks.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
# Cyrillic and Greek letters that pass for Latin ones in a URL bar.
LATIN_LOOKALIKES = frozenset(
    "\u0430\u0432\u0435\u0456\u0458\u043a\u043c\u043d\u043e\u0440\u0441\u0442\u0443\u0445"
    "\u0455\u04bb\u04cf\u0501\u051b\u051d"  # а в е і ј к м н о р с т у х ѕ һ ӏ ԁ ԛ ԝ
    "\u03b1\u03b5\u03b9\u03ba\u03bd\u03bf\u03c1\u03c4\u03c5\u03c7"  # α ε ι κ ν ο ρ τ υ χ
)
# Scripts that are written together: Japanese mixes these, Korean mixes Hangul and Han.
SCRIPT_FAMILIES = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "CJK": "CJK", "HANGUL": "CJK"}
# scheme, user@, host, the rest (port, path, query)
HOST_RE = re.compile(r"^([a-z][\w+.-]*:/{0,3})?([^/?#@]*@)?([^/?#:]*)(.*)$", re.I | re.DOTALL)


def _script(char: str) -> str | None:
    """The script of a letter, from its Unicode name ("CYRILLIC SMALL LETTER A")."""
    if not char.isalpha():
        return None  # digits and hyphens belong to every script
    script = unicodedata.name(char, "UNKNOWN").split()[0]
    return SCRIPT_FAMILIES.get(script, script)


def _misleading(label: str) -> bool:
    """Whether a host label should be shown in its xn-- form: letters of more than one
    script, or nothing but letters that imitate Latin ones."""
    if label.isascii():
        return False
    scripts = {_script(char) for char in label} - {None}
    letters = [char for char in label if char.isalpha()]
    return len(scripts) > 1 or all(char in LATIN_LOOKALIKES for char in letters)


def _honest_host(host: str) -> str:
    labels = host.split(".")
    if not any(_misleading(label) for label in labels):
        return host
    return ".".join(
        label if label.isascii() else "xn--" + label.lower().encode("punycode").decode()
        for label in labels
    )


def _split_off_punctuation(url: str) -> tuple[str, str, str]:
    """(before, url, after): brackets around the URL and a full stop or comma after it
    belong to the sentence, unless the URL opened a bracket it closes."""
    before = url[: len(url) - len(url.lstrip("("))]
    url = url[len(before) :]
    after = ""
    while url and (url[-1] in ".," or (url[-1] == ")" and url.count("(") < url.count(")"))):
        url, after = url[:-1], url[-1] + after
    return before, url, after


def _link(url: str) -> str:
    """The <a> for a URL as typed (direction controls already gone), or the URL as
    plain text when it is not an http(s) link."""
    scheme = PROTO_RE.match(url)
    if scheme and scheme.group(0).split(":")[0].lower() not in ALLOWED_PROTOCOLS:
        return html.escape(url, quote=False)
    scheme_part, user, host, rest = HOST_RE.match(url).groups()
    shown = (scheme_part or "") + (user or "") + _honest_host(host) + rest
    href = shown if scheme else "http://" + shown
    return (
        f'<a href="{html.escape(href)}" rel="{LINK_REL}" target="_blank">'
        f"{html.escape(shown, quote=False)}</a>"
    )


# Forgotten after five minutes, or at once by the worker deleting the post.
@text_memo(max_size=2048, max_age=300)
def render_post_text(text: str) -> Markup:
    """Escaped text with its URLs made into nofollow links."""
    # URLs are found in the text without direction controls, so a control typed inside
    # one cannot cut it short; ``where[i]`` is the place of plain[i] in the text.
    where = [i for i, char in enumerate(text) if char not in BIDI_CONTROLS]
    plain = "".join(text[i] for i in where)
    parts, done = [], 0
    for match in URL_RE.finditer(plain):
        before, url, after = _split_off_punctuation(match.group(0))
        start = where[match.start() + len(before)]
        end = where[match.end() - len(after) - 1] + 1
        parts += [html.escape(text[done:start], quote=False), _link(url)]
        done = end
    parts.append(html.escape(text[done:], quote=False))
    # The result depends on the text alone, so the posts of popular pages are rendered
    # once per worker.
    return Markup("".join(parts))
