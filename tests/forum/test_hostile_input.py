"""Whatever people type is shown as text; only plain http(s) URLs become links."""

from html.parser import HTMLParser

import pytest

from models import Post, PostStatus, Thread, db
from tests.conftest import submit

FORBIDDEN_TAGS = {"script", "img", "svg", "iframe", "style", "object", "embed"}


class ElementCollector(HTMLParser):
    """The elements and attributes a browser would build from the page."""

    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {name: value or "" for name, value in attrs}))


def elements(html: str) -> list[tuple[str, dict]]:
    collector = ElementCollector()
    collector.feed(html)
    return collector.elements


HOSTILE = [
    "<script>alert('x')</script>",
    '<a href="javascript:alert(1)">click</a>',
    "<img src=x onerror=alert(1)>",
    '<svg onload="alert(1)">',
    "javascript:alert(document.cookie)",
    '"><iframe src="https://evil.example"></iframe>',
    "<style>body{display:none}</style>",
    'https://example.org/"onmouseover="alert(1)',
]


def _publish_everything(app) -> None:
    """Some payloads look like spam and are held; here only their rendering matters."""
    with app.app_context():
        db.session.execute(db.update(Post).values(status=PostStatus.PUBLISHED))
        db.session.execute(db.update(Thread).values(status=PostStatus.PUBLISHED))
        db.session.commit()


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_text_is_escaped_everywhere(app, client, payload):
    submit(client, "/new", {"title": f"T {payload}", "body": f"Body {payload}"})
    _publish_everything(app)
    submit(client, "/t/1", {"body": f"Reply {payload}"}, "/t/1/reply")
    _publish_everything(app)
    for url in ("/", "/t/1", "/p/1/status", "/p/1/edit"):
        page = client.get(url)
        assert page.status_code == 200, url
        for tag, attrs in elements(page.get_data(as_text=True)):
            assert tag not in FORBIDDEN_TAGS, (url, tag)
            assert not [name for name in attrs if name.startswith("on")], (url, tag, attrs)
            for name in ("href", "src", "action"):
                assert not attrs.get(name, "").strip().lower().startswith("javascript:")


def test_urls_become_nofollow_links(client):
    submit(client, "/new", {"title": "Links", "body": "Read https://example.org/help?a=1&b=2"})
    html = client.get("/t/1").get_data(as_text=True)
    assert (
        '<a href="https://example.org/help?a=1&amp;b=2" rel="nofollow ugc noopener" '
        'target="_blank">' in html
    )


def test_markup_looking_text_is_shown_as_written(client):
    submit(client, "/new", {"title": "Tags", "body": "I <3 him & <b>miss</b> him"})
    html = client.get("/t/1").get_data(as_text=True)
    assert "I &lt;3 him &amp; &lt;b&gt;miss&lt;/b&gt; him" in html
