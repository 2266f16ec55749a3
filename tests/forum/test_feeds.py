"""Atom feeds of the front page and of each thread: published posts only, escaped, as
valid Atom (RFC 4287's required elements, read with a real XML parser), linked from the
pages, and cached like the reader pages."""

import re
from datetime import datetime, timedelta
from xml.etree import ElementTree

from app.forum.writing import create_reply, create_thread
from app.poster_identity import Poster
from models import Post, db
from tests.conftest import SCAM, submit
from tests.promises.forms import submit_as_rendered
from tests.search.test_search import decide, new_thread, reply

NS = {"a": "http://www.w3.org/2005/Atom"}
ABSOLUTE_IRI = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s]+$", re.IGNORECASE)
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def atom(client, url: str) -> ElementTree.Element:
    """The feed at ``url``, checked against what RFC 4287 requires of every feed."""
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    feed = ElementTree.fromstring(response.data)
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    _required(feed)
    assert feed.find("a:link[@rel='self']", NS).get("href").endswith(url)
    # A feed without an author of its own needs one in every entry (4.1.1).
    has_author = feed.find("a:author", NS) is not None
    ids = set()
    for entry in feed.findall("a:entry", NS):
        _required(entry)
        assert has_author or entry.find("a:author", NS) is not None
        # No content, then a link to where it is (4.1.1.1); we always give both.
        assert entry.find("a:content", NS) is not None
        assert entry.find("a:link[@rel='alternate']", NS) is not None
        assert entry.findtext("a:id", namespaces=NS) not in ids  # ids are unique
        ids.add(entry.findtext("a:id", namespaces=NS))
        # The feed changed at least as late as any of its entries.
        assert _moment(feed) >= _moment(entry)
    return feed


def _required(element: ElementTree.Element) -> None:
    """RFC 4287's rules for a feed or an entry: one id (an absolute IRI), one title (a
    text construct), one updated (an RFC 3339 date), authors with exactly one name, and
    at most one alternate link for each type and language."""
    for name in ("id", "title", "updated"):
        assert len(element.findall(f"a:{name}", NS)) == 1, name
    assert ABSOLUTE_IRI.match(element.findtext("a:id", namespaces=NS))
    assert element.find("a:title", NS).get("type", "text") in ("text", "html", "xhtml")
    assert RFC3339.match(element.findtext("a:updated", namespaces=NS))
    for author in element.findall("a:author", NS):
        assert len(author.findall("a:name", NS)) == 1
    alternates = [
        (link.get("type"), link.get("hreflang"))
        for link in element.findall("a:link", NS)
        if link.get("rel", "alternate") == "alternate"
    ]
    assert len(alternates) == len(set(alternates)) >= 1
    for link in element.findall("a:link", NS):
        assert ABSOLUTE_IRI.match(link.get("href"))


def _moment(element: ElementTree.Element) -> datetime:
    return datetime.fromisoformat(element.findtext("a:updated", namespaces=NS).replace("Z", ""))


def contents(feed) -> list[str]:
    return [e.findtext("a:content", namespaces=NS) for e in feed.findall("a:entry", NS)]


def test_the_front_page_feed_has_the_published_threads(app, client, moderator):
    first = new_thread(client, "First winter alone", "The heating broke too.")
    held = new_thread(client, "Spell that works", SCAM)
    new_thread(client, "Second week", "Better than the first.")
    feed = atom(client, "/feed.atom")
    titles = [e.findtext("a:title", namespaces=NS) for e in feed.findall("a:entry", NS)]
    assert titles == ["Second week", "First winter alone"]
    assert SCAM not in contents(feed)
    entry = feed.find("a:entry", NS)
    assert entry.find("a:link", NS).get("href").endswith("/p/3")
    assert datetime.fromisoformat(entry.findtext("a:published", namespaces=NS))
    decide(moderator, held, "approve")
    assert "Spell that works" in client.get("/feed.atom").get_data(as_text=True)
    assert first


def test_a_thread_feed_has_its_published_posts_only(app, client, moderator):
    thread = new_thread(client, "Talking it through", "Where do I start.")
    kind = reply(client, thread, "Start anywhere, we are listening.")
    unkind = reply(client, thread, "Nobody cares, you are pathetic.")
    submit(app.test_client(), f"/p/{unkind}/report", {"reason": "abuse", "details": ""})
    decide(moderator, unkind, "remove", reason="abuse")
    feed = atom(client, f"/t/{thread}/feed.atom")
    assert contents(feed) == ["Start anywhere, we are listening.", "Where do I start."]
    assert feed.find("a:entry/a:link", NS).get("href").endswith(f"/p/{kind}")
    assert client.get("/t/99/feed.atom").status_code == 404


