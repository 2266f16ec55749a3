"""Turning a post's stored text into safe HTML.

The only module that knows about bleach (deprecated upstream, security fixes only) and
markdown-it-py: we use bleach's lists of top-level domains and of URL schemes to find
links and its sanitiser as the last gate, so swapping either means changing this file
alone. Text is stored as written and is plain text, not HTML, in two renderings:

- ``render_post_text`` (moderators' pages): every character escaped, the only markup
  the ``<a>`` of each link; line breaks are kept by CSS (``white-space: pre-wrap``).
- ``render_post_markup`` (readers' pages, previews): a small Markdown subset (see
  ``MARKDOWN``), bare URLs linked as above, then ``sanitise``'s allow-list.

Links are found by our own finder, not bleach's ``URL_RE``: that pattern is tried at
every opening bracket and every word, and each try can read to the end of the text, so
a post of ten thousand ``(`` took seconds to render. Here every character is read a
bounded number of times, whatever the text looks like.

A link shows where it goes: its text and its target are the URL as typed (a typed
``&amp;`` stays ``&amp;``), without the invisible direction controls that can make
``gnp.exe`` read as ``exe.png`` and without zero-width characters that would cut it
short. Its host is shown as typed only when it is ASCII or
Latin letters with accents (``bücher.de``); any other host (Cyrillic ``раураl.com``,
Armenian ``օօ.com``, Latin ``ɡoogle.com`` with a script g) is shown, and linked, in
its ``xn--`` form, as browsers show it.
"""

import html
import re
import unicodedata
from encodings import idna as idna2003
from types import SimpleNamespace

import bleach
import mdurl
from bleach.html5lib_shim import allowed_protocols
from bleach.linkifier import TLDS
from markdown_it import MarkdownIt
from markdown_it import helpers as markdown_it_helpers
from markdown_it.common.utils import unescapeAll
from markupsafe import Markup

from app.text_memo import text_memo
from moderation.masking import contacts_in
from moderation.screener import PERSONAL_CONTACT_KINDS

# Part of every cached post card's stamp (app/forum/cards.py): change it whenever the
# HTML made from the same text changes, so that no card rendered the old way is served.
RENDERING_VERSION = "markdown-2"
LINK_REL = "nofollow ugc noopener"
ALLOWED_PROTOCOLS = frozenset({"http", "https"})
# Embeddings, overrides, isolates and the left-to-right / right-to-left marks.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
# Characters that show nothing where they stand: the zero-width space, joiner and
# non-joiner, the soft hyphen, the word joiner and invisible operators, the byte-order
# mark, the combining grapheme joiner and the Mongolian vowel separator. Typed inside
# a URL, one would end the link there ("payp\u200bal.com" linking only "al.com").
INVISIBLE_FORMAT = frozenset(
    "\u200b\u200c\u200d\u00ad\u2060\u2061\u2062\u2063\u2064\ufeff\u034f\u180e"
)
# What links are found without, and what a link's text and target never show.
UNSHOWN = BIDI_CONTROLS | INVISIBLE_FORMAT
TOP_LEVEL_DOMAINS = frozenset(TLDS)
SCHEMES = frozenset(allowed_protocols)

# A URL starts at a word that does not follow a letter, an "@" (an e-mail address) or
# a "." (the middle of a name); then come an optional scheme and user, then the whole
# run of dot-separated labels at once: the atomic group never gives characters back, so
# a long run is read once, judged in Python, and the search goes on after it.
CANDIDATE_RE = re.compile(
    rf"(?<![\w@.])(?=\w)"
    rf"(?:(?P<scheme>(?:{'|'.join(sorted(SCHEMES))}):/{{0,3}})(?P<user>(?>(?:\w+:)?\w+@))?)?"
    r"(?P<run>(?>[\w-]+(?:\.[\w-]+)*))",
    re.IGNORECASE,
)
PORT_RE = re.compile(r":[0-9]+(?![\w.])|:[0-9]+(?=\.(?!\w))")
# A path or query runs to the next space or character unsafe in a URL (RFC 3986),
# "#" and "~" allowed as they occur in practice.
PATH_RE = re.compile(r"[/?][^\s{}|\\^`<>\"]*")


def _host_length(run: str) -> int | None:
    """How much of a run of labels is a host name ending in a known top-level domain:
    the longest such name (at least two labels), or None."""
    labels = run.split(".")
    for last in range(len(labels) - 1, 0, -1):
        word = labels[last].split("-", 1)[0]  # a domain ends at a word's end
        if word.lower() not in TOP_LEVEL_DOMAINS:
            continue
        if word == labels[last] and last + 1 < len(labels) and labels[last + 1][0] != "-":
            continue  # "example.com.au" must not stop at ".com"
        return sum(len(label) + 1 for label in labels[:last]) + len(word)
    return None


