"""The Markdown subset a post is shown in (app/rendering.py): what it formats, what it
leaves as typed, and that whatever goes in, only the allow-listed tags and attributes
come out, with links only to http(s) addresses or to a post here."""

import gc
import time
from html.parser import HTMLParser

import pytest

from app.rendering import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    LINK_REL,
    render_post_markup,
    render_post_text,
    render_preview,
    visible_text,
)
from moderation.normalize import normalize
from tests.hostile.markdown_payloads import MARKDOWN_PAYLOADS
from tests.hostile.test_xss_in_browser import PAYLOAD_DIR, payloads


def render(text: str) -> str:
    return str(render_preview(text))


class _Elements(HTMLParser):
    """Every start tag with its attributes, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(markup: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(markup)
    return parser.elements


def links(markup: str) -> list[tuple[str, str]]:
    """(href, text) of each link."""
    found = []

    class _Links(HTMLParser):
        inside = False

        def handle_starttag(self, tag, attrs):
            if tag == "a":
                found.append([dict(attrs)["href"], ""])
                self.inside = True

        def handle_data(self, data):
            if self.inside:
                found[-1][1] += data

        def handle_endtag(self, tag):
            self.inside = self.inside and tag != "a"

    _Links(convert_charrefs=True).feed(markup)
    return [tuple(pair) for pair in found]


def test_the_subset_is_formatted():
    html = render(
        "First *soft* and **strong** words\nsame paragraph\n\nSecond paragraph\n\n"
        "> what she said\n> all of it\n\n- one\n- two\n\n1. first\n2. second"
    )
    first = "<p>First <em>soft</em> and <strong>strong</strong> words<br>\nsame paragraph</p>"
    assert first in html
    assert "<p>Second paragraph</p>" in html
    assert "<blockquote>\n<p>what she said<br>\nall of it</p>\n</blockquote>" in html
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html
    assert "<ol>\n<li>first</li>\n<li>second</li>\n</ol>" in html


@pytest.mark.parametrize(
    "typed",
    [
        "# not a heading",
        "Title\n=====",
        "---",
        "    indented, not code",
        "`not code`",
        "```\nnot a fence\n```",
        "<b>not bold</b> <script>alert(1)</script>",
        "<https://example.com/not-an-autolink>",
        "jo&#64;example&#46;com &amp; &lt;",
        "[not a link][1]\n\n[1]: https://example.com/",
    ],
)
def test_everything_else_is_shown_as_typed(typed):
    """Only the subset is markup; the rest reads as the author typed it, character
    references and backslashes included, so nothing turns into a character nobody typed."""
    html = render(typed)
    assert {tag for tag, _ in elements(html)} <= {"p", "br", "a"}
    assert " ".join(visible_text(html).split()) == " ".join(typed.split())


def test_an_image_is_only_a_link_to_it():
    html = render("![a photo](https://example.com/a.png)")
    assert "<img" not in html
    assert links(html) == [("https://example.com/a.png", "a photo (example.com)")]


def test_a_backslash_stays_where_it_was_typed():
    shown = visible_text(render("C:\\Users and jo\\@example\\.com"))
    assert shown.strip() == "C:\\Users and jo\\@example\\.com"


def test_character_references_are_never_decoded():
    html = render("write to jo&#64;example&#46;com or &#x6A;o")
    assert "jo@example.com" not in visible_text(html)
    assert "jo&#64;example&#46;com" in visible_text(html)


def test_a_link_shows_its_real_host_after_its_words():
    assert links(render("[my story](https://evil.example/x)")) == [
        ("https://evil.example/x", "my story (evil.example)")
    ]
    assert links(render("[paypal.com](https://раураl.com/login)")) == [
        ("https://xn--l-7sba6dbr.com/login", "paypal.com (xn--l-7sba6dbr.com)")
    ]
    # Accented Latin reads the same for everyone: shown as written, linked in ASCII.
    assert links(render("[shop](https://bücher.de/liebe)")) == [
        ("https://xn--bcher-kva.de/liebe", "shop (bücher.de)")
    ]
    # Words that already are the address need no host after them.
    assert links(render("[https://example.org/a](https://example.org/a)")) == [
        ("https://example.org/a", "https://example.org/a")
    ]
    assert links(render("[example.org](https://example.org/)")) == [
        ("https://example.org/", "example.org")
    ]


def test_direction_controls_cannot_turn_a_link_around():
    html = render("[\u202egnp.exe](https://files.example.com/\u202ex)")
    assert links(html) == [("https://files.example.com/x", "gnp.exe (files.example.com)")]


def test_links_have_the_forum_rel_and_only_post_links_stay_relative():
    [(tag, attrs)] = [e for e in elements(render("[a](https://example.org/)")) if e[0] == "a"]
    assert attrs == {"href": "https://example.org/", "rel": LINK_REL, "target": "_blank"}
    [(tag, attrs)] = [e for e in elements(render("[Gentle Heron](/p/12) wrote:")) if e[0] == "a"]
    assert attrs == {"href": "/p/12", "rel": LINK_REL}
    for other in ("/admin", "//evil.example/x", "p/12", "/p/12/edit", "#top"):
        assert "<a" not in render(f"[x]({other})"), other


@pytest.mark.parametrize(
    "typed",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](java\tscript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](data:text/html,<script>alert(1)</script>)",
        "[x](vbscript:msgbox(1))",
        "[x](mailto:jo@example.com)",
        "[x](tel:+441234567890)",
        "[x](https://paypal.com@evil.example/)",
        "[x](http://[::1]/)",
        "[x](https://exa_mple.com/)",
    ],
)
def test_only_http_links_to_a_host_become_links(typed):
    html = render(typed)
    assert all(href.startswith(("https://", "http://")) for href, _ in links(html))
    assert not [href for href, _ in links(html) if "javascript" in href.lower()]
    assert "evil.example" not in "".join(href for href, _ in links(html))


def test_nesting_too_deep_to_format_is_shown_whole():
    for typed in (">" * 10_000 + " the end", "\n".join("  " * i + f"- item{i}" for i in range(40))):
        html = render(typed)
        assert "the end" in html or "item39" in html
        assert "<blockquote>" not in html and "<ul>" not in html


def test_formatting_that_would_show_a_contact_screening_did_not_read_is_not_applied():
    """A number typed as "07700", a blank line and "100) 900 456" reads, as typed, as
    no number starting 07700; formatted, a reader reads "07700" over a numbered item
    "900 456", one number continued over a list. Such a post is shown as typed."""
    typed = "call 07700\n\n100) 900 456"
    assert "phone:07700900456" not in {str(c) for c in normalize(typed).contacts}
    html = render(typed)
    assert "<ol" not in html and "<li>" not in html
    assert "100) 900 456" in html


def test_emphasis_inside_a_contact_is_read_by_screening_so_formatting_hides_nothing():
    """Screening reads ``+234 810 *555* 0199`` as the number a reader reads (the
    emphasis markers are nothing), so formatting it shows no contact screening missed."""
    for typed in ("call +234 810 *555* 0199 tonight", "call +234 810 555 **0199** tonight"):
        assert "phone:+2348105550199" in {str(c) for c in normalize(typed).contacts}
        html = render(typed)
        assert "<em>" in html or "<strong>" in html
    # A contact typed whole is the same either way: formatting it hides nothing.
    assert "<strong>" in render("the helpline is **0808 2000 247**")


def test_the_memo_and_the_preview_render_the_same():
    text = "Some *words* and https://example.org/x"
    assert str(render_post_markup(text)) == render(text)


def _allowed_only(markup: str) -> list[str]:
    wrong = []
    for tag, attrs in elements(markup):
        if tag not in ALLOWED_TAGS:
            wrong.append(f"tag {tag}")
        for name, value in attrs.items():
            if name not in ALLOWED_ATTRIBUTES.get(tag, []):
                wrong.append(f"{tag} {name}={value}")
        href = attrs.get("href")
        if href is not None and not (href.startswith(("http://", "https://", "/p/"))):
            wrong.append(f"href {href}")
        if tag == "a" and attrs.get("rel") != LINK_REL:
            wrong.append(f"rel {attrs.get('rel')}")
    return wrong


@pytest.mark.skipif(not PAYLOAD_DIR.is_dir(), reason=f"no payload lists at {PAYLOAD_DIR}")
def test_every_payload_leaves_only_allowed_tags_and_attributes():
    texts = payloads() + MARKDOWN_PAYLOADS
    assert len(texts) > 818
    wrong = {text: found for text in texts if (found := _allowed_only(render(text)))}
    assert wrong == {}
    # And all of them in one post, as lines of one text.
    assert _allowed_only(render("\n".join(texts)[:200_000])) == []


# Shapes that make Markdown renderers slow or deep, as units repeated to a length.
MARKDOWN_SHAPES = {
    "formatted story": "I *finally* slept **well**.\n> it gets easier\n- walk\n[a](https://a.org/x)\n\n",
    "nested > on one line": None,
    "> lines deepening": None,
    "runs of *": "*",
    "alternating ** and *": "**a* ",
    "runs of _ between words": "a_ ",
    "opening [": "[",
    "unclosed links": "[a](",
    "brackets and parens": "[(",
    "nested list lines": None,
    "emphasis pairs": "*a* **b** ",
    "links": "[t](https://example.com/x) ",
}


def shaped(name: str, length: int) -> str:
    """A post of ``length`` characters in the named shape."""
    if name == "nested > on one line":
        return ">" * (length - 4) + " end"
    if name == "> lines deepening":
        block = "\n".join(">" * depth + " a" for depth in range(1, 40)) + "\n"
    elif name == "nested list lines":
        block = "\n".join("  " * depth + "- a" for depth in range(30)) + "\n"
    else:
        block = MARKDOWN_SHAPES[name]
    return (block * (length // len(block) + 1))[:length]


def _cpu(text: str) -> float:
    """Best of three, with Python's cycle collector paused: its full collections cost
    in proportion to every object the process holds, the suite's included, and would
    blur the renderer's own growth (bench/markup_rendering.py reports both)."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            started = time.process_time()
            render_preview(text)
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best