def test_a_thread_that_is_not_published_has_no_feed(app, client):
    held = new_thread(client, "Spell that works", SCAM)
    assert client.get(f"/t/{held}/feed.atom").status_code == 404
    assert app.test_client().get(f"/t/{held}/feed.atom").status_code == 404


def test_hostile_text_arrives_as_text(app, client):
    body = 'A <script>alert(1)</script> & ]]> "quote" \x01\x1f end'
    thread = new_thread(client, "<b>bold</b> & ]]>", body)
    for url in ("/feed.atom", f"/t/{thread}/feed.atom"):
        raw = client.get(url).get_data(as_text=True)
        assert "<script>" not in raw and "<b>" not in raw
        feed = atom(client, url)
        entry = feed.find("a:entry", NS)
        assert entry.findtext("a:title", namespaces=NS) == "<b>bold</b> & ]]>"
        assert entry.find("a:content", NS).get("type") == "text"
        assert contents(feed) == ['A <script>alert(1)</script> & ]]> "quote"  end']


def test_the_pages_link_their_feeds(app, client):
    thread = new_thread(client, "Linked", "A thread with a feed.")
    alternate = '<link rel="alternate" type="application/atom+xml"'
    front = client.get("/").get_data(as_text=True)
    assert alternate in front and 'href="/feed.atom"' in front
    page = client.get(f"/t/{thread}").get_data(as_text=True)
    assert alternate in page and f'href="/t/{thread}/feed.atom"' in page


def test_feeds_are_cached_for_readers_and_forgotten_on_delete(make_app):
    app = make_app(READER_CACHE_SECONDS=60)
    author = app.test_client()
    thread = new_thread(author, "Cached thread", "Words about the greenhouse.")
    for url in ("/feed.atom", f"/t/{thread}/feed.atom"):
        assert "greenhouse" in app.test_client().get(url).get_data(as_text=True)
    cached = app.test_client().get(f"/t/{thread}/feed.atom")
    assert cached.mimetype == "application/atom+xml"
    ElementTree.fromstring(cached.data)
    # A new post moves the thread's version on: the kept copy is not served again.
    reply(author, thread, "A reply about tomatoes.")
    assert "tomatoes" in app.test_client().get(f"/t/{thread}/feed.atom").get_data(as_text=True)
    # A delete drops the copies at once.
    submit_as_rendered(author, f"/p/{thread}/delete", f"/p/{thread}/delete")
    for url in ("/feed.atom", f"/t/{thread}/feed.atom"):
        assert "greenhouse" not in app.test_client().get(url).get_data(as_text=True)


def test_each_feed_holds_the_newest_thirty(app, client):
    """README: "30 entries each", the newest first; the oldest falls off the end."""
    with app.app_context():
        poster = Poster(key="feed-length-poster-key-abc", address_hash="f")
        first, _ = create_thread("Thread 0", "The very first.", poster)
        thread_id = first.thread_id
        for number in range(1, 31):
            create_thread(f"Thread {number}", f"Opening words {number}.", poster)
            create_reply(first.thread, f"Reply {number}.", poster)
    front = atom(client, "/feed.atom")
    titles = [e.findtext("a:title", namespaces=NS) for e in front.findall("a:entry", NS)]
    assert titles == [f"Thread {number}" for number in range(30, 0, -1)]
    thread = atom(client, f"/t/{thread_id}/feed.atom")
    assert contents(thread) == [f"Reply {number}." for number in range(30, 0, -1)]


def test_an_edit_moves_the_entry_and_the_feed_on(app, client):
    thread = new_thread(client, "Before", "The words as first written.")
    with app.app_context():  # written a minute ago: the edit comes later, as a person's does
        post = db.session.get(Post, thread)
        post.created_at -= timedelta(minutes=1)
        db.session.commit()
    before = atom(client, "/feed.atom")
    response = submit_as_rendered(
        client, f"/p/{thread}/edit", "/edit", {"title": "After", "body": "Better words now."}
    )
    assert response.status_code == 302
    after = atom(client, "/feed.atom")
    entry = after.find("a:entry", NS)
    assert entry.findtext("a:title", namespaces=NS) == "After"
    assert contents(after) == ["Better words now."]
    assert entry.findtext("a:id", namespaces=NS) == before.find("a:entry/a:id", NS).text
    published = entry.findtext("a:published", namespaces=NS)
    assert _moment(entry) > datetime.fromisoformat(published.replace("Z", ""))
    assert _moment(after) > _moment(before)