def find_urls(text: str):
    """(start, end, scheme, user, host, rest) of each URL in the text, in order; the
    end includes any sentence punctuation, which the caller splits off."""
    position = 0
    while match := CANDIDATE_RE.search(text, position):
        position = match.end()
        length = _host_length(match["run"])
        if length is None:
            # "http://https://example.com": the run after a scheme may be a scheme
            # itself, so it is read once more, as a start.
            # So may its last word after a hyphen: "x-mailto:a@example.com".
            position = match.start("run") if match["scheme"] else position
            hyphen = match["run"].rfind("-")
            scheme = match["run"][hyphen + 1 :]
            if hyphen >= 0 and scheme.lower() in SCHEMES and text.startswith(":", match.end()):
                position = match.start("run") + hyphen + 1
            continue
        host_end = match.start("run") + length
        end = host_end
        if host_end == match.end():
            port = PORT_RE.match(text, end)
            end = port.end() if port else end
            path = PATH_RE.match(text, end)
            end = path.end() if path else end
        position = end
        host = text[match.start("run") : host_end]
        yield (
            match.start(),
            end,
            match["scheme"] or "",
            match["user"] or "",
            host,
            text[host_end:end],
        )


def _sentence_punctuation(url: str) -> int:
    """How many characters at the end of a URL belong to the sentence: a full stop or
    comma, or a closing bracket the URL did not open."""
    opened, closed = url.count("("), url.count(")")
    cut = len(url)
    while cut and (url[cut - 1] in ".," or (url[cut - 1] == ")" and opened < closed)):
        closed -= url[cut - 1] == ")"
        cut -= 1
    return len(url) - cut


def _reads_as_typed(char: str) -> bool:
    """A Latin letter with accents: an ASCII letter and combining marks (é, ü, ñ)."""
    parts = unicodedata.normalize("NFKD", char)
    return (
        len(parts) > 1
        and parts[0].isascii()
        and parts[0].isalpha()
        and all(unicodedata.category(mark) == "Mn" for mark in parts[1:])
        and unicodedata.name(char, "").startswith("LATIN ")
    )


def honest_host(host: str) -> str | None:
    """The host as typed if every reader reads it the same way, else its IDNA (xn--)
    form; None when it has none (a label too long, a forbidden character)."""
    if all(char.isascii() or _reads_as_typed(char) for char in host.casefold()):
        return host
    try:
        return ".".join(
            label if label.isascii() else idna2003.ToASCII(label).decode("ascii")
            for label in host.split(".")
        )
    except UnicodeError:
        return None


def _link(scheme: str, user: str, host: str, rest: str) -> str:
    """The <a> for a URL as typed (direction controls already gone), or the URL as
    plain text when it is not an http(s) link or its host cannot be written in ASCII."""
    shown_host = honest_host(host)
    if (scheme and scheme.split(":")[0].lower() not in ALLOWED_PROTOCOLS) or not shown_host:
        return html.escape(scheme + user + host + rest, quote=False)
    shown = scheme + user + shown_host + rest
    href = shown if scheme else "http://" + shown
    return (
        f'<a href="{html.escape(href)}" rel="{LINK_REL}" target="_blank">'
        f"{html.escape(shown, quote=False)}</a>"
    )


def _linkified(text: str) -> str:
    """Escaped text with its URLs made into nofollow links."""
    # URLs are found in the text without direction controls and invisible characters,
    # so one typed inside a URL cannot cut it short; ``where[i]`` is the place of
    # plain[i] in the text.
    where = [i for i, char in enumerate(text) if char not in UNSHOWN]
    plain = "".join(text[i] for i in where)
    parts, done = [], 0
    for start, end, scheme, user, host, rest in find_urls(plain):
        # A host ends in a letter and a port in a digit: the punctuation is in the rest.
        cut = _sentence_punctuation(rest)
        rest = rest[: len(rest) - cut]
        parts += [
            html.escape(text[done : where[start]], quote=False),
            _link(scheme, user, host, rest),
        ]
        done = where[end - cut - 1] + 1
    parts.append(html.escape(text[done:], quote=False))
    return "".join(parts)


# Forgotten after five minutes, or at once by the worker deleting the post.
@text_memo(max_size=2048, max_age=300)
def render_post_text(text: str) -> Markup:
    """Escaped text with its URLs made into nofollow links: a post as moderators read
    it, every character as typed."""
    # The result depends on the text alone, so the posts of popular pages are rendered
    # once per worker.
    return Markup(_linkified(text))


