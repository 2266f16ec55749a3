"""Promise (README, "Safe to read"): URLs in posts become links, and a link shows where it
goes. A reader who sees ``paypal.com`` must not be sent to a Cyrillic look-alike, text
that reads ``gnp.exe`` must not be ``exe.png`` run backwards, and the target is the URL
exactly as typed, ``&amp;`` included."""

from html.parser import HTMLParser

from models import Post, PostStatus, Thread, db
from tests.promises.forms import submit_as_rendered

# (typed in the post, the href a reader's click goes to, the link text a reader sees)
LINKS = [
    # A typed "&amp;" is part of the address; it once became "&".
    (
        "https://example.org/a?x=1&amp;y=2",
        "https://example.org/a?x=1&amp;y=2",
        "https://example.org/a?x=1&amp;y=2",
    ),
    ("https://example.org/b?x=1&y=2", "https://example.org/b?x=1&y=2", None),
    # Cyrillic р, а, у, а, р, а with a Latin l: shown as browsers show it, xn--.
    ("http://раураl.com/login", "http://xn--l-7sba6dbr.com/login", None),
    # Every letter Cyrillic, every one a Latin look-alike.
    ("https://рауа.com/", "https://xn--80aa0cn.com/", None),
    # A right-to-left override makes "gnp.exe" read as "exe.png"; it goes.
    ("http://files.example.com/\u202egnp.exe", "http://files.example.com/gnp.exe", None),
    # Direction controls inside the host no longer cut the link short.
    ("http://ex\u2066amp\u200fle.com/x", "http://example.com/x", None),
    # An ordinary international name is left as it is written.
    ("https://bücher.de/liebe", "https://bücher.de/liebe", None),
]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[list[str]] = []
        self._open = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "ugc" in (attrs.get("rel") or ""):
            self.links.append([attrs["href"], ""])
            self._open = True

    def handle_data(self, data):
        if self._open:
            self.links[-1][1] += data

    def handle_endtag(self, tag):
        if tag == "a":
            self._open = False


def post_links(app, client) -> None:
    body = "Links people sent me:\n" + "\n".join(typed for typed, _, _ in LINKS)
    response = submit_as_rendered(
        client, "/new", "/new", {"title": "Are these real?", "body": body}
    )
    assert response.status_code == 302
    with app.app_context():  # some may look like spam and be held; here only links matter
        db.session.execute(db.update(Post).values(status=PostStatus.PUBLISHED))
        db.session.execute(db.update(Thread).values(status=PostStatus.PUBLISHED))
        db.session.commit()


def test_links_go_where_they_say_and_keep_what_was_typed(app, client):
    post_links(app, client)
    parser = _Links()
    parser.feed(app.test_client().get("/t/1").get_data(as_text=True))
    assert parser.links == [[href, text or href] for _, href, text in LINKS]
    for href, text in parser.links:
        assert not set(href + text) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2069\u200f")


def test_the_browser_follows_the_link_it_shows(app, live_server, browser):
    post_links(app, app.test_client())
    page = browser.new_page()
    page.goto(f"{live_server}/t/1")
    seen = page.eval_on_selector_all(
        ".post-body a", "links => links.map(a => [a.href, a.textContent])"
    )
    by_text = dict((text, href) for href, text in seen)
    # The href as the browser resolved it: the exact typed query, the xn-- host.
    assert by_text["https://example.org/a?x=1&amp;y=2"] == "https://example.org/a?x=1&amp;y=2"
    assert by_text["http://xn--l-7sba6dbr.com/login"] == "http://xn--l-7sba6dbr.com/login"
    assert by_text["http://files.example.com/gnp.exe"] == "http://files.example.com/gnp.exe"
    # A link reads left to right even after an override the author left open.
    assert page.eval_on_selector(".post-body a", "a => getComputedStyle(a).unicodeBidi") == (
        "isolate"
    )