@pytest.mark.parametrize("name", list(MARKDOWN_SHAPES))
def test_rendering_time_grows_in_proportion_to_the_text(name):
    """Four times the text costs at most about four times the CPU (ratio, not ms: the
    figures themselves are in bench/markup_rendering.py)."""
    short, long = _cpu(shaped(name, 5_000)), _cpu(shaped(name, 20_000))
    assert long <= 8 * max(short, 0.002), (name, short, long)


# Characters that show nothing; each once cut a bare URL short, so that only its tail
# was a link ("https://payp\u200bal.com" linking to http://al.com).
INVISIBLE = ["\u200b", "\u00ad", "\u200d", "\u200c", "\u2060", "\ufeff", "\u034f", "\u180e"]


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_an_invisible_character_cannot_cut_a_url_short(char):
    html = render(f"Log in at https://payp{char}al.com/signin")
    assert links(html) == [("https://paypal.com/signin", "https://paypal.com/signin")]
    assert links(str(render_post_text.__wrapped__(f"go to payp{char}al.com/x"))) == [
        ("http://paypal.com/x", "paypal.com/x")
    ]
    # In a Markdown link too: its words and its host are shown without it.
    assert links(render(f"[pay{char}pal](https://payp{char}al.com/signin)")) == [
        ("https://paypal.com/signin", "paypal (paypal.com)")
    ]