# Formatting: a small Markdown subset. markdown-it-py's "zero" preset parses paragraphs
# alone; on top of it only line breaks, emphasis, quotes, lists and inline links. Not
# enabled, so typed as text: raw HTML, images, headings, code, rules, tables, autolinks
# (``<https://…>``), reference links, and, on purpose, backslash escapes and character
# references (``&#64;``): every character a reader sees is one the author typed and
# screening read, so ``jo&#64;example.com`` can never turn into an address on the page.
MARKDOWN = MarkdownIt("zero", {"html": False, "breaks": True, "linkify": False}).enable(
    ["blockquote", "list", "emphasis", "link", "newline"]
)
# Quotes in quotes, lists in lists: the library stops at its nesting limit (20 levels of
# tags) and leaves out what is deeper, so a post reaching this depth is shown as typed.
# A quote is one level, a list two (list and item), and a paragraph two more: 16 quotes,
# 8 lists or 5 quoted lists ("> - " five times) are formatted (README). The limit is not
# raised: a run of "[" costs time in proportion to it.
MAX_DEPTH = MARKDOWN.options["maxNesting"] - 2
# What the sanitiser lets through, whatever the Markdown library produced.
ALLOWED_TAGS = frozenset({"p", "br", "em", "strong", "blockquote", "ul", "ol", "li", "a"})
ALLOWED_ATTRIBUTES = {"a": ["href", "rel", "target"], "ol": ["start"]}
BLOCK_END = re.compile(r"<br>|</p>|</li>|</blockquote>")
TAG = re.compile(r"<[^>]*>")
# A link to a post on this forum, as a quote makes: the only link without a host.
# Its target is shown after words that read as an address ("paypal.com (/p/1)").
SAME_SITE_LINK = re.compile(r"/p/[0-9]{1,18}")
LINK_TARGET = re.compile(r"(?i)(https?)://([^/?#\\]*)(.*)", re.DOTALL)
ASCII_HOST = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def _without_unshown(text: str) -> str:
    return "".join(char for char in text if char not in UNSHOWN)


def _link_target(url: str) -> str:
    """The href of a Markdown link: an http(s) URL with its host in ASCII (non-ASCII
    labels in their xn-- form) and unsafe characters percent-encoded, or a link to a
    post here; "" for anything else (another scheme, a user name before the host, a
    host that has no ASCII form), which leaves the Markdown as typed text."""
    url = _without_unshown(url).strip()
    if SAME_SITE_LINK.fullmatch(url):
        return url
    match = LINK_TARGET.fullmatch(url)
    if not match:
        return ""
    scheme, authority, rest = match.groups()
    host, _, port = authority.partition(":")
    if "@" in authority or (port and not port.isdigit()):
        return ""
    try:
        host = ".".join(
            label if label.isascii() else idna2003.ToASCII(label).decode("ascii")
            for label in host.split(".")
        )
    except UnicodeError:
        return ""
    if not ASCII_HOST.fullmatch(host):
        return ""
    return f"{scheme.lower()}://{host}{':' + port if port else ''}{mdurl.encode(rest)}"


def _shown_host(href: str) -> str:
    """The host of a link's target as a reader is shown it: as ``honest_host`` shows the
    host of a bare URL (accented Latin as written, any other script in xn-- form), with
    its port when it has one ("127.0.0.1:5200")."""
    host, colon, port = LINK_TARGET.fullmatch(href).group(2).partition(":")
    try:
        written = ".".join(idna2003.ToUnicode(label) for label in host.split("."))
    except UnicodeError:
        written = host
    return (honest_host(written) or host) + colon + port


def _destination_as_typed(src: str, pos: int, maximum: int):
    """markdown-it's reading of a link's target, for targets linked exactly as typed.

    The library decodes character references and backslash escapes in a target
    (``https&#58;//evil&#46;example/`` would link to ``https://evil.example/``), which
    the reader never sees typed and screening never read; and ``<…>`` may hold spaces.
    Such a target is no target: the link is not made, and the whole construct is shown
    as typed. (Wrapping the reading itself costs nothing more per ``[``.)"""
    found = markdown_it_helpers.parseLinkDestination(src, pos, maximum)
    typed = src[pos : found.pos]
    if found.ok and (typed.startswith("<") or unescapeAll(typed) != typed):
        found.ok = False
    return found