@pytest.mark.parametrize(
    "typed",
    [
        "[x](https&#58;//evil&#46;example/)",
        "[x](https://evil&#46;example/)",
        "[x](/p&#x2f;1)",
        "[x](/p/&#49;)",
        '[x](https://example.com/a\\"b)',
        "[x](https:\\/\\/evil.example/)",
        "[x](<https://example.com/a b>)",
    ],
)
def test_a_link_target_is_linked_only_as_typed(typed):
    """markdown-it decodes character references and backslashes in a link's target: a
    link is made only when its target as typed is the URL linked; otherwise the whole
    construct is shown as typed."""
    html = render(typed)
    assert visible_text(html).strip() == typed
    for href, text in links(html):
        # Only a bare URL in the typed text may be linked, exactly as typed.
        assert href in typed and text in typed, (href, text)
    assert "evil.example" not in "".join(href for href, _ in links(html))


def test_words_reading_as_an_address_show_where_a_post_link_goes():
    assert links(render("[https://paypal.com/login](/p/1)")) == [
        ("/p/1", "https://paypal.com/login (/p/1)")
    ]
    assert links(render("[paypal.com](/p/1)")) == [("/p/1", "paypal.com (/p/1)")]
    # A quote's link, a name, stays as it was.
    assert links(render("[Gentle Heron](/p/12) wrote:")) == [("/p/12", "Gentle Heron")]


def test_a_link_shows_the_port_it_goes_to():
    assert links(render("[x](https://127.0.0.1:5200/a)")) == [
        ("https://127.0.0.1:5200/a", "x (127.0.0.1:5200)")
    ]
    assert links(render("[x](https://example.com:8443/)")) == [
        ("https://example.com:8443/", "x (example.com:8443)")
    ]
    assert links(render("[example.com:8443](https://example.com:8443)")) == [
        ("https://example.com:8443", "example.com:8443")
    ]


def test_nesting_is_formatted_exactly_to_the_limits_readme_states():
    """README: past 16 levels, a quote one and a list two, a post is shown as typed; it
    once said "16 quotes, 8 lists" and a tester's "> - " eight times was shown as typed."""
    within = ["> - " * 5 + "deep", ">" * 16 + " deep", "> " * 2 + "- " * 7 + "deep"]
    within.append("\n".join("  " * i + f"- deep{i}" for i in range(8)))
    for typed in within:
        html = render(typed)
        assert "<blockquote>" in html or "<ul>" in html, typed
        assert "&gt;" not in html, typed
    deeper = ["> - " * 6 + "deep", ">" * 17 + " deep", "> " * 3 + "- " * 7 + "deep"]
    deeper.append("\n".join("  " * i + f"- deep{i}" for i in range(9)))
    for typed in deeper:
        html = render(typed)
        assert "<blockquote>" not in html and "<ul>" not in html, typed
        assert " ".join(visible_text(html).split()) == " ".join(typed.split())