MARKDOWN.helpers = SimpleNamespace(
    parseLinkLabel=markdown_it_helpers.parseLinkLabel,
    parseLinkTitle=markdown_it_helpers.parseLinkTitle,
    parseLinkDestination=_destination_as_typed,
)


MARKDOWN.normalizeLink = _link_target
MARKDOWN.validateLink = bool


def _render_text(renderer, tokens, index, options, env) -> str:
    # Inside a link the text is only escaped: a URL there must not become a second link.
    if env.get("in_link"):
        return html.escape(_without_unshown(tokens[index].content), quote=False)
    return _linkified(tokens[index].content)


def _render_link_open(renderer, tokens, index, options, env) -> str:
    """A link shows where it goes: its text, then the real host in brackets unless the
    text already is the target ("my story (evil.example)"). Direction controls inside
    the text are dropped so that they cannot turn the host around."""
    env["in_link"] = True
    href = tokens[index].attrs["href"]
    text = []
    for token in tokens[index + 1 :]:
        if token.type == "link_close":
            break
        text.append(token.content)
    shown = _without_unshown("".join(text)).strip().casefold()
    suffix = ""
    if SAME_SITE_LINK.fullmatch(href):
        # Words that read as an address elsewhere get the post's address after them.
        if next(find_urls(shown), None):
            suffix = f" ({href})"
    else:
        host = _shown_host(href)
        address = href.split("://", 1)[1].casefold()
        if shown not in {href.casefold(), address, address.rstrip("/"), host.casefold()}:
            suffix = f" ({host})"
    env["link_suffix"] = suffix
    # A post here opens in the same tab, as every other link of the forum does.
    target = "" if SAME_SITE_LINK.fullmatch(href) else ' target="_blank"'
    return f'<a href="{html.escape(href)}" rel="{LINK_REL}"{target}>'


def _render_link_close(renderer, tokens, index, options, env) -> str:
    env["in_link"] = False
    return html.escape(env.pop("link_suffix", ""), quote=False) + "</a>"


MARKDOWN.add_render_rule("text", _render_text)
MARKDOWN.add_render_rule("link_open", _render_link_open)
MARKDOWN.add_render_rule("link_close", _render_link_close)


def sanitise(markup: str) -> str:
    """Only the allowed tags and attributes, and links only to http(s) or this site."""
    return bleach.clean(
        markup,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )


def _as_typed(text: str) -> str:
    """The text as typed, in one paragraph: what a post shows when its formatting
    cannot be trusted to show only what screening read."""
    return sanitise(f"<p>{_linkified(text).replace(chr(10), '<br>' + chr(10))}</p>")


def visible_text(markup: str) -> str:
    """What a reader reads of sanitised HTML: the text without tags, a line per block."""
    lines = BLOCK_END.sub("\n", markup)
    return html.unescape(TAG.sub("", lines))


def _personal_contacts(text: str) -> set[str]:
    return {str(c) for c in contacts_in(text) if c.kind in PERSONAL_CONTACT_KINDS}


# Forgotten after five minutes, or at once by the worker deleting the post.
@text_memo(max_size=2048, max_age=300)
def render_post_markup(text: str) -> Markup:
    """A post as readers see it: its Markdown subset as HTML, through the sanitiser.

    Screening reads the text as typed (emphasis markers between a contact's pieces as
    nothing, a number over list items as one). Formatting that would still show a
    reader a contact (a phone number, an address, a handle) the typed text does not show,
    such as "07700", a blank line and "100) 900 456" (a numbered item under the number),
    is not applied: the post is shown as typed, as screening read it."""
    env: dict = {}
    tokens = MARKDOWN.parse(text, env)
    if any(token.level >= MAX_DEPTH for token in tokens):
        # Past its nesting limit the library drops the rest of the text; a post nested
        # that deep (quotes in quotes, lists in lists) is shown as typed instead.
        return Markup(_as_typed(text))
    markup = sanitise(MARKDOWN.renderer.render(tokens, MARKDOWN.options, env))
    # Each list item read as the line "- item" it looks like: a number continued over
    # items ("07700", "900 456") is read as one, as screening reads a typed list.
    shown = visible_text(markup.replace("<li>", "<li>- "))
    if _personal_contacts(shown) - _personal_contacts(text):
        return Markup(_as_typed(text))
    return Markup(markup)


def forget_rendered(*texts: str | None) -> None:
    """Drop these texts from this worker's memos of rendered text (a deleted post's)."""
    render_post_text.forget(*texts)
    render_post_markup.forget(*texts)


# A preview is rendered afresh each time: text never posted is kept in no memo.
render_preview = render_post_markup.function
